/**
 * What a secret looks like, in one place for every part of the library that looks for one: the
 * `no-literal-secrets` policy reports the kind of secret it finds, the plan pipeline masks it.
 *
 * Each shape has a `pattern` that matches only text certainly holding that secret (a policy error
 * must not be a false alarm) and, where masking should cut wider, a `wider` pattern: masking
 * removes both, because there over-masking is the safe failure (a reviewer loses a value, never a
 * credential). Field names work the same way: {@link isCredentialFieldName} for names whose
 * literal value is always a secret, {@link isSecretFieldName} adding any key or URL field, which
 * is how notification-channel configs carry credentials.
 */
import { stackSafeRegex } from '../util/stack-safe-regex';

/** One kind of secret: the pattern that certainly finds it, and the wider text masking removes. */
export interface SecretShape {
  /** What the secret is, as findings name it: `Slack webhook URL`. */
  readonly kind: string;
  /** Matches text that certainly holds this secret. */
  readonly pattern: RegExp;
  /** Matches the wider text that masking also removes (a whole URL on a webhook host). */
  readonly wider?: RegExp;
}

/** The shapes as written; SECRET_SHAPES holds them made stack safe. */
const WRITTEN_SHAPES: readonly SecretShape[] = [
  { kind: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}|\bxapp-[A-Za-z0-9-]{10,}/ },
  {
    kind: 'Slack webhook URL',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]{8,}/,
    wider: /https:\/\/hooks\.slack\.com\/[A-Za-z0-9/_+-]+/,
  },
  {
    kind: 'Microsoft Teams webhook URL',
    pattern: /\.webhook\.office\.com\/webhookb2\/[^\s"]{20,}/i,
    wider: /https:\/\/[A-Za-z0-9.-]*webhook\.office\.com[^\s"'<>]*/,
  },
  {
    kind: 'Microsoft Teams workflow URL with signature',
    pattern: /(?:logic\.azure\.com|api\.powerplatform\.com)[^\s"]*[?&]sig=[^&\s"]{8,}/i,
    wider: /https:\/\/[A-Za-z0-9.-]*logic\.azure\.com[^\s"'<>]*/,
  },
  {
    kind: 'Google Chat webhook URL with key or token',
    pattern: /chat\.googleapis\.com\/v1\/spaces\/[^\s"]*[?&](?:key|token)=[^&\s"]{8,}/,
    wider: /https:\/\/chat\.googleapis\.com\/[^\s"'<>]+/,
  },
  {
    kind: 'Discord webhook URL',
    pattern: /discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]{20,}/,
    wider: /https:\/\/(?:discord|discordapp)\.com\/api\/webhooks\/[^\s"'<>]+/,
  },
  { kind: 'PagerDuty integration URL', pattern: /events\.pagerduty\.com\/integration\/[a-f0-9]{32}/i },
  // The user and password only: the host stays readable.
  { kind: 'credentials in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>]+:[^\s/@"'<>]+@/i },
  {
    kind: 'secret in a URL query',
    pattern: /[?&](?:api[_-]?key|token|access[_-]?token|secret|sig|signature|password|routing[_-]?key)=[^&\s"'<>]{8,}/i,
    wider: /[?&](?:api[_-]?key|key|token|access[_-]?token|secret|sig|signature|password|routing[_-]?key|code)=[^&\s"'<>]+/i,
  },
  { kind: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/ },
  { kind: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/ },
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { kind: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  {
    kind: 'bearer token',
    pattern: /\bBearer\s+[A-Za-z0-9._~+/=-]{20,}/,
    wider: /\b(?:bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}/i,
  },
];

/**
 * In order of precedence: the first shape that matches names the kind. Each pattern is made stack
 * safe, so a value of millions of characters is scanned, not a stack overflow.
 */
export const SECRET_SHAPES: readonly SecretShape[] = WRITTEN_SHAPES.map((shape) => ({
  ...shape,
  pattern: stackSafeRegex(shape.pattern),
  ...(shape.wider ? { wider: stackSafeRegex(shape.wider) } : {}),
}));

/** Cheap test every shape (and every wider pattern) needs to pass: most strings skip the patterns. */
const MAY_HOLD_SHAPE = /:\/\/|[?&][a-z_-]+=|xox|xapp|gh[pousr]_|github_pat|AKIA|ASIA|eyJ|BEGIN|bearer|token|basic|hooks\.|webhook|pagerduty/i;

/** Whether `text` might hold a secret shape; false means no pattern can match. */
export function mayHoldSecretShape(text: string): boolean {
  return MAY_HOLD_SHAPE.test(text);
}

/** The kind of the first secret shape in `text`, if any (certain matches only). */
export function secretKindIn(text: string): string | undefined {
  if (!mayHoldSecretShape(text)) return undefined;
  return SECRET_SHAPES.find((shape) => shape.pattern.test(text))?.kind;
}

const MASKING_PATTERNS: readonly RegExp[] = SECRET_SHAPES.flatMap((shape) =>
  (shape.wider ? [shape.wider, shape.pattern] : [shape.pattern]).map((regex) => new RegExp(regex.source, `${regex.flags}g`)),
);

/** `text` with every secret shape (wider patterns included) replaced by what `replace` returns for it. */
export function replaceSecretShapes(text: string, replace: (match: string) => string): string {
  if (!mayHoldSecretShape(text)) return text;
  let out = text;
  for (const regex of MASKING_PATTERNS) out = out.replace(regex, replace);
  return out;
}

/** Endings of field names (compared by {@link normalizeFieldName}) whose literal value is a credential. */
const CREDENTIAL_FIELD_SUFFIXES = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'routingkey',
  'servicekey',
  'integrationkey',
  'accesskey',
  'secretkey',
  'privatekey',
  'credentials',
  'authorization',
  'webhookurl',
];
const CREDENTIAL_FIELD_NAMES: ReadonlySet<string> = new Set(['cookie']);

/** Endings that carry credentials in notification-channel configs: any key, and URLs (a webhook URL is its own secret). */
const CHANNEL_SECRET_FIELD_SUFFIXES = ['key', 'url'];

/** Lower case, letters and digits only: `X-Api-Key`, `api_key` and `apiKey` compare equal. */
export function normalizeFieldName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const credentialVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 10_000;

/** True when a literal value of a field of this name is a credential (`password`, `routing_key`, `client_secret`, ...). */
export function isCredentialFieldName(name: string): boolean {
  let verdict = credentialVerdicts.get(name);
  if (verdict === undefined) {
    const normalized = normalizeFieldName(name);
    verdict = CREDENTIAL_FIELD_NAMES.has(normalized) || CREDENTIAL_FIELD_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
    if (credentialVerdicts.size >= MAX_REMEMBERED_NAMES) credentialVerdicts.clear();
    credentialVerdicts.set(name, verdict);
  }
  return verdict;
}

/** True when a field of this name may hold a credential in a channel-like config: credentials, keys and URLs. */
export function isSecretFieldName(name: string): boolean {
  if (isCredentialFieldName(name)) return true;
  const normalized = normalizeFieldName(name);
  return CHANNEL_SECRET_FIELD_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

/** How a redacted receiver shows a secret: a reference to its variable, not a value. */
export function redactedSecretMarker(variableName: string): string {
  return `(sensitive: var.${variableName})`;
}

/** Matches a whole {@link redactedSecretMarker}: `(sensitive: var.<name>)`. */
export const REDACTED_SECRET = /^\(sensitive: var\.[A-Za-z_][A-Za-z0-9_-]*\)$/;
