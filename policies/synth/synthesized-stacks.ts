/**
 * The synthesized stacks the checks read: from a `cdktf.out` folder (the `policy` command) or
 * from an app that has just synthesized (the synth-time check). Both read the same files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { App, TerraformStack } from '../../constructs/engine';
import { outputFolderOf } from '../../constructs/stacks/atomic-synth';
import { readStackFile, readSynthOutput, SynthOutputError, type ReadSynthOutputOptions, type SynthesizedStack } from '../../constructs/codecs/synth-output';

export { SynthOutputError, type ReadSynthOutputOptions };

/** Reads every stack listed in `<outdir>/manifest.json`, or only those named in `options.stacks` (the one synth output reader, `constructs/codecs/synth-output.ts`). */
export function readCdktfOut(outdir: string, cwd: string, options: ReadSynthOutputOptions = {}): SynthesizedStack[] {
  return readSynthOutput(outdir, cwd, options);
}

/** The stacks of an app after `app.synth()` wrote them: the files when JSON, else the stack's JSON in memory. */
export function synthesizedStacksOf(app: App, stacks: readonly TerraformStack[], cwd: string = process.cwd()): SynthesizedStack[] {
  return stacks.map((stack) => {
    const entry = app.manifest.forStack(stack);
    const file = path.resolve(app.outdir, entry.synthesizedStackPath);
    // Findings name the file where it will be once the synth completes, not the staging folder it is written to.
    const shown = path
      .relative(cwd, path.resolve(outputFolderOf(app), entry.synthesizedStackPath))
      .split(path.sep)
      .join('/');
    const base = { name: entry.name, constructPath: stack.node.path };
    if (file.endsWith('.json') && fs.existsSync(file)) return { ...base, ...readStackFile(file, cwd), file: shown };
    return { ...base, file: shown, document: stack.toTerraform() as Record<string, unknown> };
  });
}
