/**
 * Keys that have no recognizable shape (a PagerDuty routing key, a vendor API key) found by how
 * random they look. Only masking uses this: over-masking is its safe failure, while a policy error
 * needs a certain shape (see `constructs/model/secret-patterns.ts`).
 */
import { stackSafeRegex } from '../../constructs/util/stack-safe-regex';

const HIGH_ENTROPY_CANDIDATE = stackSafeRegex(/[A-Za-z0-9+/=_-]{24,}/g);
const HEX_KEY = stackSafeRegex(/^[0-9a-f]{32,}$/i);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * True for a run of characters that looks like a random key rather than an identifier: 32+ hex
 * digits (PagerDuty integration keys), or 24+ mixed letters and digits with high entropy. Metric
 * names and snake_case identifiers stay readable: they lack digits, repeat letters, or are UUIDs.
 */
export function looksLikeGeneratedKey(token: string): boolean {
  if (UUID.test(token)) return false;
  if (HEX_KEY.test(token)) return shannonEntropy(token) >= 3;
  if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return false;
  const words = token.split(/[_-]/);
  if (words.length > 1 && words.every((w) => /^[a-z]*[0-9]{0,4}$/.test(w))) return false;
  return shannonEntropy(token) >= 4;
}

/** Calls `replace` for every high-entropy run inside `text`. */
export function replaceGeneratedKeys(text: string, replace: (match: string) => string): string {
  return text.replace(HIGH_ENTROPY_CANDIDATE, (match) => (looksLikeGeneratedKey(match) ? replace(match) : match));
}
