/**
 * `signoz-alerts init`: writes a new alerts-as-code app from the templates shipped in the package
 * (`templates/init/`), plus the two files that carry versions: `package.json` (the toolkit at this
 * version, the CDK engine and the dev tools pinned to the versions this toolkit is built and tested
 * with) and `cdktf.json`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './io';
import { toolkitPackage, type ToolkitManifest } from './package-root';
import { writeAtomically } from './write-atomically';

/** npm's rules for a package name, the subset a new app needs: lower case, no spaces, at most 214 characters. */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** Template files whose names npm or git would treat specially when shipped; renamed when written. */
const RENAMED: ReadonlyArray<readonly [from: string, to: string]> = [
  ['gitignore', '.gitignore'],
  ['github/', '.github/'],
];

/** The dev tools the app gets, pinned to the versions this toolkit uses. */
const DEV_TOOLS = ['cdktf-cli', 'tsx', 'typescript', 'vitest', '@types/node'] as const;

export interface ScaffoldOptions {
  /** The app's package name. @default - the folder's name */
  readonly name?: string;
  /** Write into a folder that already holds files (files of the same name are replaced). */
  readonly force?: boolean;
}

export interface ScaffoldResult {
  readonly dir: string;
  readonly name: string;
  /** Paths written, relative to `dir`, sorted. */
  readonly files: readonly string[];
}

function pinned(manifest: ToolkitManifest, dependency: string): string {
  const version = manifest.dependencies?.[dependency] ?? manifest.devDependencies?.[dependency];
  if (version === undefined) throw new Error(`the toolkit's package.json pins no version of ${dependency}`);
  return version;
}

function appManifest(name: string, toolkit: ToolkitManifest): Record<string, unknown> {
  return {
    name,
    version: '0.1.0',
    private: true,
    scripts: {
      synth: 'CHECKPOINT_DISABLE=1 cdktf synth',
      test: 'vitest run && npm run --silent synth && signoz-alerts test alert-tests --coverage cdktf.out',
      policy: 'signoz-alerts policy cdktf.out',
      'pr-check': 'signoz-alerts pr-check',
      lock: 'signoz-alerts lock-providers',
    },
    engines: { node: '>=20.9' },
    dependencies: {
      cdktf: pinned(toolkit, 'cdktf'),
      'cdktf-signoz-alerts': toolkit.version,
      constructs: pinned(toolkit, 'constructs'),
    },
    devDependencies: Object.fromEntries(DEV_TOOLS.map((tool) => [tool, pinned(toolkit, tool)])),
  };
}

const CDKTF_JSON = {
  language: 'typescript',
  app: 'npx tsx main.ts',
  sendCrashReports: 'false',
  output: 'cdktf.out',
  terraformProviders: [],
  terraformModules: [],
  context: {},
};

/** Every file under `dir`, as POSIX paths relative to it, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

function targetPath(templatePath: string): string {
  for (const [from, to] of RENAMED) if (templatePath === from || templatePath.startsWith(from)) return to + templatePath.slice(from.length);
  return templatePath;
}

/** Writes the app into `dir` (created when missing); refuses a folder with files in it unless `force`. */
export function scaffoldApp(dir: string, options: ScaffoldOptions = {}): ScaffoldResult {
  const toolkit = toolkitPackage();
  if (!toolkit) throw new Error('the templates of signoz-alerts init are not found: the toolkit package is incomplete');
  const templates = path.join(toolkit.root, 'templates', 'init');
  const name = options.name ?? path.basename(dir).toLowerCase();
  if (!PACKAGE_NAME.test(name) || name.length > 214) {
    throw new UsageError(
      `${JSON.stringify(name)} is not a valid npm package name for the app: use lower-case letters, digits, '-', '.', '_' and '~' (optionally @scope/name); pass --name <name>.`,
    );
  }
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a folder; name a new or empty folder.`);
    // a folder just made by `git init` or cloned empty counts as empty
    const present = fs.readdirSync(dir).filter((entry) => entry !== '.git');
    if (present.length > 0 && !options.force) {
      throw new UsageError(
        `${dir} is not empty (${present.length} ${present.length === 1 ? 'entry' : 'entries'}, e.g. ${present.sort()[0]}); init writes a new app into an empty folder. Pass --force to write into it anyway (files of the same name are replaced).`,
      );
    }
  }
  const files = new Map<string, string>();
  for (const rel of filesUnder(templates)) files.set(targetPath(rel), fs.readFileSync(path.join(templates, rel), 'utf8'));
  files.set('package.json', `${JSON.stringify(appManifest(name, toolkit.manifest), null, 2)}\n`);
  files.set('cdktf.json', `${JSON.stringify(CDKTF_JSON, null, 2)}\n`);
  for (const [rel, content] of files) {
    try {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    } catch (err) {
      throw new UsageError(`cannot create ${path.dirname(path.join(dir, rel))}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    writeAtomically(path.join(dir, rel), content, path.join(dir, rel));
  }
  return { dir, name, files: [...files.keys()].sort() };
}
