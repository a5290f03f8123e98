import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { buildSarifLog, PolicyPack, renderReport, type PolicyReport } from '../../policies';
import { goodPayload, synthesizedStack } from './support/estate';

// The SARIF 2.1.0 JSON Schema as Microsoft's sarif-js-sdk ships it (draft-04).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** A report with an error with a TypeScript source, a warning without one, a stack finding and a suppressed finding. */
function sampleReport(): PolicyReport {
  const stack = synthesizedStack({
    alerts: [
      {
        id: 'NoOwner',
        payload: goodPayload((p) => {
          delete p.labels!.team;
          p.alert = 'No | owner <b>';
        }),
      },
      {
        id: 'Chatty',
        payload: goodPayload((p) => {
          p.alert = 'Chatty';
          p.notificationSettings.renotify!.interval = '5m';
        }),
      },
      {
        id: 'Off',
        payload: goodPayload((p) => {
          p.alert = 'Off';
          p.disabled = true;
        }),
      },
    ],
    sources: { 'prod/NoOwner': 'stacks/prod.ts:12' },
    suppressions: [{ path: 'prod/Off', id: 'disabled-in-production', reason: 'noisy until the exporter fix ships', owner: 'payments', expires: '2026-03-31' }],
    change: (d) => {
      d.terraform.required_version = '>= 1.5';
    },
  });
  return PolicyPack.default().run([stack], { today: '2026-03-01' });
}

describe('text report', () => {
  it('lists each finding with where to look, the suppressions, and a verdict', () => {
    const text = renderReport(sampleReport(), 'text', '0.1.0');
    expect(text).toContain('Policy pack "default": 1 stack, 3 alerts');
    expect(text).toContain(
      'error   [owner-label] prod/NoOwner/Resource\n  alert "No | owner <b>" has no owner label; set labels.team or labels.owner\n  at stacks/prod.ts:12 (cdktf.out/stacks/prod/cdk.tf.json:',
    );
    expect(text).toContain('warning [renotify-interval] prod/Chatty/Resource');
    expect(text).toContain('Suppressed (1):\n  [disabled-in-production] prod/Off/Resource: "noisy until the exporter fix ships" (owner payments, until 2026-03-31)');
    expect(text.split('\n').at(-1)).toBe('Policy check FAILED: 2 errors, 1 warning, 1 suppressed');
  });

  it('says passed when there are no errors', () => {
    const report = PolicyPack.default().run([synthesizedStack()], { today: '2026-03-01' });
    expect(renderReport(report, 'text', '0.1.0').split('\n').at(-1)).toBe('Policy check passed: 0 errors, 0 warnings, 0 suppressed');
  });
});

describe('JSON report', () => {
  it('is the engine report with a format version', () => {
    const report = sampleReport();
    const json = JSON.parse(renderReport(report, 'json', '0.1.0'));
    expect(json.reportVersion).toBe(1);
    expect(json.summary).toEqual({ stacks: 1, alerts: 3, errors: 2, warnings: 1, suppressed: 1 });
    expect(json.findings[0]).toEqual({
      ruleId: 'terraform-version-pinned',
      level: 'error',
      message: 'stack "prod" allows Terraform versions ">= 1.5"; pin one exact version such as "1.11.4"',
      environment: 'prod',
      stack: 'prod',
      constructPath: 'prod',
      file: 'cdktf.out/stacks/prod/cdk.tf.json',
      line: expect.any(Number),
    });
    expect(json.rules.map((r: { id: string }) => r.id)).toContain('suppression-unused');
  });

  it('is the same text for the same input', () => {
    expect(renderReport(sampleReport(), 'json', '0.1.0')).toBe(renderReport(sampleReport(), 'json', '0.1.0'));
  });
});

describe('markdown report', () => {
  it('makes a PR comment section with an escaped findings table and folded suppressions', () => {
    const md = renderReport(sampleReport(), 'markdown', '0.1.0');
    expect(md.split('\n')[0]).toBe('### :x: Alert policies: 2 errors, 1 warning, 1 suppressed');
    expect(md).toContain(
      '| :x: error | `owner-label` | `prod/NoOwner/Resource`<br>stacks/prod.ts:12 | alert "No \\| owner &lt;b&gt;" has no owner label; set labels.team or labels.owner |',
    );
    expect(md).toContain('<details><summary>1 suppressed finding</summary>');
    expect(md).toContain('| `disabled-in-production` | `prod/Off/Resource` | noisy until the exporter fix ships | payments | 2026-03-31 |');
  });
});

describe('SARIF report', () => {
  // The schema's `language` pattern is not valid as a unicode regular expression; ajv 8 compiles with `u` by default.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(SARIF_SCHEMA);

  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    const log = JSON.parse(renderReport(sampleReport(), 'sarif', '0.1.0'));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked by a schema that rejects broken logs', () => {
    const log = buildSarifLog(sampleReport(), '0.1.0') as any;
    log.runs[0].results[0].level = 'fatal';
    delete log.version;
    expect(validate(log)).toBe(false);
  });

  it('describes every rule and points results at the TypeScript source, else the synthesized file', () => {
    const log = buildSarifLog(sampleReport(), '0.1.0') as any;
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'owner-label');
    expect(rule).toMatchObject({
      name: 'OwnerLabel',
      shortDescription: { text: expect.any(String) },
      fullDescription: { text: expect.any(String) },
      help: { text: expect.stringContaining("id: 'owner-label'") },
      defaultConfiguration: { level: 'error' },
    });
    const owner = run.results.find((r: { ruleId: string }) => r.ruleId === 'owner-label');
    expect(owner.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'stacks/prod.ts' }, region: { startLine: 12 } });
    expect(owner.locations[0].logicalLocations).toEqual([{ fullyQualifiedName: 'prod/NoOwner/Resource', kind: 'resource' }]);
    expect(owner.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('cdktf.out/stacks/prod/cdk.tf.json');
    expect(run.tool.driver.rules[owner.ruleIndex].id).toBe('owner-label');
    const chatty = run.results.find((r: { ruleId: string }) => r.ruleId === 'renotify-interval');
    expect(chatty.locations[0].physicalLocation.artifactLocation.uri).toBe('cdktf.out/stacks/prod/cdk.tf.json');
    expect(chatty.level).toBe('warning');
    const suppressed = run.results.find((r: { ruleId: string }) => r.ruleId === 'disabled-in-production');
    expect(suppressed.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'noisy until the exporter fix ships (owner: payments) (expires 2026-03-31)' }]);
    for (const result of run.results) {
      for (const location of result.locations) {
        const uri: string | undefined = location.physicalLocation?.artifactLocation.uri;
        if (uri) expect(uri.startsWith('/') || /^[a-z]+:/i.test(uri)).toBe(false);
      }
    }
  });

  it('keeps fingerprints stable when lines move', () => {
    const a = buildSarifLog(sampleReport(), '0.1.0') as any;
    const moved = sampleReport();
    const b = buildSarifLog({ ...moved, findings: moved.findings.map((f) => ({ ...f, line: (f.line ?? 0) + 10 })) }, '0.1.0') as any;
    expect(b.runs[0].results.map((r: any) => r.partialFingerprints)).toEqual(a.runs[0].results.map((r: any) => r.partialFingerprints));
  });
});
