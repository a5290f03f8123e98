import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strictCompilerOptions, typeErrors } from '../support/strict-tsc';
import { decodeSignozRule } from '../../constructs/codecs';
import { TerraformStack, Testing, type Construct } from '../../constructs/engine';
import { addImportedRules, firstDifference, importedChannelNames, importRules, renderImportModule, type ImportSource, type ImportedRule } from '../../import';
import { normalizeImportedRule, rulesIn } from '../../constructs/codecs';
import { configAttributeValues } from '../../constructs/model/terraform-literal';
import { importSources } from '../support/import-fixtures';
import { RULE_FIXTURES_DIR } from '../support/rule-fixtures';
import { NotificationChannel } from '../../constructs';

const REPO = path.join(__dirname, '..', '..');

/** The synthesized signoz_rule of each imported rule (read back as SigNoz receives it), and the import blocks. */
function synthesized(stack: TerraformStack, rules: readonly ImportedRule[]): { payloads: unknown[]; imports: { id: string; to: string }[] } {
  const out = JSON.parse(Testing.synth(stack, true));
  const resources = out.resource.signoz_rule as Record<string, Record<string, unknown>>;
  const payloads = rules.map((rule) => {
    const key = Object.keys(resources).find((k) => k.startsWith(`${rule.constructId}_`));
    return normalizeImportedRule(decodeSignozRule(configAttributeValues(resources[key!]!)));
  });
  return { payloads, imports: out.import ?? [] };
}

/** What each imported rule must synthesize to: the exported rule itself, normalized, or for a converted legacy rule its conversion. */
function expectedPayloads(rules: readonly ImportedRule[], sources: readonly ImportSource[]): unknown[] {
  return rules.map((rule) => {
    if (rule.notes.length > 0) return rule.payload;
    const exported = rulesIn(JSON.parse(sources.find((s) => s.name === rule.source)!.text)).find((e) => e.pointer === rule.pointer)!;
    return normalizeImportedRule(exported.json);
  });
}

describe('import round trip', () => {
  it.each([
    ['the import fixtures', undefined],
    ['the rule fixtures', RULE_FIXTURES_DIR],
  ])('synthesizes every rule of %s back to the imported payload', (_name, dir) => {
    // GIVEN exported rules WHEN imported and added to a stack THEN each synthesized rule equals its import
    const sources = importSources(dir);
    const { rules } = importRules(sources);
    expect(rules.length).toBeGreaterThan(4);
    const stack = new TerraformStack(Testing.app(), 'imported');
    for (const name of importedChannelNames(rules)) NotificationChannel.fromName(stack, `channel-${name}`, name);
    addImportedRules(stack, rules);
    const { payloads } = synthesized(stack, rules);
    const expected = expectedPayloads(rules, sources);
    rules.forEach((rule, i) => expect(firstDifference(payloads[i], expected[i]), `${rule.source}#${rule.pointer}`).toBeUndefined());
  });

  it('keeps every original field modulo the documented normalizations', () => {
    const exported = JSON.parse(importSources().find((s) => s.name === 'api-response.json')!.text).data;
    const { rules } = importRules(importSources().filter((s) => s.name === 'api-response.json'));
    rules.forEach((rule, i) => expect(rule.payload).toEqual(normalizeImportedRule(exported[i])));
    // the documented normalizations, on the first rule
    const first = rules[0]!.payload as any;
    expect(first.id).toBeUndefined();
    expect(first.state).toBeUndefined();
    expect(first.source).toBeUndefined();
    expect(first.createAt).toBeUndefined();
    expect(first.disabled).toBeUndefined();
    expect(first.condition.compositeQuery.queries[0].spec.having).toBeUndefined();
    expect(first.condition.compositeQuery.queries[0].spec.aggregations[0].temporality).toBeUndefined();
    expect(first.condition.thresholds.spec[0]).toEqual({ name: 'critical', target: 0.9, matchType: 'on_average', op: 'above', channels: ['pagerduty-oncall'] });
    expect((rules[1]!.payload as any).condition.thresholds.spec[0]).toMatchObject({ op: 'above', matchType: 'on_average' });
  });

  describe('the generated TypeScript module', () => {
    let dir: string;
    let file: string;
    let rules: readonly ImportedRule[];

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-module-'));
      file = path.join(dir, 'imported-alerts.ts');
      rules = importRules(importSources()).rules;
      fs.writeFileSync(file, renderImportModule(rules, { sources: ['test/fixtures/import'], importFrom: path.join(REPO, 'constructs', 'index') }));
    });

    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('compiles under strict tsc', () => {
      const options = strictCompilerOptions(
        { constructs: [path.join(REPO, 'node_modules', 'constructs')] },
        { noUnusedLocals: true, noUnusedParameters: true, noImplicitReturns: true },
      );
      const diagnostics = typeErrors([file], options);
      expect(diagnostics).toEqual([]);
    });

    it('builds the same rules as the import, with import blocks for their ids', async () => {
      const module = (await import(file)) as { importedAlertRules(stack: Construct): unknown[] };
      const stack = new TerraformStack(Testing.app(), 'generated');
      // the channels the rules name live in SigNoz already: declared as such, as the default checks ask
      for (const name of importedChannelNames(rules)) NotificationChannel.fromName(stack, `channel-${name}`, name);
      expect(module.importedAlertRules(stack)).toHaveLength(rules.length);
      const { payloads, imports } = synthesized(stack, rules);
      expect(payloads).toEqual(expectedPayloads(rules, importSources()));
      expect(imports.map((i) => i.id).sort()).toEqual(rules.flatMap((r) => (r.ruleId !== undefined ? [r.ruleId] : [])).sort());
      for (const block of imports) expect(block.to).toMatch(/^signoz_rule\.[A-Za-z0-9]+_[A-F0-9]{8}$/);
    });
  });
});
