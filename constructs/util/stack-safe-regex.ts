/**
 * V8 runs a counted repetition with no upper bound (`[a-z]{20,}`) with a backtrack entry per
 * character, so a run of a few million matching characters overflows the stack. The same
 * repetition written as `[a-z]{20}[a-z]*` runs in a loop. This rewrites the first form into the
 * second (same language, same matches) for a single character class or escape.
 */
const UNBOUNDED_COUNT = /(\[(?:\\.|[^\]\\])*\]|\\[dDwWsS]|\\.|[^\\()[\]{}|*+?])\{(\d+),\}/g;

/** `regex` with each `X{n,}` of a single character class or escape written as `X{n}X*`. */
export function stackSafeRegex(regex: RegExp): RegExp {
  const source = regex.source.replace(UNBOUNDED_COUNT, (_all, atom: string, count: string) => `${atom}{${count}}${atom}*`);
  return source === regex.source ? regex : new RegExp(source, regex.flags);
}
