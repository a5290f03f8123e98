/**
 * Line numbers of the first levels of a pretty-printed `cdk.tf.json` (cdktf writes two-space
 * indented JSON, one key per line), so findings can point at `resource.signoz_rule.X` in the file.
 */

/** JSON Pointer segment escaping (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(...keys: readonly (string | number)[]): string {
  return keys.map((k) => `/${pointerSegment(k)}`).join('');
}

const KEY_LINE = /^( *)"((?:[^"\\]|\\.)*)":/;

/** Maps JSON Pointers of keys up to `maxDepth` levels deep to their 1-based line. */
export function jsonLineIndex(text: string, maxDepth = 3): Map<string, number> {
  const index = new Map<string, number>();
  const path: string[] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    line++;
    // Only lines indented at most maxDepth levels can hold a key we index.
    if (text.charCodeAt(start) === 32 && text.charCodeAt(start + maxDepth * 2) !== 32) {
      const match = KEY_LINE.exec(text.slice(start, Math.min(stop, start + 4096)));
      if (match && match[1]!.length % 2 === 0) {
        const depth = match[1]!.length / 2;
        if (depth >= 1 && depth <= maxDepth) {
          path.length = depth - 1;
          path.push(pointerSegment(JSON.parse(`"${match[2]}"`) as string));
          index.set(`/${path.join('/')}`, line);
        }
      }
    }
    if (end < 0) break;
    start = end + 1;
  }
  return index;
}

/** The line of `pointer`, or of its nearest indexed parent. */
export function lineOf(index: ReadonlyMap<string, number>, pointer: string): number | undefined {
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const line = index.get(p);
    if (line !== undefined) return line;
  }
  return undefined;
}
