import ts from 'typescript';
import { importRules, renderImportModule } from '../../import';
import { literal, object, renderExpr, type CodeExpr } from '../../import/code-expression';
import { importFixture } from '../support/import-fixtures';

/** 6 MB of text with every kind of character import escapes, repeated. */
const HUGE = `line\nbreak\u2028'quote' "dq" \\ */ \u202e\u200b é 😀 `.repeat(200_000).slice(0, 6_000_000);

/** Every string literal of a TypeScript source, read back by the TypeScript parser. */
function stringLiterals(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('imported.ts', source, ts.ScriptTarget.ES2022));
  return found;
}

/** How many times String.prototype.replace runs on a string of at least `minLength` while `run` runs. */
function replacesOfLongStrings(minLength: number, run: () => void): number {
  const replace = vi.spyOn(String.prototype, 'replace');
  try {
    run();
    return replace.mock.contexts.filter((self) => String(self).length >= minLength).length;
  } finally {
    replace.mockRestore();
  }
}

describe('import of huge input', () => {
  it('imports a rule with a 6 MB description and a 1 MB name, and the generated code reads them back unchanged', () => {
    const rule = importFixture('single-rule.json');
    const name = `Huge ${HUGE.slice(0, 1_000_000)}`;
    rule.alert = name;
    rule.annotations = { ...rule.annotations, description: HUGE };
    const { rules, problems } = importRules([{ name: 'huge.json', text: JSON.stringify(rule) }]);
    expect(problems).toEqual([]);
    expect(rules).toHaveLength(1);
    // the construct id (also a variable name) stays short whatever the name
    expect(rules[0]!.constructId).toMatch(/^HugeLineBreakQuoteDq\w*$/);
    expect(rules[0]!.constructId.length).toBeLessThanOrEqual(64);
    const code = renderImportModule(rules, { sources: ['huge.json'] });
    const literals = stringLiterals(code);
    // (includes: an equality per literal, without formatting megabytes for a message)
    expect(literals.includes(HUGE)).toBe(true);
    expect(literals.includes(name)).toBe(true);
  });

  it('escapes a huge value once however deeply it is nested (the cost is its size, not its size times its depth)', () => {
    const big = 'x\u2028'.repeat(500_000);
    const nested = (depth: number): CodeExpr => {
      let expr: CodeExpr = literal(big);
      for (let i = 0; i < depth; i++) expr = object([['level', expr]]);
      return expr;
    };
    const shallow = replacesOfLongStrings(big.length, () => renderExpr(nested(1)));
    const deep = replacesOfLongStrings(big.length, () => renderExpr(nested(60)));
    expect(shallow).toBeGreaterThanOrEqual(1);
    expect(deep).toBe(shallow);
  });
});
