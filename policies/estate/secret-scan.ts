/**
 * Finds literal secrets in a synthesized document: tokens and webhook URLs by their shape, and
 * literal values under secret-bearing field names (`password`, `routing_key`, `api_key`, ...).
 * Values that come from Terraform (`${var.x}`) are references, never literals. JSON held in a
 * string (a channel's receiver document, a legacy alert condition) is searched too. Hits carry
 * where and what kind of secret, never the value.
 */
import { REDACTED_SECRET } from '../../constructs/channels/receiver-document';
import { pointerSegment } from './json-lines';
import { hasInterpolation, literalText, parseTemplatedJson } from './terraform-template';

export interface SecretHit {
  /** JSON Pointer of the string in the document. */
  readonly pointer: string;
  /** For JSON inside that string: the pointer within it. */
  readonly inner?: string;
  /** What was found, e.g. `Slack webhook URL` or `literal value of "routing_key"`. */
  readonly kind: string;
}

interface SecretShape {
  readonly kind: string;
  readonly pattern: RegExp;
}

const SHAPES: readonly SecretShape[] = [
  { kind: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: 'Slack webhook URL', pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]{8,}/ },
  { kind: 'Microsoft Teams webhook URL', pattern: /\.webhook\.office\.com\/webhookb2\/[^\s"]{20,}/i },
  { kind: 'Microsoft Teams workflow URL with signature', pattern: /(?:logic\.azure\.com|api\.powerplatform\.com)[^\s"]*[?&]sig=[^&\s"]{8,}/i },
  { kind: 'Google Chat webhook URL with key or token', pattern: /chat\.googleapis\.com\/v1\/spaces\/[^\s"]*[?&](?:key|token)=[^&\s"]{8,}/ },
  { kind: 'Discord webhook URL', pattern: /discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]{20,}/ },
  { kind: 'PagerDuty integration URL', pattern: /events\.pagerduty\.com\/integration\/[a-f0-9]{32}/i },
  { kind: 'credentials in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"]+:[^\s/@"]+@[^\s"]/i },
  { kind: 'secret in a URL query', pattern: /[?&](?:api[_-]?key|token|access[_-]?token|secret|sig|password|routing[_-]?key)=[^&\s"]{8,}/i },
  { kind: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { kind: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})/ },
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { kind: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { kind: 'bearer token', pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{20,}/ },
];

/** Cheap test that lets most strings skip the shape patterns. */
const MAY_HOLD_SHAPE = /:\/\/|[?&][a-z_-]+=|xox|gh[pousr]_|github_pat|AKIA|ASIA|eyJ|BEGIN|Bearer|hooks\.|webhook|pagerduty/i;

/** Field names whose literal value is a secret, compared without case, `_`, `-` or `.`. */
const SECRET_FIELD_SUFFIXES = [
  'password', 'passwd', 'secret', 'token', 'apikey', 'routingkey', 'servicekey', 'integrationkey', 'credentials',
  'privatekey', 'accesskey', 'secretkey', 'authorization', 'webhookurl',
];

const fieldVerdicts = new Map<string, boolean>();

function isSecretField(key: string): boolean {
  let verdict = fieldVerdicts.get(key);
  if (verdict === undefined) {
    const normalized = key.toLowerCase().replace(/[-_. ]/g, '');
    verdict = SECRET_FIELD_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
    fieldVerdicts.set(key, verdict);
  }
  return verdict;
}

function checkString(value: string, key: string | undefined, report: (kind: string) => void): void {
  if (key !== undefined && value.trim() !== '' && isSecretField(key) && !hasInterpolation(value) && !REDACTED_SECRET.test(value)) {
    report(`literal value of "${key}"`);
    return;
  }
  if (value.length < 10 || !MAY_HOLD_SHAPE.test(value)) return;
  const literal = literalText(value);
  const shape = SHAPES.find((s) => s.pattern.test(literal));
  if (shape) report(shape.kind);
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
  walk(document, [], undefined, (text, path, key) => {
    const first = text.charCodeAt(0);
    if ((first === 123 || first === 91) && text.length > 2) {
      const embedded = parseTemplatedJson(text);
      if (embedded !== undefined && typeof embedded === 'object') {
        walk(embedded, [], undefined, (innerText, inner, innerKey) => checkString(innerText, innerKey, (kind) => hits.push({ pointer: pointer(path), inner: pointer(inner), kind })));
        return;
      }
    }
    checkString(text, key, (kind) => hits.push({ pointer: pointer(path), kind }));
  });
  return hits;
}
