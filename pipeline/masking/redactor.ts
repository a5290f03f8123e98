/**
 * Masks secrets out of plan values before anything is rendered, in three layers:
 * 1. Terraform's own marks (`before_sensitive` / `after_sensitive`): the whole marked value goes.
 * 2. A deny-list of credential field names (for channel-like resources) and secret shapes in text
 *    (both from `constructs/model/secret-patterns.ts`, shared with the policies), plus random-looking keys.
 * 3. A last pass over the rendered text that removes every secret value seen in layers 1-2 and every
 *    value of a `sensitive` input variable, wherever it appears.
 *
 * A masked value becomes a placeholder that carries a short salted hash, so a diff can still say
 * "changed" without showing either side. The salt is random per process: the hashes cannot be
 * linked across runs and are stripped from every rendered output (see `displayMasked`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { isSecretFieldName, replaceSecretShapes } from '../../constructs/model/secret-patterns';
import { replaceGeneratedKeys } from './generated-key';
import { parseJsonInput } from '../../constructs/util/parse-input';

export type MaskKind = 'sensitive' | 'redacted';

const PLACEHOLDER = /\u27e6(sensitive|redacted):[0-9a-f]{10}\u27e7/g;
const PLACEHOLDER_WHOLE = /^\u27e6(sensitive|redacted):[0-9a-f]{10}\u27e7$/;
const MIN_SCRUB_LENGTH = 6;
/** Bounds of the memory of texts with nothing to mask: texts up to this length, this many of them. */
const MAX_REMEMBERED_LENGTH = 4096;
const MAX_REMEMBERED_TEXTS = 100_000;

/** Replaces masked placeholders with the text shown to people: `(sensitive)` or `(redacted)`. */
export function displayMasked(text: string): string {
  return text.indexOf('\u27e6') === -1 ? text : text.replace(PLACEHOLDER, (_m, kind: string) => `(${kind})`);
}

/** True when the value is exactly one masked placeholder. */
export function isMaskedPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && PLACEHOLDER_WHOLE.test(value);
}

export interface MaskOptions {
  /** Mask fields whose names are on the credential deny-list (use for channels and unknown resources). */
  readonly denySecretFields: boolean;
}

