/** Label sets of alerts: sorted, compared by content (SigNoz hashes the sorted pairs). */

export type LabelSet = Readonly<Record<string, string>>;

/** A copy with keys in sorted order, so printed and serialized label sets are stable. */
export function sortedLabels(labels: LabelSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) out[key] = labels[key]!;
  return out;
}

/** Identity of a label set (the role of `ruletypes.Labels.Hash`, without collisions). */
export function labelSetKey(labels: LabelSet): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );
}

/** Compact `{a="x", b="y"}` form for messages. */
export function formatLabels(labels: LabelSet): string {
  return `{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(', ')}}`;
}

/** A copy without the given label names. */
export function withoutLabels(labels: LabelSet, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (!names.includes(k)) out[k] = v;
  return out;
}
