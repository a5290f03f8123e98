/**
 * Compile-time shape equality, for types written twice (a props interface and its zod schema, the
 * rule payload type and its JSON Schema). Use as a statement next to the second copy:
 *
 *   true satisfies SameShape<z.input<typeof schema>, Props>;
 *
 * Mutual assignability is not enough: an optional field present on one side only passes it both
 * ways. `SameShape` compares the exact structure instead, ignoring only `readonly` and how objects
 * are composed (interface, intersection or type literal).
 */

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

// Functions and class instances with construct trees are compared as they are, not member by member.
type Opaque = Primitive | ((...args: never[]) => unknown) | { readonly node: { readonly path: string } };

/** `T` with `readonly` removed and intersections flattened, at every depth. */
export type Shape<T> = T extends Opaque ? T : T extends readonly (infer Item)[] ? Shape<Item>[] : { -readonly [K in keyof T]: Shape<T[K]> };

/** `true` when `A` and `B` are identical types, else `false` (the TypeScript compiler's own identity check). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `true` when `A` and `B` have the same fields, optionality and value types at every depth. */
export type SameShape<A, B> = Equal<Shape<A>, Shape<B>>;

/**
 * `true` when `A` and `B` have the same top-level fields with the same optionality, whatever their
 * value types; for schemas that only reject unknown fields and leave the values to a later check.
 */
export type SameKeys<A, B> = Equal<{ -readonly [K in keyof A]: unknown }, { -readonly [K in keyof B]: unknown }>;
