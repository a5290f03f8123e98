/**
 * What counts as a secret when Terraform did not mark it sensitive: field names that carry
 * credentials in notification-channel configs (Alertmanager receivers, HTTP auth) and value
 * patterns of well-known tokens. Over-masking is the safe failure: a reviewer loses a value,
 * never a credential.
 */

/** Field names (compared without case, `_` or `-`) whose values are always secret. */
const SECRET_FIELD_NAMES = new Set([
  'apiurl', 'url', 'webhookurl', 'routingkey', 'servicekey', 'integrationkey', 'apikey', 'apitoken', 'password',
  'credentials', 'authorization', 'token', 'accesstoken', 'bottoken', 'apptoken', 'secret', 'clientsecret',
  'privatekey', 'signingsecret', 'bearertoken', 'authpassword', 'authsecret', 'passphrase', 'cookie',
]);

/** Endings of field names that carry secrets (`x_api_key`, `slack_webhook_url`, `client_secret`, ...). */
const SECRET_FIELD_SUFFIXES = ['password', 'secret', 'token', 'key', 'url', 'credentials', 'authorization', 'passphrase'];

export function normalizeFieldName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True when a field of this name holds a credential (deny-list for channel-like resources). */
export function isSecretFieldName(name: string): boolean {
  const normalized = normalizeFieldName(name);
  return SECRET_FIELD_NAMES.has(normalized) || SECRET_FIELD_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

/**
 * Token patterns found inside free text. Each match is replaced whole, except where `keep` names a
 * leading part that is not secret (the scheme word of an Authorization header, the host of a URL).
 */
export const SECRET_VALUE_PATTERNS: readonly { readonly name: string; readonly regex: RegExp }[] = [
  { name: 'slack-webhook', regex: /https:\/\/hooks\.slack\.com\/[A-Za-z0-9/_+-]+/g },
  { name: 'slack-token', regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}|\bxapp-[A-Za-z0-9-]{10,}/g },
  { name: 'teams-webhook', regex: /https:\/\/[A-Za-z0-9.-]*(?:webhook\.office\.com|logic\.azure\.com)[^\s"'<>]*/g },
  { name: 'discord-webhook', regex: /https:\/\/(?:discord|discordapp)\.com\/api\/webhooks\/[^\s"'<>]+/g },
  { name: 'google-chat-webhook', regex: /https:\/\/chat\.googleapis\.com\/[^\s"'<>]+/g },
  { name: 'bearer-token', regex: /\b(?:bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi },
  { name: 'url-userinfo', regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>]+:[^\s/@"'<>]+@/gi },
  { name: 'query-secret', regex: /[?&](?:token|key|api_key|apikey|access_token|secret|sig|signature|password|code)=[^&\s"'<>]+/gi },
  { name: 'github-token', regex: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/g },
  { name: 'aws-access-key', regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: 'jwt', regex: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { name: 'private-key', regex: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g },
];

const HIGH_ENTROPY_CANDIDATE = /[A-Za-z0-9+/=_-]{24,}/g;
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
  if (/^[0-9a-f]{32,}$/i.test(token)) return shannonEntropy(token) >= 3;
  if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return false;
  const words = token.split(/[_-]/);
  if (words.length > 1 && words.every((w) => /^[a-z]*[0-9]{0,4}$/.test(w))) return false;
  return shannonEntropy(token) >= 4;
}

/** Calls `replace` for every high-entropy run inside `text`. */
export function replaceGeneratedKeys(text: string, replace: (match: string) => string): string {
  return text.replace(HIGH_ENTROPY_CANDIDATE, (match) => (looksLikeGeneratedKey(match) ? replace(match) : match));
}
