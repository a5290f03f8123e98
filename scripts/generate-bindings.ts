/**
 * Generates the typed L1 provider bindings under `.gen/providers/<name>/` from the provider schema
 * documents in `provider-schema/` (each a `terraform providers schema -json` document), with
 * cdktf's own generator. Runs offline; `npm ci` runs it through the `prepare` script.
 *
 * The generated files import the engine through `constructs/engine.ts` instead of `cdktf`, so a
 * switch to CDK Terrain touches one file.
 */
import { ConstructsMakerProviderTarget, LANGUAGES, TerraformProviderConstraint, type ProviderSchema } from '@cdktf/commons';
import { CodeMaker, TerraformProviderGenerator } from '@cdktf/provider-generator';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const schemaDir = path.join(root, 'provider-schema');
const outDir = path.join(root, '.gen');

/** Rewrites `from 'cdktf'` in every file under `dir`, computing paths as if `dir` were `finalDir`. */
function rewriteEngineImports(dir: string, finalDir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      rewriteEngineImports(file, path.join(finalDir, entry.name));
    } else if (entry.name.endsWith('.ts')) {
      const source = fs.readFileSync(file, 'utf8');
      const engine = path
        .relative(finalDir, path.join(root, 'constructs', 'engine'))
        .split(path.sep)
        .join('/');
      const rewritten = source.replace(/from ['"]cdktf['"]/g, `from '${engine}'`);
      if (rewritten !== source) fs.writeFileSync(file, rewritten);
    }
  }
}

/**
 * One provider's bindings, pinned: `<name>@<version>.json` becomes `required_providers.<name> =
 * { source, version = "<version>" }` in every stack that uses the provider.
 */
async function generateFromSchema(file: string, outDir: string): Promise<void> {
  const [, name, version] = /^([a-z0-9-]+)@([0-9.]+)\.json$/.exec(file) ?? [];
  const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')) as ProviderSchema;
  const fqpns = Object.keys(schema.provider_schemas ?? {});
  if (fqpns.length !== 1 || !name || !version) throw new Error(`${file}: expected one provider schema named <name>@<version>.json`);
  const fqpn = fqpns[0]!;
  const source = fqpn.replace(/^registry\.terraform\.io\//, '');
  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, { ...schema, provider_versions: { [fqpn]: version } });
  generator.generate(new ConstructsMakerProviderTarget(new TerraformProviderConstraint({ name, source, version }), LANGUAGES[0]!));
  await code.save(outDir);
}

async function main(): Promise<void> {
  const schemaFiles = fs
    .readdirSync(schemaDir)
    .filter((f) => /^[a-z0-9-]+@[0-9.]+\.json$/.test(f))
    .sort();
  if (schemaFiles.length === 0) throw new Error(`no provider schema documents found in ${schemaDir}`);
  // The generator writes into a fresh folder; swap it in whole so a failure never leaves half a tree.
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-gen-'));
  for (const file of schemaFiles) {
    await generateFromSchema(file, staging);
  }
  rewriteEngineImports(staging, outDir);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.cpSync(staging, outDir, { recursive: true });
  fs.rmSync(staging, { recursive: true, force: true });
  console.log(`generated bindings for ${schemaFiles.join(', ')} in ${path.relative(root, outDir)}/`);
}

main().catch((err: unknown) => {
  console.error(`binding generation failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
