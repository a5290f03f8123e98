/**
 * Synthesizes a cdktf app the way `cdktf synth` does, without the cdktf CLI: runs the `app` command
 * of cdktf.json with `CDKTF_OUTDIR` pointing at the requested folder and the project context in
 * `CDKTF_CONTEXT_JSON`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PipelineInputError } from '../errors';
import { runCommand, tail } from '../process/run-command';
import type { CdktfProject } from './cdktf-project';

/** The app's synth command failed or wrote no manifest; `label` says which synth (`head`, `base (<ref>)`, `app`). */
export class SynthFailedError extends PipelineInputError {
  constructor(
    readonly label: string,
    message: string,
  ) {
    super(message, {}, 'cdktf app');
  }
}

/** Runs the app's synth into `outdir`; `env` is added to the app's environment (`SOURCE_DATE_EPOCH` of a fixed reference date). */
export async function synthApp(project: CdktfProject, outdir: string, label = 'app', env: Readonly<Record<string, string>> = {}): Promise<void> {
  const target = path.resolve(outdir);
  // Existing files stay (local state may live in the output folder); manifest.json is rewritten.
  fs.mkdirSync(target, { recursive: true });
  const result = await runCommand(project.app, [], {
    cwd: project.dir,
    shell: true,
    processGroup: true,
    env: {
      ...process.env,
      ...env,
      CDKTF_OUTDIR: target,
      CDKTF_CONTEXT_JSON: JSON.stringify(project.context),
      CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (result.code !== 0) {
    throw new SynthFailedError(label, `synth of the ${label} failed: \`${project.app}\` in ${project.dir} exited with ${result.code}:\n${tail(result.stderr || result.stdout)}`);
  }
  if (!fs.existsSync(path.join(target, 'manifest.json'))) {
    throw new SynthFailedError(label, `synth of the ${label} wrote no manifest.json to ${target}: does \`${project.app}\` call app.synth()?`);
  }
}
