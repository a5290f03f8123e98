/**
 * Tokens of Go text/template source (`{{ }}` delimiters), following the rules of Go's
 * `text/template/parse` lexer: trim markers, comments, quoted/raw strings, character constants,
 * numbers, fields, variables and the punctuation of pipelines.
 */
import { TemplateSyntaxError } from './template-syntax-error';

export type TokenKind =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'keyword'
  | 'bool'
  | 'nil'
  | 'field'
  | 'variable'
  | 'dot'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'complex'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'otherChar'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly line: number;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);
const SPACE = /[ \t\r\n]/;
const UNICODE_ALPHANUMERIC = /[\p{L}\p{Nd}_]/u;

/** Go's `isAlphaNumeric`: letters, digits and `_`, with an ASCII fast path. */
function isAlphaNumeric(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  return UNICODE_ALPHANUMERIC.test(ch);
}

/** Go's `%#U`: `U+00A0`, with the character quoted when it is printable (`U+00E9 'é'`). */
export function describeRune(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch) ? `${code} '${ch}'` : code;
}

class Lexer {
  readonly tokens: Token[] = [];
  private pos = 0;
  private line = 1;

  constructor(private readonly input: string) {}

  run(): Token[] {
    while (this.pos < this.input.length) this.lexText();
    this.emit('eof', '');
    return this.tokens;
  }

  private fail(message: string): never {
    throw new TemplateSyntaxError(message, this.line);
  }

  private emit(kind: TokenKind, value: string): void {
    this.tokens.push({ kind, value, line: this.line });
    for (const ch of value) if (ch === '\n') this.line++;
  }

  private take(kind: TokenKind, end: number): void {
    this.emit(kind, this.input.slice(this.pos, end));
    this.pos = end;
  }

  private startsWith(text: string, at = this.pos): boolean {
    return this.input.startsWith(text, at);
  }

  private lexText(): void {
    const open = this.input.indexOf('{{', this.pos);
    if (open < 0) {
      this.take('text', this.input.length);
      return;
    }
    if (open > this.pos) this.take('text', open);
    this.take('leftDelim', open + 2);
    if (this.input[this.pos] === '-' && SPACE.test(this.input[this.pos + 1] ?? '')) this.pos += 2;
    if (this.startsWith('/*')) {
      this.lexComment();
      return;
    }
    this.lexInsideAction();
  }

  private lexComment(): void {
    const close = this.input.indexOf('*/', this.pos + 2);
    if (close < 0) this.fail('unclosed comment');
    const delimLength = this.rightDelimAt(close + 2);
    if (delimLength === 0) this.fail('comment ends before closing delimiter');
    const end = close + 2 + delimLength;
    for (const ch of this.input.slice(this.pos, end)) if (ch === '\n') this.line++;
    this.pos = end;
    this.tokens.pop(); // a comment is no action: drop its left delimiter
  }

  /** `}}` or the trimming ` -}}` at `at`; returns the delimiter length or 0. */
  private rightDelimAt(at: number): number {
    if (this.startsWith('}}', at)) return 2;
    if (SPACE.test(this.input[at] ?? '') && this.input[at + 1] === '-' && this.startsWith('}}', at + 2)) return 4;
    return 0;
  }

  private lexInsideAction(): void {
    let parenDepth = 0;
    for (;;) {
      const delimLength = this.rightDelimAt(this.pos);
      if (delimLength > 0) {
        if (parenDepth > 0) this.fail('unclosed left paren');
        this.take('rightDelim', this.pos + delimLength);
        return;
      }
      const ch = this.input[this.pos];
      if (ch === undefined) this.fail('unclosed action');
      if (SPACE.test(ch)) {
        let end = this.pos;
        while (SPACE.test(this.input[end] ?? '') && this.rightDelimAt(end) === 0) end++;
        this.take('space', Math.max(end, this.pos + 1));
      } else if (ch === '=') this.take('assign', this.pos + 1);
      else if (ch === ':') {
        if (this.input[this.pos + 1] !== '=') this.fail('expected :=');
        this.take('declare', this.pos + 2);
      } else if (ch === '|') this.take('pipe', this.pos + 1);
      else if (ch === ',') this.take('comma', this.pos + 1);
      else if (ch === '"') this.lexQuoted();
      else if (ch === '`') this.lexRawQuoted();
      else if (ch === "'") this.lexChar();
      else if (ch === '$') this.lexWord('variable', this.pos + 1);
      else if (ch === '.' && /[0-9]/.test(this.input[this.pos + 1] ?? '')) this.lexNumber();
      else if (ch === '.') this.lexWord('field', this.pos + 1);
      else if (ch === '+' || ch === '-' || /[0-9]/.test(ch)) this.lexNumber();
      else if (isAlphaNumeric(ch)) this.lexIdentifier();
      else if (ch === '(') {
        parenDepth++;
        this.take('leftParen', this.pos + 1);
      } else if (ch === ')') {
        parenDepth--;
        if (parenDepth < 0) this.fail(`unexpected right paren`);
        this.take('rightParen', this.pos + 1);
      } else if (ch.charCodeAt(0) < 0x7f && ch.charCodeAt(0) >= 0x20) this.take('otherChar', this.pos + 1);
      else this.fail(`unrecognized character in action: ${describeRune(String.fromCodePoint(this.input.codePointAt(this.pos)!))}`);
    }
  }

