import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, DataResource, LocalBackend, TerraformStack } from '../../constructs/engine';

/** Stand-in "alerts": built-in terraform_data resources, one stack per key. */
export type StackDefinitions = Record<string, Record<string, Record<string, unknown>>>;

/** Synthesizes stacks of `terraform_data` resources into `outdir`, in-process (no cdktf CLI, no providers). */
export function synthStandInApp(outdir: string, stacks: StackDefinitions, options: { moveFrom?: Record<string, string>; stateDir?: string } = {}): string {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir, stackTraces: false });
  for (const [stackName, resources] of Object.entries(stacks)) {
    const stack = new TerraformStack(app, stackName);
    // State stays in the test's temporary folder, never in the working directory.
    new LocalBackend(stack, { path: path.join(options.stateDir ?? path.join(outdir, '..', 'state'), `${stackName}.tfstate`) });
    for (const [id, input] of Object.entries(resources)) new DataResource(stack, id, { input });
    for (const [from, to] of Object.entries(options.moveFrom ?? {})) stack.addOverride('moved', [{ from, to }]);
  }
  app.synth();
  return outdir;
}

/** Absolute path of the engine module, for fixture apps outside this repository. */
export const ENGINE_MODULE = path.resolve(__dirname, '../../constructs/engine');
