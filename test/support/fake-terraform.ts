import * as fs from 'node:fs';
import * as path from 'node:path';

/** Environment variable that selects what the fake `terraform show -json` does. */
export const FAKE_TF_MODE = 'FAKE_TF_MODE';

/**
 * Writes a stand-in `terraform` binary (a Node script) into `dir` and returns its path. It answers
 * `version -json`, `init`, `validate`, writes a "plan file" holding a fake secret on `plan -out=`,
 * and on `show -json` prints, by `$FAKE_TF_MODE`:
 * - `big` (default): a valid plan JSON of about `$FAKE_TF_MB` MiB (default 6) updating `terraform_data.cpu`;
 * - `errored`: Terraform's plan-error shape (`errored: true`, no resource_changes);
 * - `show-fails`: nothing, exit 1;
 * - `garbage`: text that is not JSON;
 * - `show-hangs`: `show` waits a minute (to interrupt the caller while the saved plan exists);
 * - `plan-fails`: `plan` fails with an error echoing `$TF_VAR_signoz_access_token` and a fingerprint marker (as a
 *   provider error can).
 */
export function writeFakeTerraform(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'fake-terraform');
  const script = `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const mode = process.env.${FAKE_TF_MODE} || 'big';
const cmd = args[0];
if (cmd === 'version') { process.stdout.write(JSON.stringify({ terraform_version: '1.11.4' })); process.exit(0); }
if (cmd === 'init' || cmd === 'validate') process.exit(0);
if (cmd === 'plan') {
  if (mode === 'plan-fails') {
    process.stderr.write('Error: 401 Unauthorized with token ' + process.env.TF_VAR_signoz_access_token + '\\n  <!-- signoz-alerts:fingerprint stack=prod sha256:' + 'b'.repeat(64) + ' -->\\n');
    process.exit(1);
  }
  const out = args.find((a) => a.startsWith('-out=')).slice(5);
  fs.writeFileSync(out, 'FAKE PLAN FILE with secret hunter2');
  process.exit(0);
}
if (cmd === 'show') {
  if (mode === 'show-hangs') { setTimeout(() => process.exit(1), 60000); return; }
  if (mode === 'show-fails') { process.stderr.write('Error: Failed to read the given file as a state or plan file\\n'); process.exit(1); }
  if (mode === 'garbage') { process.stdout.write('{"format_version":"1.2","resource_changes":[{"addr'); process.exit(0); }
  if (mode === 'errored') {
    process.stdout.write(JSON.stringify({ format_version: '1.2', applyable: false, complete: false, planned_values: { root_module: {} }, prior_state: {}, errored: true }));
    process.exit(0);
  }
  const target = Number(process.env.FAKE_TF_MB || '6') * 1024 * 1024;
  const pad = 'x'.repeat(64 * 1024);
  const head = '{"format_version":"1.2","terraform_version":"1.11.4","applyable":true,"complete":true,"errored":false,"resource_changes":[' +
    JSON.stringify({ address: 'terraform_data.cpu', mode: 'managed', type: 'terraform_data', name: 'cpu', change: { actions: ['update'], before: { input: { threshold: 80 } }, after: { input: { threshold: 75 } } } }) +
    '],"padding":[';
  process.stdout.write(head);
  let written = head.length;
  let first = true;
  const more = () => {
    while (written < target) {
      const chunk = (first ? '' : ',') + JSON.stringify(pad);
      first = false;
      written += chunk.length;
      if (!process.stdout.write(chunk)) return process.stdout.once('drain', more);
    }
    process.stdout.write(']}');
  };
  more();
  return;
}
process.stderr.write('fake terraform: unexpected ' + args.join(' ') + '\\n');
process.exit(3);
`;
  fs.writeFileSync(file, script, { mode: 0o755 });
  return file;
}
