/**
 * A resource attribute value that holds no Terraform token, handed to cdktf so its resolver passes
 * it through instead of walking it.
 *
 * Why: cdktf resolves every element's JSON three times per synth (prepare, element, stack), visiting
 * each string, number and key with a fresh resolution context; for an alert rule that walk was about
 * a third of synth time and changes nothing, because the rule's attributes hold no token (checked
 * here, value by value). cdktf 0.21's resolver returns `Date` instances unchanged and its merge keeps
 * resolvables whole; the JSON writers call `toJSON()`. Should an engine resolve it as a token after
 * all, `resolve()` hands back the same tree, so the output is the same either way (a test
 * synthesizes with and without this and compares the bytes). Turn it off with the context key
 * `signoz-alerts:pass-through-attributes` set to `false`.
 */
import { Token, type IResolvable } from '../engine';

export const PASS_THROUGH_ATTRIBUTES_CONTEXT = 'signoz-alerts:pass-through-attributes';

/** Member names of the wrapper itself; an attribute map using one keeps the ordinary path. */
const OWN_MEMBERS = new Set(['resolve', 'toJSON', 'toString', 'creationStack', 'constructor']);

const TOKEN_MARK = '{TfToken[';

/** Whether a JSON-like value is plain data cdktf's resolver would return unchanged. */
export function holdsNoToken(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return !value.includes(TOKEN_MARK);
    case 'number':
      return !Token.isUnresolved(value);
    case 'boolean':
      return true;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (const item of value) if (!holdsNoToken(item)) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const key in value) {
        if (key.includes(TOKEN_MARK) || !holdsNoToken((value as Record<string, unknown>)[key])) return false;
      }
      return true;
    }
    default:
      // undefined (dropped by the resolver), functions, symbols: cdktf decides
      return false;
  }
}

class ResolvedAttribute extends Date implements IResolvable {
  readonly #value: object;

  constructor(value: object) {
    super(0);
    this.#value = value;
    // Readers that walk the configuration tree as plain objects (cdktf's Testing.synth) see the same members.
    Object.assign(this, value);
  }

  get creationStack(): string[] {
    return [];
  }

  resolve(): unknown {
    return this.#value;
  }
}

// Defined here rather than as a method: `Date#toJSON` is typed to return a string.
Object.defineProperty(ResolvedAttribute.prototype, 'toJSON', {
  value(this: ResolvedAttribute): unknown {
    return this.resolve();
  },
});

/**
 * `attributes` with each token-free object member wrapped so cdktf does not walk it; scalars and
 * arrays stay as they are (cheap to resolve, and an array must stay an array for tree readers).
 */
export function passThroughAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const wrap = typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.keys(value).some((k) => OWN_MEMBERS.has(k)) && holdsNoToken(value);
    out[key] = wrap ? new ResolvedAttribute(value) : value;
  }
  return out;
}
