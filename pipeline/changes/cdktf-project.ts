/**
 * The parts of `cdktf.json` the pipeline needs: the command that synthesizes the app, where it
 * writes, and where generated bindings live (they are not in git, so a base checkout borrows them).
 */
import { isToolkitError } from '../../constructs/model/toolkit-error';
import { readInputFile } from '../../constructs/util/read-input-file';
import { parseJsonInput } from '../../constructs/util/parse-input';
import { isPlainObject } from '../../constructs/util/json';
import * as path from 'node:path';
import { PipelineInputError } from '../errors';

export interface CdktfProject {
  readonly dir: string;
  /** The synth command (`app`), run through the shell in `dir`. */
  readonly app: string;
  /** Absolute path of the synth output folder (`output`, default `cdktf.out`). */
  readonly outdir: string;
  /** Folder of generated provider bindings relative to `dir` (`codeMakerOutput`, default `.gen`). */
  readonly codeMakerOutput: string;
  readonly context: Readonly<Record<string, unknown>>;
  /** The toolkit's own settings (`signozAlerts`), unchecked here (see pr-check/app-check-config.ts). @default - none */
  readonly signozAlerts?: unknown;
}

export function readCdktfProject(dir: string): CdktfProject {
  const file = path.join(dir, 'cdktf.json');
  let parsed: ReturnType<typeof parseJsonInput>;
  try {
    parsed = parseJsonInput(readInputFile(file));
  } catch (err) {
    if (isToolkitError(err)) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new PipelineInputError(
      code === 'ENOENT' ? 'no cdktf.json here; point --app-dir at the folder of the cdktf app.' : `cannot read (${code ?? String(err)}).`,
      { file },
      'cdktf project',
    );
  }
  if ('error' in parsed) throw new PipelineInputError(`${parsed.error}.`, { file }, 'cdktf project');
  if (!isPlainObject(parsed.value)) throw new PipelineInputError('must be a JSON object.', { file }, 'cdktf project');
  const raw = parsed.value;
  if (typeof raw.app !== 'string' || raw.app.trim() === '') {
    throw new PipelineInputError('must be the command that synthesizes the app (e.g. "npx tsx main.ts").', { file }, 'cdktf project', 'app');
  }
  return {
    dir,
    app: raw.app,
    outdir: path.resolve(dir, typeof raw.output === 'string' ? raw.output : 'cdktf.out'),
    codeMakerOutput: typeof raw.codeMakerOutput === 'string' ? raw.codeMakerOutput : '.gen',
    context: raw.context !== null && typeof raw.context === 'object' ? (raw.context as Record<string, unknown>) : {},
    ...(raw.signozAlerts !== undefined ? { signozAlerts: raw.signozAlerts } : {}),
  };
}
