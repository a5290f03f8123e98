/**
 * Why `pattern` would fail in Go's RE2 (which SigNoz uses for `matches`), or undefined when it is
 * fine. JavaScript's RegExp checks the syntax; RE2 additionally has no look-around and no
 * back-references.
 */
export function regexProblem(pattern: string): string | undefined {
  if (/\(\?<?[=!]/.test(pattern)) return 'look-ahead and look-behind ((?=, (?!, (?<=, (?<!) are not supported by Go regular expressions';
  if (/(^|[^\\])\\[1-9]/.test(pattern)) return 'back-references (\\1 ...) are not supported by Go regular expressions';
  if (/\\k</.test(pattern)) return 'named back-references (\\k<name>) are not supported by Go regular expressions';
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (err) {
    return (err as Error).message.replace(/^Invalid regular expression: /, '');
  }
}
