import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * cdktf's `Testing.app()` and `fullSynth()` leave `cdktf.outdir.*` folders in the temp dir; give
 * the whole run a temp dir of its own and remove it afterwards.
 */
export default function setup(): () => void {
  // `npx vitest` in a fresh clone: the typed provider bindings are generated, not committed
  const repo = path.join(__dirname, '..', '..');
  if (!fs.existsSync(path.join(repo, '.gen', 'providers'))) execFileSync('npm', ['run', '--silent', 'gen'], { cwd: repo, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-alerts-test-'));
  process.env.TMPDIR = dir;
  return () => {
    // a child process a test killed may still be writing its last file: retry, then leave a note
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      process.stderr.write(`note: could not remove the tests' temp dir ${dir}: ${(error as Error).message}\n`);
    }
  };
}
