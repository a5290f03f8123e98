import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { strictCompilerOptions, typeErrors } from '../support/strict-tsc';
import { TerraformStack, Testing, type Construct } from '../../constructs/engine';
import { importRules, renderImportModule } from '../../import';
import { commentText, quoteString } from '../../import/code-expression';
import { importFixture } from '../support/import-fixtures';

const REPO = path.join(__dirname, '..', '..');

/** Text that runs `code` if a line terminator in it ends the comment or string it is written into. */
const breakouts = (code: string): string[] => ['\u2028', '\u2029', '\r', '\n', '\r\n'].map((eol) => `x${eol}${code}//`);

/** Exported rules whose every user-written text (name, id, threshold name, label key, refused rule) tries to break out. */
function hostileExport(marker: string): unknown {
  const run = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
  const base = importFixture('single-rule.json');
  const rules: unknown[] = [];
  breakouts(run).forEach((hostile, i) => {
    const named = structuredClone(base);
    named.alert = `Named ${i} ${hostile}`;
    named.id = `id-${i}-${hostile}*/ ${run} /*`;
    named.labels = { ...named.labels, team: hostile };
    named.annotations = { ...named.annotations, summary: hostile };
    rules.push(named);

    const tier = structuredClone(base);
    tier.alert = `Tier ${i}`;
    tier.condition.thresholds.spec[0].name = `page ${hostile}`;
    rules.push(tier);

    const label = structuredClone(base);
    label.alert = `Label ${i}`;
    label.labels = { ...label.labels, [`k${hostile}`]: hostile };
    rules.push(label);

    const refused = structuredClone(base);
    refused.alert = `Refused ${i} ${hostile}`;
    refused.labels = { [`k${hostile}`]: 'v' };
    delete refused.condition;
    rules.push(refused);
  });
  return { status: 'success', data: rules };
}

describe('code written by import is inert', () => {
  let dir: string;
  let file: string;
  let marker: string;
  let code: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-hostile-'));
    file = path.join(dir, 'imported-alerts.ts');
    marker = path.join(dir, 'ran.txt');
    const { rules, problems } = importRules([{ name: `hostile\u2028${'*/'}.json`, text: JSON.stringify(hostileExport(marker)) }]);
    expect(rules.length).toBeGreaterThan(0);
    expect(problems.length).toBeGreaterThan(0);
    code = renderImportModule(rules, { sources: ['hostile\u2029.json'], skipped: problems, importFrom: path.join(REPO, 'constructs', 'index') });
    fs.writeFileSync(file, code);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('contains no raw line terminator other than \\n, and every comment line is one // line', () => {
    expect(code).not.toMatch(/[\r\u2028\u2029]/);
    // every line is a comment, an import, or the function: a hostile text never starts a line of code
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, code);
    const called: string[] = [];
    for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
      if (kind === ts.SyntaxKind.Identifier && ['require', 'writeFileSync'].includes(scanner.getTokenText())) called.push(scanner.getTokenText());
    }
    expect(called).toEqual([]);
  });

  it('compiles under strict tsc', () => {
    const options = strictCompilerOptions({ constructs: [path.join(REPO, 'node_modules', 'constructs')] }, { noUnusedLocals: true, noUnusedParameters: true });
    expect(typeErrors([file], options)).toEqual([]);
  });

  it('runs none of the hostile text when imported and called', async () => {
    const module = (await import(file)) as { importedAlertRules(stack: Construct): unknown[] };
    const built = module.importedAlertRules(new TerraformStack(Testing.app(), 'hostile'));
    expect(built.length).toBeGreaterThan(0);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('keeps hostile names and ids as data: strings read back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const literal = quoteString(text);
        expect(literal).not.toMatch(/[\r\n\u2028\u2029]/);
        const read = ts.createSourceFile('x.ts', `const x = ${literal};`, ts.ScriptTarget.ES2022);
        const statement = read.statements[0] as ts.VariableStatement;
        expect((statement.declarationList.declarations[0]!.initializer as ts.StringLiteral).text).toBe(text);
      }),
    );
  });

  it('keeps arbitrary Unicode in a comment on its one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const source = `// ${commentText(text)}\nconst after = 1;`;
        const read = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022);
        expect(read.statements).toHaveLength(1);
        expect(source.split('\n')[0]).not.toMatch(/[\r\u2028\u2029]|\*\//);
      }),
    );
  });
});
