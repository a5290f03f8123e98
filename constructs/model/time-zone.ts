/**
 * Time zone names as Go's `time.LoadLocation` accepts them: IANA names (case-sensitive, including
 * the backward-compatible links such as `US/Eastern`), `UTC`, `Local` and the empty string (UTC).
 * One answer for the rule validator, the evaluator and maintenance windows.
 */

let canonicalByLowerCase: Map<string, string> | undefined;
const verdicts = new Map<string, boolean>();

function canonicalNames(): Map<string, string> {
  canonicalByLowerCase ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
  return canonicalByLowerCase;
}

function intlAccepts(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** IANA names start each segment with a capital letter or digit (`America/Port-au-Prince`, `Etc/GMT+5`). */
function looksLikeIanaCase(zone: string): boolean {
  return zone.split('/').every((segment) => /^[A-Z0-9]/.test(segment));
}

function judge(zone: string): boolean {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return true;
  const canonical = canonicalNames().get(zone.toLowerCase());
  if (canonical !== undefined) return canonical === zone;
  // Intl ignores letter case, Go does not
  return intlAccepts(zone) && looksLikeIanaCase(zone);
}

/** Whether SigNoz (Go `time.LoadLocation`) would load `zone`. */
export function isValidTimeZone(zone: string): boolean {
  let verdict = verdicts.get(zone);
  if (verdict === undefined) {
    verdict = judge(zone);
    if (verdicts.size < 1000) verdicts.set(zone, verdict);
  }
  return verdict;
}

/**
 * How to write a zone given in another letter case: its IANA spelling (`europe/berlin` ->
 * `Europe/Berlin`), or for a link the zone it stands for (`us/eastern` -> `America/New_York`).
 */
export function ianaSpelling(zone: string): string | undefined {
  const canonical = canonicalNames().get(zone.toLowerCase());
  if (canonical !== undefined) return canonical;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
