/**
 * Plans of any size are read with bounded memory: a plan JSON of more than 50 MB, generated here,
 * is summarized by a Node process whose heap is capped far below what holding its text (or
 * `JSON.parse` of it) would take, so it is streamed; a plan small against the heap is parsed whole
 * and reduced to the same fields.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlanFile } from '../../../pipeline/plan/plan-file';
import { tempDir } from '../../support/temp-dir';

const dir = tempDir('plan-file-');
const PROJECT = path.resolve(__dirname, '../../..');

/** Writes a plan JSON of at least `minBytes`: many unchanged resources, a few updates and a delete, as Terraform lays it out. */
function writeBigPlan(file: string, minBytes: number): { noOps: number } {
  const fd = fs.openSync(file, 'w');
  let size = 0;
  const put = (text: string): void => {
    fs.writeSync(fd, text);
    size += Buffer.byteLength(text);
  };
  const attrs = (i: number) => ({ input: { kind: 'alert', threshold: i, window: '5m', query: `sum(rate(http_requests_total{service="svc-${i}"}[5m]))`, pad: 'p'.repeat(700) } });
  put('{"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{"resources":[');
  const perResource = Buffer.byteLength(JSON.stringify(attrs(0))) * 4 + 150;
  const noOps = Math.ceil(minBytes / perResource);
  for (let i = 0; i < noOps; i++) put(`${i ? ',' : ''}${JSON.stringify({ address: `terraform_data.r${i}`, values: attrs(i) })}`);
  put(']}},"resource_changes":[');
  put(
    JSON.stringify({
      address: 'terraform_data.changed',
      mode: 'managed',
      type: 'terraform_data',
      name: 'changed',
      change: { actions: ['update'], before: attrs(1), after: attrs(2) },
    }),
  );
  put(
    `,${JSON.stringify({ address: 'terraform_data.gone', mode: 'managed', type: 'terraform_data', name: 'gone', change: { actions: ['delete'], before: attrs(3), after: null } })}`,
  );
  for (let i = 0; i < noOps; i++) {
    put(
      `,${JSON.stringify({ address: `terraform_data.r${i}`, mode: 'managed', type: 'terraform_data', name: `r${i}`, change: { actions: ['no-op'], before: attrs(i), after: attrs(i) } })}`,
    );
  }
  put('],"prior_state":{"values":{"root_module":{"resources":[');
  for (let i = 0; i < noOps; i++) put(`${i ? ',' : ''}${JSON.stringify({ address: `terraform_data.r${i}`, values: attrs(i) })}`);
  put(']}}},"configuration":{"root_module":{"variables":{"token":{"sensitive":true}}}},"variables":{"token":{"value":"tok-secret-value"}},');
  put('"applyable":true,"complete":true,"errored":false}');
  fs.closeSync(fd);
  expect(size).toBeGreaterThanOrEqual(minBytes);
  return { noOps };
}

