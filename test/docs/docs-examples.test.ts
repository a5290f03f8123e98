/**
 * Docs as tests: every TypeScript block of README.md and docs/*.md type-checks under strict settings
 * (all as one TypeScript program) and every whole program runs. Blocks import the package by its
 * name, as a user would; here those names map to this checkout's sources (tsconfig `paths`).
 * How blocks are marked as parts of one program: test/docs/doc-blocks.ts.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { strictCompilerOptions } from '../support/strict-tsc';
import { docBlocks, docPrograms, type DocProgram } from './doc-blocks';

const REPO = path.join(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');
const run = promisify(execFile);

const PACKAGE_PATHS: Record<string, string[]> = {
  'cdktf-signoz-alerts': [path.join(REPO, 'constructs', 'index.ts')],
  'cdktf-signoz-alerts/policies': [path.join(REPO, 'policies', 'index.ts')],
  'cdktf-signoz-alerts/pipeline': [path.join(REPO, 'pipeline', 'index.ts')],
  'cdktf-signoz-alerts/testing': [path.join(REPO, 'constructs', 'testing', 'index.ts')],
  'cdktf-signoz-alerts/import': [path.join(REPO, 'import', 'index.ts')],
};

/**
 * Runs every whole program in ONE tsx process (the library is loaded once), each in its own folder
 * with its own output folder. Blocks that are test files get `describe`/`it` that run each test at
 * once. Writes `{ [program]: 'ok' | error }` to the file named by argv[3].
 */
const RUNNER = `import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
const pending = [];
globalThis.describe = (_name, body) => { body(); };
globalThis.it = (name, body) => { pending.push(Promise.resolve().then(body).catch((err) => { throw new Error('test "' + name + '" failed: ' + (err && err.stack || err)); })); };
const programs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = {};
for (const p of programs) {
  process.chdir(p.folder);
  process.env.CDKTF_OUTDIR = path.join(p.folder, 'cdktf.out');
  pending.length = 0;
  try {
    await import(pathToFileURL(path.join(p.folder, p.entry)).href);
    await Promise.all(pending);
    results[p.name] = 'ok';
  } catch (err) {
    results[p.name] = String((err && err.stack) || err);
  }
}
fs.writeFileSync(process.argv[3], JSON.stringify(results));
`;

const blocks = docBlocks(REPO).filter((b) => b.typescript);
const programs = docPrograms(docBlocks(REPO));
const runnable = programs.filter((p) => p.entry !== undefined);

function folderName(program: DocProgram): string {
  return program.name.replace(/[^\w.-]+/g, '-');
}

describe('the TypeScript examples of README.md and docs/', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-examples-'));
    // the examples resolve cdktf, constructs and their other imports from this checkout
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    // blocks that are test files use vitest's globals (describe, it)
    fs.writeFileSync(path.join(dir, 'globals.d.ts'), '/// <reference types="vitest/globals" />\n');
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'node16', moduleResolution: 'node16', esModuleInterop: true, baseUrl: '.', paths: PACKAGE_PATHS } }),
    );
    for (const program of programs) {
      const folder = path.join(dir, folderName(program));
      const fixtures = path.join(FIXTURES, folderName(program));
      if (fs.existsSync(fixtures)) fs.cpSync(fixtures, folder, { recursive: true });
      for (const [file, source] of Object.entries(program.files)) {
        fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        fs.writeFileSync(path.join(folder, file), source);
      }
    }
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds every block and marks each as a whole program, part of a named one, or a fragment', () => {
    // README.md and docs/ hold at least the 34 blocks counted when this test was written
    expect(blocks.length).toBeGreaterThanOrEqual(34);
    console.log(`doc examples: ${blocks.length} blocks, ${programs.length} programs (${runnable.length} run, ${programs.length - runnable.length} fragments)`);
  });

  it('compile under strict tsc as one program', () => {
    const files = [
      path.join(dir, 'globals.d.ts'),
      ...programs.flatMap((p) =>
        Object.keys(p.files)
          .filter((f) => f.endsWith('.ts'))
          .map((f) => path.join(dir, folderName(p), f)),
      ),
    ];
    // baseUrl is the checkout, where a folder is named `constructs`: the engine's packages are mapped explicitly
    const engine = { cdktf: [path.join(REPO, 'node_modules', 'cdktf')], constructs: [path.join(REPO, 'node_modules', 'constructs')] };
    const options = strictCompilerOptions({ ...PACKAGE_PATHS, ...engine }, { noImplicitReturns: true, noFallthroughCasesInSwitch: true });
    const program = ts.createProgram(files, options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  }, 300_000);

  describe('each whole program', () => {
    let results: Record<string, string>;

    beforeAll(async () => {
      const list = runnable.map((p) => ({ name: p.name, folder: path.join(dir, folderName(p)), entry: p.entry }));
      fs.writeFileSync(path.join(dir, 'programs.json'), JSON.stringify(list));
      fs.writeFileSync(path.join(dir, 'runner.mjs'), RUNNER);
      const tsx = path.join(REPO, 'node_modules', '.bin', 'tsx');
      const env = { ...process.env, TSX_TSCONFIG_PATH: path.join(dir, 'tsconfig.json') };
      await run(tsx, [path.join(dir, 'runner.mjs'), path.join(dir, 'programs.json'), path.join(dir, 'results.json')], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
      results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8'));
    }, 600_000);

    it.each(runnable.map((p) => [p.name, p] as const))('%s runs', (name, program) => {
      expect(results[name]).toBe('ok');
      // a program that synthesizes wrote its stacks into its own output folder
      if (Object.values(program.files).some((source) => source.includes('app.synth()'))) {
        const stacks = path.join(dir, folderName(program), 'cdktf.out', 'stacks');
        expect(fs.readdirSync(stacks).filter((stack) => fs.existsSync(path.join(stacks, stack, 'cdk.tf.json'))).length).toBeGreaterThan(0);
      }
    });
  });
});
