/**
 * Finds literal secrets in a synthesized document: tokens and webhook URLs by their shape, and
 * literal values under secret-bearing field names (`password`, `routing_key`, `api_key`, ...).
 * Values that come from Terraform (`${var.x}`) are references, never literals. JSON held in a
 * string (a channel's receiver document, a legacy alert condition) is searched too. Hits carry
 * where and what kind of secret, never the value.
 */
import { isCredentialFieldName, REDACTED_SECRET, secretKindIn } from '../../constructs/model/secret-patterns';
import { pointerSegment } from './json-lines';
import { hasInterpolation, literalText, parseTemplatedJson } from '../../constructs/model/terraform-template';

export interface SecretHit {
  /** JSON Pointer of the string in the document. */
  readonly pointer: string;
  /** For JSON inside that string: the pointer within it. */
  readonly inner?: string;
  /** What was found, e.g. `Slack webhook URL` or `literal value of "routing_key"`. */
  readonly kind: string;
}

/** The kind of secret each text holds (`null`: none); a document repeats its texts (queries, expressions, labels) many times. */
type KindsSeen = Map<string, string | null>;

function checkString(value: string, key: string | undefined, report: (kind: string) => void, seen: KindsSeen): void {
  if (key !== undefined && value.trim() !== '' && isCredentialFieldName(key) && !hasInterpolation(value) && !REDACTED_SECRET.test(value)) {
    report(`literal value of "${key}"`);
    return;
  }
  if (value.length < 10) return;
  let kind = seen.get(value);
  if (kind === undefined) seen.set(value, (kind = secretKindIn(literalText(value)) ?? null));
  if (kind) report(kind);
}

type Visit = (text: string, path: readonly (string | number)[], key: string | undefined) => void;

/** Visits every string; the path is built into a pointer only for hits, which keeps big documents fast. */
function walk(value: unknown, path: (string | number)[], key: string | undefined, visit: Visit): void {
  if (typeof value === 'string') visit(value, path, key);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], path, key, visit);
      path.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const k in value) {
      // `//` holds cdktf's and this library's comments (paths, suppression reasons), not configuration.
      if (k === '//') continue;
      path.push(k);
      walk((value as Record<string, unknown>)[k], path, k, visit);
      path.pop();
    }
  }
}

function pointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${pointerSegment(segment)}`).join('');
}

/** Every literal secret in a synthesized document. */
export function scanForSecrets(document: unknown): SecretHit[] {
  const hits: SecretHit[] = [];
  const seen: KindsSeen = new Map();
  walk(document, [], undefined, (text, path, key) => {
    const first = text.charCodeAt(0);
    if ((first === 123 || first === 91) && text.length > 2) {
      const embedded = parseTemplatedJson(text);
      if (embedded !== undefined && typeof embedded === 'object') {
        walk(embedded, [], undefined, (innerText, inner, innerKey) =>
          checkString(innerText, innerKey, (kind) => hits.push({ pointer: pointer(path), inner: pointer(inner), kind }), seen),
        );
        return;
      }
    }
    checkString(text, key, (kind) => hits.push({ pointer: pointer(path), kind }), seen);
  });
  return hits;
}
