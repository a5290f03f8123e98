/** Suggests the intended name for a misspelt key: `metricname` -> `metricName`. */

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The closest candidate within a small edit distance (case ignored), or `undefined`. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const budget = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= budget ? best : undefined;
}

/** `unknown field "x"` plus a suggestion when one is close. */
export function unknownFieldMessage(name: string, known: Iterable<string>, suffix = ''): string {
  const suggestion = closestName(name, known);
  const hint = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
  return `unknown field ${JSON.stringify(name)}${suffix}${hint}`;
}
