/**
 * The checks `pr-check` runs on the synthesized stacks before planning: every alert rule against
 * the SigNoz rules-API schemas, and the default policy pack, as the PR comment reports them.
 */
import { PolicyPack, readCdktfOut } from '../../policies';
import { decodeRuleResource, isRuleResourceType } from '../../constructs/codecs';
import { configAttributeValues } from '../../constructs/model/terraform-literal';
import { validateRulePayload } from '../../constructs/validation';
import type { PrCheckHook } from './pr-check-hooks';
import { isPlainObject } from '../../constructs/util/json';

type Json = Record<string, unknown>;

/** Every `signoz_rule` / `signoz_alert` of every stack, decoded and validated. */
export const ruleValidationHook: PrCheckHook = {
  name: 'rule validation',
  run: async ({ synthDir, appDir }) => {
    const lines: string[] = [];
    let rules = 0;
    for (const stack of readCdktfOut(synthDir, appDir)) {
      const resources = isPlainObject(stack.document.resource) ? stack.document.resource : {};
      for (const [type, byName] of Object.entries(resources)) {
        if (!isRuleResourceType(type) || !isPlainObject(byName)) continue;
        for (const [name, attributes] of Object.entries(byName)) {
          rules++;
          try {
            const { '//': _metadata, ...config } = attributes as Json;
            for (const issue of validateRulePayload(decodeRuleResource(type, configAttributeValues(config))).errors) {
              lines.push(`${stack.name}: ${type}.${name}: ${issue.path || '/'}: ${issue.message}`);
            }
          } catch (err) {
            lines.push(`${stack.name}: ${type}.${name}: ${(err as Error).message}`);
          }
        }
      }
    }
    return { ok: lines.length === 0, lines: lines.length === 0 ? [`${rules} alert rules valid`] : lines };
  },
};

/** The default policy pack (honouring suppressions recorded in the synthesized stacks). */
export const policyHook: PrCheckHook = {
  name: 'policies',
  run: async ({ synthDir, appDir }) => {
    const report = PolicyPack.default().run(readCdktfOut(synthDir, appDir));
    const active = report.findings.filter((f) => !f.suppressedBy);
    const lines = active.map((f) => `${f.level} [${f.ruleId}] ${f.constructPath}: ${f.message}`);
    const { errors, warnings, suppressed } = report.summary;
    lines.push(`${errors} errors, ${warnings} warnings, ${suppressed} suppressed`);
    return { ok: errors === 0, lines };
  },
};