  private wordEnd(from: number): number {
    let end = from;
    while (end < this.input.length && isAlphaNumeric(this.input[end] as string)) end++;
    return end;
  }

  /** Words must be followed by a space, punctuation or the closing delimiter. */
  private checkTerminator(at: number): void {
    const ch = this.input[at];
    if (ch === undefined || SPACE.test(ch) || '.,|:)('.includes(ch) || this.rightDelimAt(at) > 0) return;
    this.fail(`bad character ${describeRune(String.fromCodePoint(this.input.codePointAt(at)!))}`);
  }

  private lexWord(kind: 'variable' | 'field', from: number): void {
    const end = this.wordEnd(from);
    this.checkTerminator(end);
    if (kind === 'field' && end === from) this.take('dot', end);
    else this.take(kind, end);
  }

  private lexIdentifier(): void {
    const end = this.wordEnd(this.pos);
    this.checkTerminator(end);
    const word = this.input.slice(this.pos, end);
    if (KEYWORDS.has(word)) this.take('keyword', end);
    else if (word === 'true' || word === 'false') this.take('bool', end);
    else if (word === 'nil') this.take('nil', end);
    else this.take('identifier', end);
  }

  /** Go's `scanNumber` from `at`: the end of the number, or where it went wrong (negative: -(end)-1). */
  private scanNumber(at: number): number {
    let i = at;
    const accept = (chars: string): boolean => {
      const ch = this.input[i];
      if (ch !== undefined && chars.includes(ch)) {
        i++;
        return true;
      }
      return false;
    };
    const acceptRun = (chars: string): void => {
      while (accept(chars));
    };
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    const next = this.input.codePointAt(i);
    if (next !== undefined && isAlphaNumeric(String.fromCodePoint(next))) return -(i + (next > 0xffff ? 2 : 1)) - 1;
    return i;
  }

  /** A number, or a complex constant `1+2i` (no spaces, ending in `i`). */
  private lexNumber(): void {
    const fail = (end: number): never => this.fail(`bad number syntax: ${JSON.stringify(this.input.slice(this.pos, end))}`);
    let end = this.scanNumber(this.pos);
    if (end < 0) fail(-end - 1);
    const sign = this.input[end];
    if (sign === '+' || sign === '-') {
      const imaginaryEnd = this.scanNumber(end);
      if (imaginaryEnd < 0) fail(-imaginaryEnd - 1);
      if (this.input[imaginaryEnd - 1] !== 'i') fail(imaginaryEnd);
      end = imaginaryEnd;
      this.take('complex', end);
      return;
    }
    this.take('number', end);
  }

  /** A quoted string or character constant; a backslash escapes anything but a newline (Go's `lexQuote`/`lexChar`). */
  private lexQuotedUntil(quote: string, kind: 'string' | 'char', unterminated: string): void {
    let i = this.pos + 1;
    for (;;) {
      let ch = this.input[i++];
      if (ch === '\\') {
        ch = this.input[i++];
        if (ch !== undefined && ch !== '\n') continue;
      }
      if (ch === undefined || ch === '\n') this.fail(unterminated);
      if (ch === quote) break;
    }
    this.take(kind, i);
  }

  private lexQuoted(): void {
    this.lexQuotedUntil('"', 'string', 'unterminated quoted string');
  }

  private lexChar(): void {
    this.lexQuotedUntil("'", 'char', 'unterminated character constant');
  }

  private lexRawQuoted(): void {
    const close = this.input.indexOf('`', this.pos + 1);
    if (close < 0) this.fail('unterminated raw quoted string');
    this.take('rawString', close + 1);
  }
}

/** The tokens of `input`; throws `TemplateSyntaxError` where Go's lexer reports an error. */
export function lexTemplate(input: string): Token[] {
  return new Lexer(input).run();
}
