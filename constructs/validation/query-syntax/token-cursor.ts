/**
 * The plumbing the filter and having parsers share: a cursor over their tokens (the last one is
 * always `EOF`), and failing at a token with a `SyntaxProblem` that their entry points return.
 */
import type { SyntaxProblem } from './syntax-problem';

export interface CursorToken<Type extends string> {
  readonly type: Type | 'EOF';
  readonly text: string;
  readonly offset: number;
}

/** Thrown by a parser at the first problem; its entry point turns it into the returned problem. */
export class SyntaxFailure extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

export function describeToken(token: CursorToken<string>): string {
  return token.type === 'EOF' ? 'end of the expression' : JSON.stringify(token.text);
}

export abstract class TokenCursor<Type extends string, Token extends CursorToken<Type> = CursorToken<Type>> {
  protected position = 0;

  constructor(
    protected readonly text: string,
    protected readonly tokens: readonly Token[],
  ) {}

  protected peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)]!;
  }

  protected next(): Token {
    const token = this.peek();
    if (token.type !== 'EOF') this.position++;
    return token;
  }

  protected fail(token: Token, message: string): never {
    throw new SyntaxFailure({ offset: token.offset, message });
  }

  protected unexpected(token: Token, expected: string): never {
    this.fail(token, `unexpected ${describeToken(token)}; expected ${expected}`);
  }

  protected expect(type: Type | 'EOF', expected: string): Token {
    const token = this.peek();
    if (token.type !== type) this.unexpected(token, expected);
    return this.next();
  }
}
