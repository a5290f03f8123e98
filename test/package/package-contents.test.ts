/**
 * What `npm pack` puts in the tarball: the library and the CLI with their docs and source maps,
 * nothing of the example estate, the benchmarks or the repository's scripts.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..', '..');
const built = fs.existsSync(path.join(REPO, 'dist', 'constructs', 'index.js'));

describe.skipIf(!built)('the package (npm pack --dry-run; needs `npm run build`)', () => {
  let files: Set<string>;

  beforeAll(() => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    files = new Set((JSON.parse(out) as [{ files: { path: string }[] }])[0].files.map((f) => f.path));
  }, 120_000);

  it('ships the entry points, the CLI and the docs, and nothing of stacks/, bench/ or scripts/', () => {
    for (const entry of [
      'dist/constructs/index.js',
      'dist/constructs/index.d.ts',
      'dist/policies/index.js',
      'dist/pipeline/index.js',
      'dist/import/index.js',
      'dist/cli/program.js',
      'bin/signoz-alerts.js',
    ]) {
      expect(files.has(entry), entry).toBe(true);
    }
    expect([...files].filter((f) => /^dist\/(stacks|bench|scripts|test)\//.test(f) || f.startsWith('test/') || f.endsWith('.tsbuildinfo'))).toEqual([]);
  });

  it('has every file the README links to', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(((?:docs|api)\/[^)#\s]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !files.has(l))).toEqual([]);
  });

  it('has source maps whose sources are in the package', () => {
    const maps = [...files].filter((f) => f.endsWith('.js.map') || f.endsWith('.d.ts.map'));
    expect(maps.filter((m) => !files.has(m.replace(/\.map$/, '')))).toEqual([]);
    expect(maps).toContain('dist/constructs/index.d.ts.map');
    const missing = maps.flatMap((m) => {
      const map = JSON.parse(fs.readFileSync(path.join(REPO, m), 'utf8')) as { sources: string[] };
      return map.sources.map((s) => path.posix.join(path.posix.dirname(m), s)).filter((s) => !files.has(s));
    });
    expect(missing).toEqual([]);
  });
  it("has public declarations that import no package but cdktf and constructs (a user's tsc compiles them)", () => {
    // every .d.ts reachable from the package's entry points, following relative imports
    const packageJson = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { exports: Record<string, string | { types?: string }> };
    const queue = Object.values(packageJson.exports).flatMap((e) => (typeof e === 'object' && e.types ? [path.join(REPO, e.types)] : []));
    expect(queue.length).toBe(5);
    const seen = new Set<string>();
    const imported = new Map<string, string>();
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(files.has(path.relative(REPO, file)), path.relative(REPO, file)).toBe(true);
      for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) {
        if (specifier!.startsWith('.')) {
          const base = path.resolve(path.dirname(file), specifier!.replace(/\.js$/, ''));
          queue.push(fs.existsSync(`${base}.d.ts`) ? `${base}.d.ts` : path.join(base, 'index.d.ts'));
        } else {
          const name = specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!;
          imported.set(name, path.relative(REPO, file));
        }
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect(Object.fromEntries([...imported].filter(([name]) => name !== 'cdktf' && name !== 'constructs'))).toEqual({});
  });
});
