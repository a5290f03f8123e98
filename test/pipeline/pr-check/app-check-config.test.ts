/**
 * `pr-check` takes the app's policy pack and hooks from `signozAlerts` in its cdktf.json; `--pack`
 * wins over the configured pack; a configured module that is missing or exports nothing usable is a
 * clear error, exit 2, before anything is written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPrCheckHooks, readAppCheckConfig } from '../../../pipeline/pr-check/app-check-config';
import { runCli } from '../../support/cli-recorder';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('pr-check-app-config-');

function appWith(name: string, signozAlerts: unknown): GitAppRepo {
  const repo = GitAppRepo.create(path.join(root, name), { prod: { cpu: 80 } });
  repo.write('cdktf.json', JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', output: 'cdktf.out', signozAlerts }, null, 2));
  repo.write('pack.cjs', 'module.exports = { name: "acme", rules: [] };\n');
  repo.write('other-pack.cjs', 'module.exports = { name: "other", rules: [] };\n');
  repo.write(
    'pr-hooks.ts',
    [
      'interface Context { readonly stacks: readonly string[]; readonly changedStacks: readonly string[] }',
      'export const hooks = [',
      "  { name: 'naming convention', async run(context: Context) { return { ok: false, lines: [`${context.stacks.join(',')}: alert ids must be kebab-case`] }; } },",
      '];',
      '',
    ].join('\n'),
  );
  repo.write('nothing.cjs', 'module.exports = { hello: 1 };\n');
  return repo;
}

describe('readAppCheckConfig', () => {
  it('resolves the pack and hooks modules relative to the folder of cdktf.json', () => {
    const repo = appWith('read', { pack: './pack.cjs', hooks: 'pr-hooks.ts' });
    expect(readAppCheckConfig(repo.dir)).toEqual({ pack: path.join(repo.dir, 'pack.cjs'), hooks: path.join(repo.dir, 'pr-hooks.ts') });
  });

  it('is empty without signozAlerts', () => {
    const repo = appWith('none', undefined);
    expect(readAppCheckConfig(repo.dir)).toEqual({});
  });

  it.each([
    [{ pack: './missing-pack.ts' }, /cdktf\.json#\/signozAlerts\/pack.*no module at .*missing-pack\.ts \(paths are relative to the folder of cdktf\.json\)/s],
    [{ hooks: 42 }, /cdktf\.json#\/signozAlerts\/hooks/],
    [{ pakc: './pack.cjs' }, /Unrecognized key.*"pakc".*Allowed: \{"signozAlerts": \{"pack": "<module>", "hooks": "<module>"\}\}/s],
  ])('refuses %j with where and what is allowed', (settings, message) => {
    const repo = appWith(`bad-${Object.keys(settings)[0]}`, settings);
    expect(() => readAppCheckConfig(repo.dir)).toThrow(message);
  });
});

describe('loadPrCheckHooks', () => {
  it('loads the hooks a TypeScript module exports', async () => {
    const repo = appWith('load', {});
    const hooks = await loadPrCheckHooks(path.join(repo.dir, 'pr-hooks.ts'), repo.dir);
    expect(hooks.map((h) => h.name)).toEqual(['naming convention']);
    await expect(hooks[0]!.run({ appDir: repo.dir, synthDir: repo.dir, stacks: ['prod'], changedStacks: [] })).resolves.toEqual({
      ok: false,
      lines: ['prod: alert ids must be kebab-case'],
    });
  });

  it('refuses a module that exports no hook', async () => {
    const repo = appWith('load-nothing', {});
    await expect(loadPrCheckHooks(path.join(repo.dir, 'nothing.cjs'), repo.dir)).rejects.toThrow(/nothing\.cjs.*the module exports no pr-check hook; export `hooks`/s);
  });
});

describe('signoz-alerts pr-check with signozAlerts in cdktf.json', () => {
  it("runs the app's pack and hooks; a failing hook fails the check", async () => {
    const repo = appWith('cli', { pack: './pack.cjs', hooks: './pr-hooks.ts' });
    const run = await runCli(['pr-check', '--base', 'HEAD'], repo.dir, { SIGNOZ_ALERTS_FINGERPRINT_SALT: 's' });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('policies: 0 errors, 0 warnings, 0 suppressed (policy pack "acme")');
    const comment = fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8');
    expect(comment).toContain('naming convention: FAILED');
    expect(comment).toContain('naming convention: prod: alert ids must be kebab-case');
  });

  it('lets --pack on the command line override the configured pack', async () => {
    const repo = appWith('cli-override', { pack: './pack.cjs' });
    const run = await runCli(['pr-check', '--base', 'HEAD', '--pack', './other-pack.cjs'], repo.dir, { SIGNOZ_ALERTS_FINGERPRINT_SALT: 's' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('(policy pack "other")');
    expect(run.stderr).not.toContain('(policy pack "acme")');
  });

  it.each([
    ['a missing module', { hooks: './no-such-hooks.ts' }, /signozAlerts\/hooks.*no module at/s],
    ['a hooks module exporting nothing usable', { hooks: './nothing.cjs' }, /nothing\.cjs.*exports no pr-check hook/s],
    ['a pack module exporting no pack', { pack: './nothing.cjs' }, /nothing\.cjs: the module does not provide a policy pack/],
  ])('exits 2 on %s, before writing anything', async (what, settings, message) => {
    const repo = appWith(`cli-bad-${what.replace(/\W+/g, '-')}`, settings);
    const out = path.join(repo.dir, 'never');
    const run = await runCli(['pr-check', '--base', 'HEAD', '--out-dir', out], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(out)).toBe(false);
  });
});
