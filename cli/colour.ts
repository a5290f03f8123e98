/**
 * Colour on the command line: only for a terminal. `NO_COLOR` (any non-empty value, no-color.org)
 * turns it off; `FORCE_COLOR` turns it on where a CI log renders it (`0` or `false` turn it off);
 * a pipe or file, and `TERM=dumb`, get plain text. Output is otherwise the same, byte for byte.
 */

/** Whether output to a stream should be coloured. */
export function colourEnabled(env: Readonly<Record<string, string | undefined>>, isTerminal: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return isTerminal && env.TERM !== 'dumb';
}

const CODES = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22] } as const;
export type Style = keyof typeof CODES;

/** A painter: `paint('green', 'PASS')`; the identity when colour is off. */
export function painter(enabled: boolean): (style: Style, text: string) => string {
  return enabled ? (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : (_style, text) => text;
}
