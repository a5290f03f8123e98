import type { z } from 'zod';
import type { RulePayload, Threshold } from '../../constructs/model/rule-payload';
import type * as FromSchema from '../../constructs/model/rule-payload.schema-types';
import type { SameShape } from '../../constructs/model/type-equality';

// These checks run when tsc compiles the suite (npm test); the tests only make them visible there.
describe('SameShape', () => {
  it('accepts the same shape written differently (readonly, intersection, type literal)', () => {
    interface Written {
      readonly a: string;
      readonly b?: { readonly c: number[] };
    }
    type Composed = { a: string } & { b?: { c: number[] } };
    expectTypeOf<SameShape<Written, Composed>>().toEqualTypeOf<true>();
    expectTypeOf<SameShape<RulePayload, FromSchema.RulePayload>>().toEqualTypeOf<true>();
  });

  it('rejects a type that differs in one field', () => {
    // A field optional on one side only: mutual assignability would let this pass.
    // @ts-expect-error the schema side has no `note`
    true satisfies SameShape<Threshold & { note?: string }, FromSchema.Threshold>;
    // One field required instead of optional, deep inside the payload.
    type Stricter = Omit<FromSchema.FieldKey, 'unit'> & { unit: string };
    // @ts-expect-error `unit` is optional in the schema
    true satisfies SameShape<Stricter, FromSchema.FieldKey>;
    // A zod schema against a props interface with one value type changed.
    type Schema = z.ZodObject<{ name: z.ZodString; size: z.ZodOptional<z.ZodNumber> }>;
    // @ts-expect-error `size` is a number in the schema
    true satisfies SameShape<z.input<Schema>, { readonly name: string; readonly size?: string }>;
    expectTypeOf<SameShape<Stricter, FromSchema.FieldKey>>().toEqualTypeOf<false>();
  });
});
