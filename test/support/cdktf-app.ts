import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, LocalBackend, TerraformStack, TerraformVariable } from '../../constructs/engine';
import { TerraformData } from '../../constructs/model/terraform-data';

/** Stand-in "alerts": built-in terraform_data resources, one stack per key. */
export type StackDefinitions = Record<string, Record<string, Record<string, unknown>>>;

/** Synthesizes stacks of `terraform_data` resources into `outdir`, in-process (no cdktf CLI, no providers). */
export interface StandInOptions {
  readonly moveFrom?: Record<string, string>;
  readonly stateDir?: string;
  /** Adds a `sensitive` variable with this default and a resource whose input uses it. */
  readonly sensitiveValue?: string;
}

export function synthStandInApp(outdir: string, stacks: StackDefinitions, options: StandInOptions = {}): string {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir, stackTraces: false });
  for (const [stackName, resources] of Object.entries(stacks)) {
    const stack = new TerraformStack(app, stackName);
    // State stays in the test's temporary folder, never in the working directory.
    new LocalBackend(stack, { path: path.join(options.stateDir ?? path.join(outdir, '..', 'state'), `${stackName}.tfstate`) });
    for (const [id, input] of Object.entries(resources)) new TerraformData(stack, id, { input });
    if (options.sensitiveValue !== undefined) {
      const token = new TerraformVariable(stack, 'channel_token', { type: 'string', sensitive: true, default: options.sensitiveValue });
      new TerraformData(stack, 'channel_stand_in', { input: { name: 'pd-oncall', token: token.stringValue } });
    }
    for (const [from, to] of Object.entries(options.moveFrom ?? {})) stack.addOverride('moved', [{ from, to }]);
  }
  app.synth();
  return outdir;
}

/** Absolute path of the engine module, for fixture apps outside this repository. */
export const ENGINE_MODULE = path.resolve(__dirname, '../../constructs/engine');

/** Absolute path of the `terraform_data` stand-in module (synth works without the terraform binary). */
export const TERRAFORM_DATA_MODULE = path.resolve(__dirname, '../../constructs/model/terraform-data');