function looksLikeJsonText(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

const secretCounts = new WeakMap<Redactor, number>();

/** How many distinct secrets `redactor` has registered; what its `scrub` returns for a text changes only when this grows. */
export function secretsRegistered(redactor: Redactor): number {
  return secretCounts.get(redactor) ?? 0;
}

export class Redactor {
  private readonly salt = randomBytes(16);
  private readonly secretsByPrefix = new Map<string, Set<string>>();
  private maskCount = 0;
  /** Texts `maskText` left as they were (nothing masked, nothing registered), per `denySecretFields`. */
  private readonly cleanDenying = new Set<string>();
  private readonly cleanPlain = new Set<string>();

  /** Remembers a secret so the final pass removes it wherever it shows up (short values are skipped). */
  registerSecret(value: unknown): void {
    if (typeof value === 'string') {
      if (value.length < MIN_SCRUB_LENGTH) return;
      const prefix = value.slice(0, MIN_SCRUB_LENGTH);
      let bucket = this.secretsByPrefix.get(prefix);
      if (!bucket) this.secretsByPrefix.set(prefix, (bucket = new Set()));
      if (!bucket.has(value)) {
        bucket.add(value);
        secretCounts.set(this, secretsRegistered(this) + 1);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) this.registerSecret(item);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) this.registerSecret(item);
    }
  }

  /** The placeholder for a secret value; equal values give equal placeholders within one run. */
  placeholder(kind: MaskKind, value: unknown): string {
    this.maskCount++;
    this.registerSecret(value);
    const digest = createHash('sha256')
      .update(this.salt)
      .update(JSON.stringify(value) ?? 'undefined')
      .digest('hex');
    return `\u27e6${kind}:${digest.slice(0, 10)}\u27e7`;
  }

  /**
   * `value` with secrets replaced by placeholders (unchanged subtrees are shared, not copied). `sensitive` is the matching
   * `*_sensitive` shape from the plan (`true` at sensitive leaves or subtrees).
   */
  mask(value: unknown, sensitive: unknown, options: MaskOptions): unknown {
    if (sensitive === true) return value === null || value === undefined ? value : this.placeholder('sensitive', value);
    if (value === null || value === undefined) return value;
    if (Array.isArray(value)) {
      const shape = Array.isArray(sensitive) ? sensitive : undefined;
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const masked = this.mask(value[i], shape?.[i], options);
        if (masked !== value[i] && !out) out = value.slice(0, i);
        if (out) out.push(masked);
      }
      return out ?? value;
    }
    if (typeof value === 'object') {
      const shape = sensitive !== null && typeof sensitive === 'object' ? (sensitive as Record<string, unknown>) : undefined;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      let out: Record<string, unknown> | undefined;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const item = record[key];
        const marked = shape?.[key];
        let masked: unknown;
        if (marked !== true && options.denySecretFields && isSecretFieldName(key) && !isEmptyValue(item)) masked = this.placeholder('redacted', item);
        // an unmarked number, boolean or null has nothing to mask (most leaves of a plan)
        else if (marked === undefined && typeof item !== 'string' && (item === null || typeof item !== 'object')) masked = item;
        else masked = this.mask(item, marked, options);
        if (masked !== item && !out) out = Object.fromEntries(keys.slice(0, i).map((k) => [k, record[k]]));
        if (out) out[key] = masked;
      }
      return out ?? value;
    }
    if (typeof value === 'string') return this.maskText(value, options);
    return value;
  }

  /** Masks token patterns in free text; JSON text is parsed and masked field by field. */
  maskText(text: string, options: MaskOptions): string {
    if (text.length < 12) return text;
    // A plan repeats texts (types, queries, expressions) thousands of times: one that held nothing to mask is not looked at again.
    const clean = options.denySecretFields ? this.cleanDenying : this.cleanPlain;
    if (clean.has(text)) return text;
    const before = this.maskCount;
    const masked = this.maskTextOnce(text, options);
    if (masked === text && this.maskCount === before && text.length <= MAX_REMEMBERED_LENGTH) {
      if (clean.size >= MAX_REMEMBERED_TEXTS) clean.clear();
      clean.add(text);
    }
    return masked;
  }

  private maskTextOnce(text: string, options: MaskOptions): string {
    if (looksLikeJsonText(text)) {
      const read = parseJsonInput(text);
      const parsed = 'error' in read ? undefined : read.value;
      if (parsed !== undefined) {
        const before = this.maskCount;
        const masked = this.mask(parsed, undefined, options);
        return this.maskCount === before ? text : JSON.stringify(masked);
      }
    }
    const redact = (match: string): string => this.placeholder('redacted', match);
    return replaceGeneratedKeys(replaceSecretShapes(text, redact), redact);
  }

  /** The last line of defence on rendered text: removes every registered secret and every placeholder hash. */
  scrub(text: string): string {
    let out = text;
    if (this.secretsByPrefix.size > 0) {
      const parts: string[] = [];
      let last = 0;
      let i = 0;
      while (i + MIN_SCRUB_LENGTH <= out.length) {
        const bucket = this.secretsByPrefix.get(out.substr(i, MIN_SCRUB_LENGTH));
        let matched = '';
        if (bucket) {
          for (const secret of bucket) {
            if (secret.length > matched.length && out.startsWith(secret, i)) matched = secret;
          }
        }
        if (matched) {
          parts.push(out.slice(last, i), '(redacted)');
          i += matched.length;
          last = i;
        } else {
          i++;
        }
      }
      parts.push(out.slice(last));
      out = parts.join('');
    }
    return displayMasked(out);
  }
}

function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}