describe('readPlanFile streams plans of any size', () => {
  const big = path.join(dir, 'big.plan.json');
  const { noOps } = writeBigPlan(big, 50 * 1024 * 1024);

  it('keeps every change and what is read of it, and drops the payload of no-ops and the other sections', async () => {
    const plan = await readPlanFile(big);
    expect(fs.statSync(big).size).toBeGreaterThan(50 * 1024 * 1024);
    expect(plan.resourceChanges).toHaveLength(noOps + 2);
    expect(plan.resourceChanges[0]!.change.after).toEqual(expect.objectContaining({ input: expect.objectContaining({ threshold: 2 }) }));
    expect(plan.resourceChanges[2]!.change).toEqual({ actions: ['no-op'] });
    expect(plan.sensitiveVariables).toEqual(new Set(['token']));
    expect(plan.variables).toEqual({ token: 'tok-secret-value' });
    expect([plan.formatVersion, plan.applyable, plan.errored]).toEqual(['1.2', true, false]);
  });

  it('summarizes it in a process whose heap is capped at 96 MB (holding the text alone would take over 50)', () => {
    const script = [
      "const { readPlanFile } = require('./pipeline/plan/plan-file');",
      "const { summarizePlans, renderPlanSummary } = require('./pipeline/summary/plan-summary');",
      '(async () => {',
      `  const plan = await readPlanFile(${JSON.stringify(big)});`,
      "  const { summary, redactor } = summarizePlans([{ stack: 'big', plan }]);",
      "  process.stdout.write(renderPlanSummary(summary, { format: 'text', maxBytes: 65536, redactor }).text.split('\\n').slice(0, 3).join('\\n'));",
      '})();',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', '-e', script], { cwd: PROJECT, encoding: 'utf8', maxBuffer: 1024 * 1024 });
    expect(out).toContain('1 to update');
    expect(out).toContain('1 to delete');
  });

  it('reads a plan the same whether it is parsed whole (small against the heap) or streamed (a 16 MB heap: over 1/16 of it)', async () => {
    const medium = path.join(dir, 'medium.plan.json');
    writeBigPlan(medium, 6 * 1024 * 1024);
    const doc = JSON.parse(fs.readFileSync(medium, 'utf8')) as Record<string, unknown>;
    // Drift, a no-op channel (its `before` is kept) and output changes, which the big plan lacks.
    const channel = {
      address: 'restapi_object.pager',
      mode: 'managed',
      type: 'restapi_object',
      name: 'pager',
      change: { actions: ['no-op'], before: { path: '/api/v1/channels', data: '{"name":"pager"}' }, after: { path: '/api/v1/channels', data: '{"name":"pager"}' } },
    };
    (doc.resource_changes as unknown[]).push(channel);
    doc.resource_drift = [{ ...channel, change: { actions: ['update'], before: {}, after: { x: 1 } } }];
    doc.output_changes = { url: { actions: ['create'], before: null, after: 'https://example.test' } };
    fs.writeFileSync(medium, JSON.stringify(doc));
    const script = `require('./pipeline/plan/plan-file').readPlanFile(${JSON.stringify(medium)}).then((p) => process.stdout.write(JSON.stringify({ ...p, sensitiveVariables: [...p.sensitiveVariables] })));`;
    const streamed = execFileSync(process.execPath, ['--max-old-space-size=16', '--import', 'tsx', '-e', script], { cwd: PROJECT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const whole = await readPlanFile(medium);
    expect(whole.resourceChanges.at(-1)!.change).toEqual({ actions: ['no-op'], before: channel.change.before });
    expect(whole.resourceDrift).toHaveLength(1);
    expect(JSON.parse(streamed)).toEqual(JSON.parse(JSON.stringify({ ...whole, sensitiveVariables: [...whole.sensitiveVariables] })));
  });

  it('refuses what is not a plan with the same clear errors as before', async () => {
    const write = (name: string, text: string): string => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    await expect(readPlanFile(write('truncated.json', '{"format_version":"1.2","resource_changes":[{"addr'))).rejects.toThrow(/invalid JSON/);
    await expect(readPlanFile(write('state.json', '{"values":{"root_module":{}}}'))).rejects.toThrow(/missing "format_version" \(it looks like a state file/);
    await expect(readPlanFile(write('array.json', '[1]'))).rejects.toThrow(/expected a JSON object/);
    await expect(readPlanFile(write('log.json', '{"@level":"info","@message":"x"}\n{"@level":"info"}\n'))).rejects.toThrow(/log stream of `terraform plan -json`/);
    await expect(readPlanFile(write('v2.json', '{"format_version":"2.0"}'))).rejects.toThrow(/format_version 2.0 is not supported.*upgrade signoz-alerts/);
    // An older format says it is older (not newer) and what to do
    const older = readPlanFile(write('v01.json', '{"format_version":"0.1","terraform_version":"0.12.0","resource_changes":[]}'));
    await expect(older).rejects.toThrow(/format_version 0\.1 is older than this tool reads .* Make the plan again with Terraform 1\.x/);
    await expect(readPlanFile(path.join(dir, 'v01.json'))).rejects.not.toThrow(/upgrade signoz-alerts/);
    await expect(readPlanFile(path.join(dir, 'missing.json'))).rejects.toThrow(/no such file/);
  });
});
