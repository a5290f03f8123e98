/** RFC 6901 JSON Pointers: the `path` of every validation issue. */

/** Escapes one reference token (`~` -> `~0`, `/` -> `~1`). */
export function escapePointerToken(token: string | number): string {
  const text = String(token);
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/** Joins a pointer and further tokens: `pointer('/condition', 'thresholds', 0)` -> `/condition/thresholds/0`. */
export function pointer(base: string, ...tokens: (string | number)[]): string {
  let result = base;
  for (const token of tokens) result += `/${escapePointerToken(token)}`;
  return result;
}

function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The reference tokens of a pointer (`/a/b~1c` -> `['a', 'b/c']`). */
export function pointerTokens(path: string): string[] {
  return path === '' ? [] : path.slice(1).split('/').map(unescapePointerToken);
}

/** Orders pointers like document positions: by token, array indices numerically. */
export function comparePointers(left: string, right: string): number {
  const a = pointerTokens(left);
  const b = pointerTokens(right);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) continue;
    const bothIndices = /^\d+$/.test(x) && /^\d+$/.test(y);
    if (bothIndices) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
