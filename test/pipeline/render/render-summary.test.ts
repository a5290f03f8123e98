import { parsePlanJson } from '../../../pipeline/plan/plan-json';
import { renderPlanSummary, summarizePlans } from '../../../pipeline/summary/plan-summary';
import { planJson, resourceChange, signozRuleAttrs } from '../fixtures/plan-builders';

function stackPlan(stack: string, changes: number, deletes = 0) {
  const list = [];
  for (let i = 0; i < changes; i++) {
    const before = signozRuleAttrs({ alert: `${stack} alert ${i}`, tiers: [{ name: 'warning', target: 10 }] });
    const after = signozRuleAttrs({ alert: `${stack} alert ${i}`, tiers: [{ name: 'warning', target: 5 }] });
    list.push(resourceChange({ address: `signoz_rule.a${i}`, actions: ['update'], before, after }));
  }
  for (let i = 0; i < deletes; i++) {
    list.push(
      resourceChange({ address: `signoz_rule.d${i}`, actions: ['delete'], before: signozRuleAttrs({ alert: `${stack} deleted ${i}`, tiers: [{ name: 'critical', target: 1 }] }) }),
    );
  }
  return { stack, plan: parsePlanJson(JSON.stringify(planJson({ resourceChanges: list })), stack) };
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('size-budgeted rendering', () => {
  it('keeps many stacks under the budget and lists the riskiest rows first across stacks', () => {
    const plans = Array.from({ length: 120 }, (_v, i) => stackPlan(`stack-${String(i).padStart(3, '0')}`, 40, i === 119 ? 1 : 0));
    const { summary, redactor } = summarizePlans(plans);
    for (const format of ['markdown', 'text'] as const) {
      const { text, truncated } = renderPlanSummary(summary, { format, maxBytes: 65_536, redactor });
      expect(bytes(text)).toBeLessThanOrEqual(65_536);
      expect(truncated).toBe(true);
      expect(text).toContain('signoz_rule.d0');
    }
    const markdown = renderPlanSummary(summary, { format: 'markdown', maxBytes: 65_536, redactor }).text;
    expect(markdown).toContain('And 70 more stacks with changes (sections below).');
    expect(markdown).not.toContain('No changes:');
    expect(markdown.match(/^### stack-\d+: 4\d planned changes$/gm)?.length).toBe(120);
  });

  it('renders everything and no truncation note when it fits', () => {
    const { summary, redactor } = summarizePlans([stackPlan('small', 3)]);
    const { text, truncated } = renderPlanSummary(summary, { format: 'markdown', maxBytes: 65_536, redactor, overflowNote: 'NOTE-X' });
    expect(truncated).toBe(false);
    expect(text).not.toContain('NOTE-X');
    expect(text.match(/<details>/g)).toHaveLength(3);
  });

  it('drops detail blocks before table rows, and says how many are left out', () => {
    const { summary, redactor } = summarizePlans([stackPlan('mid', 30)]);
    const full = renderPlanSummary(summary, { format: 'markdown', maxBytes: 1_000_000, redactor }).text;
    const { text } = renderPlanSummary(summary, { format: 'markdown', maxBytes: Math.floor(bytes(full) * 0.6), redactor, overflowNote: 'See the job summary.' });
    expect(text.match(/^\| update \| alert \|/gm)).toHaveLength(30);
    expect(text).toMatch(/_Field-by-field details of \d+ more changes are in the full report\._/);
    expect(text.trimEnd().endsWith('See the job summary.')).toBe(true);
  });

  it('cuts even an oversized head to the budget, ending with the note', () => {
    const { summary, redactor } = summarizePlans([stackPlan('x', 2)], { notes: Array.from({ length: 20 }, (_v, i) => `note ${i} ${'x'.repeat(200)}`) });
    const { text, truncated } = renderPlanSummary(summary, { format: 'text', maxBytes: 1_500, redactor, overflowNote: 'Full report elsewhere.' });
    expect(bytes(text)).toBeLessThanOrEqual(1_500);
    expect(truncated).toBe(true);
    expect(text.trimEnd().endsWith('Full report elsewhere.')).toBe(true);
  });

  it('scrubs a secret registered after an earlier render of the same summary from the next render', () => {
    const { summary, redactor } = summarizePlans([stackPlan('leaky_stack', 2)]);
    expect(renderPlanSummary(summary, { format: 'markdown', maxBytes: 65_536, redactor }).text).toContain('leaky_stack alert 1');
    redactor.registerSecret('leaky_stack alert 1');
    for (const format of ['markdown', 'text'] as const) {
      const { text } = renderPlanSummary(summary, { format, maxBytes: 65_536, redactor });
      // markdown escapes the underscore (leaky\_stack): only a scrub before escaping finds the secret then
      expect(text).not.toMatch(/leaky\\?_stack alert 1/);
      expect(text).toMatch(/leaky\\?_stack alert 0/);
    }
  });

  it('is deterministic: the same plans render the same text', () => {
    const a = summarizePlans([stackPlan('d', 5, 2)]);
    const b = summarizePlans([stackPlan('d', 5, 2)]);
    expect(renderPlanSummary(a.summary, { format: 'markdown', maxBytes: 65_536, redactor: a.redactor }).text).toBe(
      renderPlanSummary(b.summary, { format: 'markdown', maxBytes: 65_536, redactor: b.redactor }).text,
    );
  });
});
