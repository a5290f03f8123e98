/**
 * The attribute pass-through: token-free rule attributes skip cdktf's resolver, anything holding a
 * token still goes through it.
 */
import { holdsNoToken, passThroughAttributes } from '../../constructs/alerts/resolved-attribute';
import { Lazy, TerraformResource, TerraformStack, Testing, Token } from '../../constructs/engine';

describe('holdsNoToken', () => {
  it('accepts plain JSON data', () => {
    expect(holdsNoToken({ a: 'text with ${ and %{', b: [1, 2.5, true, null, { c: 'x' }], d: {} })).toBe(true);
  });

  it('finds string, number and list tokens at any depth', () => {
    expect(holdsNoToken({ a: { b: [Lazy.stringValue({ produce: () => 'x' })] } })).toBe(false);
    expect(holdsNoToken({ a: [{ n: Token.asNumber(Lazy.numberValue({ produce: () => 1 })) }] })).toBe(false);
    expect(holdsNoToken({ a: Token.asList(Lazy.listValue({ produce: () => ['x'] })) })).toBe(false);
  });

  it('leaves values it cannot vouch for to cdktf: undefined members, resolvables, class instances', () => {
    expect(holdsNoToken({ a: undefined })).toBe(false);
    expect(holdsNoToken({ a: Lazy.anyValue({ produce: () => 1 }) })).toBe(false);
    expect(holdsNoToken({ a: new Map() })).toBe(false);
  });
});

class FakeResource extends TerraformResource {
  constructor(
    scope: TerraformStack,
    private readonly attributes: Record<string, unknown>,
  ) {
    super(scope, 'fake', { terraformResourceType: 'fake_thing' });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return passThroughAttributes(this.attributes);
  }
}

describe('passThroughAttributes', () => {
  it('synthesizes exactly what the plain attributes would, tokens included', () => {
    // GIVEN attributes with a token-free block, a block holding a token, an array and scalars
    const attributes = {
      name: 'n',
      plain: { b: 2, a: { list: [1, 'two', { three: 3 }] }, text: 'keep $${this}' },
      lazy: { value: Lazy.stringValue({ produce: () => 'resolved' }) },
      list: [{ x: 1 }],
    };
    // WHEN synthesized through the pass-through
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    new FakeResource(stack, attributes);
    const synthesized = JSON.parse(Testing.synth(stack)) as { resource: { fake_thing: { fake: Record<string, unknown> } } };
    // THEN the output is the resolved plain tree
    expect(synthesized.resource.fake_thing.fake).toEqual({
      name: 'n',
      plain: { a: { list: [1, 'two', { three: 3 }] }, b: 2, text: 'keep $${this}' },
      lazy: { value: 'resolved' },
      list: [{ x: 1 }],
    });
  });

  it('wraps only token-free objects', () => {
    const out = passThroughAttributes({ plain: { a: 1 }, token: { a: Lazy.stringValue({ produce: () => 'x' }) }, list: [1], resolve: { resolve: 1 } });
    expect(Token.isUnresolved(out.plain)).toBe(true); // wrapped: a resolvable cdktf passes through
    expect(out.plain).toBeInstanceOf(Date);
    expect(out.token).not.toBeInstanceOf(Date);
    expect(out.list).toEqual([1]);
    expect(out.resolve).toEqual({ resolve: 1 }); // a member named like the wrapper's own keeps the ordinary path
  });
});
