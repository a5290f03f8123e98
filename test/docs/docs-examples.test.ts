import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { strictCompilerOptions } from '../support/strict-tsc';
import { importRules, renderImportModule } from '../../import';
import { importSources } from '../support/import-fixtures';

const REPO = path.join(__dirname, '..', '..');

/** The TypeScript examples of a doc that are whole programs (they call app.synth()). */
function programs(doc: string): string[] {
  const text = fs.readFileSync(path.join(REPO, 'docs', doc), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes('app.synth()'));
}

const compilerOptions = strictCompilerOptions({
  'cdktf-signoz-alerts': [path.join(REPO, 'constructs', 'index.ts')],
  'cdktf-signoz-alerts/policies': [path.join(REPO, 'policies', 'index.ts')],
  'cdktf-signoz-alerts/pipeline': [path.join(REPO, 'pipeline', 'index.ts')],
  'cdktf-signoz-alerts/testing': [path.join(REPO, 'constructs', 'testing', 'index.ts')],
  cdktf: [path.join(REPO, 'node_modules', 'cdktf')],
  constructs: [path.join(REPO, 'node_modules', 'constructs')],
});

describe('runnable examples of the docs', () => {
  let dir: string;
  const files: Record<string, string> = {};

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-examples-'));
    for (const doc of ['presets.md', 'slo.md', 'import.md']) {
      programs(doc).forEach((code, i) => {
        const file = path.join(dir, `${doc.replace('.md', '')}-${i}.ts`);
        fs.writeFileSync(file, code);
        files[`${doc}#${i}`] = file;
      });
    }
    // the module the import example's main.ts imports
    fs.writeFileSync(path.join(dir, 'imported-alerts.ts'), renderImportModule(importRules(importSources()).rules, { sources: ['exported/'] }));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has one whole program in each doc', () => {
    expect(Object.keys(files).sort()).toEqual(['import.md#0', 'presets.md#0', 'slo.md#0']);
  });

  it('compile under strict tsc', () => {
    const program = ts.createProgram(Object.values(files), compilerOptions);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  });

  it.each(['presets.md#0', 'slo.md#0'])('%s runs and synthesizes', async (name) => {
    // run with the library and cdktf resolved from this checkout, output in a temp dir
    const source = fs
      .readFileSync(files[name]!, 'utf8')
      .replace("from 'cdktf-signoz-alerts'", `from '${path.join(REPO, 'constructs', 'index')}'`)
      .replace("from 'cdktf'", `from '${path.join(REPO, 'constructs', 'engine')}'`);
    const runnable = files[name]!.replace(/\.ts$/, '.run.ts');
    fs.writeFileSync(runnable, source);
    const outdir = path.join(dir, `${path.basename(runnable)}.out`);
    process.env.CDKTF_OUTDIR = outdir;
    try {
      await import(runnable);
    } finally {
      delete process.env.CDKTF_OUTDIR;
    }
    const synthesized = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(synthesized.resource.signoz_rule).length).toBeGreaterThanOrEqual(9);
  });
});
