/**
 * Go regular expressions (RE2 syntax), as SigNoz compiles them with Go's `regexp.Compile` for
 * `matches` in route policies and maintenance scopes. Checked and evaluated with re2js, the
 * JavaScript port of RE2/Go's regexp, not with JavaScript's RegExp: `(?i)prod`, `\pL`,
 * `[[:alpha:]]`, `(?P<n>x)` and `\Q..\E` are valid Go; look-around, back-references and
 * `x{1001}` are not.
 */
import { RE2JS } from 're2js';

/**
 * Go accepts a capture-group name used twice (`(?P<x>a)(?P<x>b)`); re2js, like RE2 in C++, does
 * not. Names are word characters, so giving each group a fresh name changes nothing else.
 */
function withUniqueGroupNames(pattern: string): string {
  let n = 0;
  return pattern.replace(/\(\?(P?)<(\w+)>/g, (_, p: string) => `(?${p}<g${++n}_>`);
}

function compile(pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (err) {
    if (!/duplicate capture group name/.test((err as Error).message)) throw err;
    return RE2JS.compile(withUniqueGroupNames(pattern));
  }
}

/**
 * Why `pattern` would fail in Go's `regexp.Compile`, or undefined when it compiles. Look-around
 * and back-references, which other engines take, get a message that says so.
 */
export function regexProblem(pattern: string): string | undefined {
  try {
    compile(pattern);
    return undefined;
  } catch (err) {
    if (/\(\?<?[=!]/.test(pattern)) return 'look-ahead and look-behind ((?=, (?!, (?<=, (?<!) are not supported by Go regular expressions';
    if (/\\k</.test(pattern)) return 'named back-references (\\k<name>) are not supported by Go regular expressions';
    if (/(^|[^\\])(\\\\)*\\[1-9]/.test(pattern)) return 'back-references (\\1 ...) are not supported by Go regular expressions';
    return (err as Error).message.replace(/^error parsing regexp: /, '');
  }
}

/** Whether `text` contains a match of the Go regular expression `pattern` (Go's `regexp.MatchString`, unanchored). */
export function re2Matches(pattern: string, text: string): boolean {
  return compile(pattern).test(text);
}
