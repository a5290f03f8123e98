import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCommand } from '../../../pipeline/process/run-command';
import { TerraformCli } from '../../../pipeline/terraform/terraform-cli';
import { FAKE_TF_MODE, writeFakeTerraform } from '../../support/fake-terraform';
import { tempDir } from '../../support/temp-dir';

const dir = tempDir('run-command-');
const MiB = 1024 * 1024;
/** Prints `n` MiB of 'a' followed by "END". */
const printer = [
  '-e',
  "const n=Number(process.argv[1]);let i=0;const w=()=>{while(i<n){i++;if(!process.stdout.write('a'.repeat(1024*1024)))return process.stdout.once('drain',w);}process.stdout.write('END');};w();",
];

describe('runCommand output capture', () => {
  it('keeps only the last 4 MiB by default (the end explains a failure)', async () => {
    const result = await runCommand(process.execPath, [...printer, '6'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBe(4 * MiB);
    expect(result.stdout.endsWith('END')).toBe(true);
  });

  it('keeps all of stdout with fullStdout, and streams it whole to a file with stdoutFile', async () => {
    const full = await runCommand(process.execPath, [...printer, '6'], { cwd: dir, fullStdout: true });
    expect(full.stdout.length).toBe(6 * MiB + 3);
    const file = path.join(dir, 'out.txt');
    const streamed = await runCommand(process.execPath, [...printer, '6'], { cwd: dir, stdoutFile: file });
    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toBe('');
    expect(fs.statSync(file).size).toBe(6 * MiB + 3);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reports a program that cannot be started, with stdoutFile too', async () => {
    const result = await runCommand(path.join(dir, 'no-such-program'), [], { cwd: dir, stdoutFile: path.join(dir, 'none.txt') });
    expect(result.code).toBe(127);
  });
});

describe('TerraformCli show -json of a plan bigger than 4 MiB', () => {
  const binary = writeFakeTerraform(path.join(dir, 'bin'));

  it('returns the whole JSON (showJson) and streams it whole to a file (showJsonToFile)', async () => {
    const terraform = new TerraformCli({ binary, env: { ...process.env, [FAKE_TF_MODE]: 'big' } });
    const text = await terraform.showJson(dir, 'x.tfplan');
    expect(text.length).toBeGreaterThan(6 * MiB);
    expect((JSON.parse(text) as { resource_changes: unknown[] }).resource_changes).toHaveLength(1);
    const file = path.join(dir, 'plan.json');
    await terraform.showJsonToFile(dir, 'x.tfplan', file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).format_version).toBe('1.2');
  });

  it('throws with the tail of stderr when show fails', async () => {
    const terraform = new TerraformCli({ binary, env: { ...process.env, [FAKE_TF_MODE]: 'show-fails' } });
    await expect(terraform.showJsonToFile(dir, 'x.tfplan', path.join(dir, 'p2.json'))).rejects.toThrow(/Failed to read the given file/);
  });
});

describe('runCommand in a process group of its own', () => {
  it('reports input, output and exit code exactly as without one', async () => {
    const echo = ['-e', "let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>{process.stdout.write('out:'+s);process.stderr.write('err');process.exitCode=3;});"];
    const plain = await runCommand(process.execPath, echo, { cwd: dir, input: 'hi' });
    const grouped = await runCommand(process.execPath, echo, { cwd: dir, input: 'hi', processGroup: true });
    expect(plain).toEqual({ code: 3, stdout: 'out:hi', stderr: 'err' });
    expect(grouped).toEqual(plain);
    const missing = await runCommand(path.join(dir, 'no-such-program'), [], { cwd: dir, processGroup: true });
    expect(missing.code).toBe(127);
  });
});
