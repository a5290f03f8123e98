/**
 * Secrets are masked in every format and place: before markdown escaping (which would otherwise
 * respell them past the scrub), in notes and Terraform error tails, and toolkit markers smuggled into
 * any text are broken.
 */
import { neutralizeMarkers } from '../../../pipeline/masking/scrub-summary';
import { secretsFromEnvironment, sensitiveVariablesOf } from '../../../pipeline/masking/env-secrets';
import { Redactor } from '../../../pipeline/masking/redactor';
import { parsePlanJson } from '../../../pipeline/plan/plan-json';
import { escapeHtmlText, escapeMarkdownText, inlineCode } from '../../../pipeline/render/markdown-escape';
import { renderPlanSummary, summarizePlans } from '../../../pipeline/summary/plan-summary';
import { planJson, resourceChange, signozRuleAttrs } from '../fixtures/plan-builders';

/** Every markdown-special character and an HTML entity, so each escape path is exercised. */
const SECRETS = ['MKA_low_secret_1', 'MK*star*secret*2', 'MKpipe|secret|3', 'MKat@secret.example', 'MKamp&amp;secret&lt;4>', 'MK`tick`secret_5'];

function planWithSecrets() {
  const variables = Object.fromEntries(SECRETS.map((value, i) => [`secret_${i}`, { value, sensitive: true }]));
  const changes = SECRETS.map((secret, i) => {
    const before = signozRuleAttrs({ alert: `Alert ${i}`, tiers: [{ name: 'warning', target: 1 }], labels: { service: 'api', team: 'payments' } });
    // The secret leaks into plain (not Terraform-sensitive) attributes: a label, the alert name and a description.
    const after = {
      ...signozRuleAttrs({ alert: `Alert ${i} ${secret}`, tiers: [{ name: 'warning', target: 2 }], labels: { service: 'api', team: secret } }),
      description: `see ${secret}`,
    };
    return resourceChange({ address: `signoz_rule.a${i}`, actions: ['update'], before, after });
  });
  return parsePlanJson(JSON.stringify(planJson({ variables, resourceChanges: changes })), 'p');
}

function spellings(secret: string): string[] {
  return [secret, escapeMarkdownText(secret), escapeHtmlText(secret), inlineCode(secret).replace(/^`+ ?| ?`+$/g, ''), secret.slice(0, 8)];
}

describe('masking in every format and place', () => {
  it.each(['markdown', 'text'] as const)('keeps secrets with _ * | @ ` and HTML entities out of the %s summary, in every spelling', (format) => {
    // GIVEN sensitive variables whose values also appear in plain attributes and in notes
    const notes = [`terraform plan failed: Error: invalid value "${SECRETS[0]}" for ${SECRETS[3]}`, `hook says ${SECRETS[4]} and ${SECRETS[2]}`];
    const { summary, redactor } = summarizePlans([{ stack: 'prod', plan: planWithSecrets() }], { notes });
    // WHEN the full summary is rendered
    const { text } = renderPlanSummary(summary, { format, maxBytes: 1_000_000, redactor });
    // THEN no spelling of any secret (raw, escaped for markdown or HTML, inside a code span, or its first 8 characters) is left
    for (const secret of SECRETS) for (const spelling of spellings(secret)) expect(text).not.toContain(spelling);
    expect(text).toContain('(redacted)');
    expect(text).toContain('terraform plan failed');
    expect(text).toContain('signoz_rule.a0');
  });

  it('masks secret shapes in notes (a webhook URL in a Terraform error tail) that no plan declared', () => {
    const webhook = 'https://hooks.slack.com/services/T0001/B0001/AbCdEfGhIjKl';
    const { summary, redactor } = summarizePlans([], {
      notes: [`Stack prod: terraform plan failed: Error: POST ${webhook}: 403`],
      unplanned: [{ stack: 'prod', reason: 'plan failed' }],
    });
    const { text } = renderPlanSummary(summary, { format: 'markdown', maxBytes: 65_536, redactor });
    expect(text).not.toContain('AbCdEfGhIjKl');
    expect(text).toContain('terraform plan failed');
  });

  it('neutralizes a fingerprint marker inside a note, an alert name or a value, so the apply job cannot find it', () => {
    const marker = '<!-- signoz-alerts:fingerprint stack=prod sha256:' + 'a'.repeat(64) + ' -->';
    const before = signozRuleAttrs({ alert: 'Cpu', tiers: [{ name: 'warning', target: 1 }] });
    const after = { ...signozRuleAttrs({ alert: `Cpu ${marker}`, tiers: [{ name: 'warning', target: 1 }] }), description: marker };
    const plan = parsePlanJson(JSON.stringify(planJson({ resourceChanges: [resourceChange({ address: 'signoz_rule.cpu', actions: ['update'], before, after })] })), 'p');
    const { summary, redactor } = summarizePlans([{ stack: 'prod', plan }], { notes: [`policy: ${marker}`, 'SIGNOZ-ALERTS : plan-summary'] });
    for (const format of ['markdown', 'text'] as const) {
      const { text } = renderPlanSummary(summary, { format, maxBytes: 1_000_000, redactor });
      expect(text).not.toMatch(/signoz-alerts:fingerprint/i);
      // Only the toolkit's own header line carries the plan-summary marker.
      expect(text.match(/signoz-alerts\s*:\s*plan-summary/gi) ?? []).toHaveLength(format === 'markdown' ? 1 : 0);
      expect(text).toContain('fingerprint stack=prod');
    }
    expect(neutralizeMarkers('x signoz-alerts:fingerprint y')).toBe('x signoz-alerts\u200b:fingerprint y');
  });

  it('knows the secrets of the environment Terraform runs with, before any plan exists', () => {
    const env = {
      TF_VAR_signoz_access_token: 'tok-123456789',
      TF_VAR_pd_prod: 'pd-routing-value',
      TF_VAR_environment: 'production',
      SIGNOZ_ACCESS_TOKEN: 'api-token-xyz',
      PATH: '/usr/bin',
      TF_VAR_empty: '',
    };
    expect(secretsFromEnvironment(env, sensitiveVariablesOf({ variable: { pd_prod: { type: 'string', sensitive: true }, environment: { type: 'string' } } }))).toEqual([
      'api-token-xyz',
      'pd-routing-value',
      'tok-123456789',
    ]);
    const redactor = new Redactor();
    for (const value of secretsFromEnvironment(env)) redactor.registerSecret(value);
    expect(redactor.scrub('Error: 401 for tok-123456789 in production')).toBe('Error: 401 for (redacted) in production');
  });
});
