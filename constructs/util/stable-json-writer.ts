/**
 * Writes a value as the bytes `json-stable-stringify` (the version cdktf writes stack files with)
 * gives for `{ space }`, in 64 KB chunks instead of one string: keys sorted, `toJSON` honoured,
 * undefined and function members left out, undefined and functions in arrays written as `null`,
 * an empty object or array still opened and closed on two lines. A stack of 10,000 alerts is a
 * 30 MB document; built as one string (and as one string per level on the way up) it costs
 * several times that in memory that only a full garbage collection gives back.
 */
import * as fs from 'node:fs';

const CHUNK = 64 * 1024;

/** Where the text goes, a piece at a time. */
export type TextSink = (text: string) => void;

/** The value `json-stable-stringify` writes for `node`: its `toJSON()` result when it has one. */
function jsonValue(node: unknown): unknown {
  return node && typeof (node as { toJSON?: unknown }).toJSON === 'function' ? (node as { toJSON: () => unknown }).toJSON() : node;
}

/** The text of a value that is not an object, or `undefined` when it writes nothing (undefined, a function, a symbol). */
function primitiveText(value: unknown): string | undefined {
  return JSON.stringify(value) as string | undefined;
}

/**
 * Sends the stable JSON text of `value` to `sink`; returns false (and sends nothing) when
 * `json-stable-stringify` would return `undefined` for it.
 */
export function writeStableJson(value: unknown, sink: TextSink, space = 2): boolean {
  const unit = ' '.repeat(space);
  const seen: object[] = [];

  // `node` has had its toJSON applied already; writes it at `level` (its first line is already placed).
  const write = (node: unknown, level: number): void => {
    if (typeof node !== 'object' || node === null) {
      sink(primitiveText(node)!);
      return;
    }
    const indent = space ? `\n${unit.repeat(level)}` : '';
    const itemIndent = indent + unit;
    if (Array.isArray(node)) {
      sink('[');
      for (let i = 0; i < node.length; i++) {
        sink(i === 0 ? itemIndent : `,${itemIndent}`);
        const item = jsonValue(node[i]);
        if (item === undefined || (typeof item !== 'object' && primitiveText(item) === undefined)) sink('null');
        else write(item, level + 1);
      }
      sink(`${indent}]`);
      return;
    }
    if (seen.includes(node)) throw new TypeError('Converting circular structure to JSON');
    seen.push(node);
    const record = node as Record<string, unknown>;
    const colon = space ? ': ' : ':';
    sink('{');
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const member = jsonValue(record[key]);
      if (member === undefined || (typeof member !== 'object' && primitiveText(member) === undefined)) continue;
      sink(`${first ? '' : ','}${itemIndent}${JSON.stringify(key)}${colon}`);
      first = false;
      write(member, level + 1);
    }
    seen.splice(seen.indexOf(node), 1);
    sink(`${indent}}`);
  };

  const root = jsonValue(value);
  if (root === undefined || (typeof root !== 'object' && primitiveText(root) === undefined)) return false;
  write(root, 0);
  return true;
}

/** Writes the stable JSON text of `value` to `file` (created or truncated) in chunks; `json-stable-stringify(value, { space })` as bytes. */
export function writeStableJsonFile(file: string, value: unknown, space = 2): void {
  const fd = fs.openSync(file, 'w');
  try {
    let pending = '';
    const flush = (): void => {
      const bytes = Buffer.from(pending, 'utf8');
      pending = '';
      for (let offset = 0; offset < bytes.length;) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    };
    writeStableJson(
      value,
      (text) => {
        pending += text;
        if (pending.length >= CHUNK) flush();
      },
      space,
    );
    flush();
  } finally {
    fs.closeSync(fd);
  }
}
