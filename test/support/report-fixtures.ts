/** Behaviour tests for the HTML report: the CPU tiers fixture with a hostile alert name and hostile labels. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Text a report must show as text: markup, a quote that would end an attribute, a right-to-left override. */
export const HOSTILE = `<script>alert(1)</script>" onmouseover="x\u202Egnp.exe`;

/**
 * Writes into `dir` a rule ("Host CPU high" renamed to {@link HOSTILE}) and a test file with one
 * case over two series (`web-1` and a hostile host) that passes: warning fires at 8m, critical at
 * 12m, both resolve at 21m. Returns the test file's path.
 */
export function writeHostileBehaviourTest(dir: string): string {
  const rule = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/evaluation/rules/cpu-tiers.json'), 'utf8')) as Record<string, unknown>;
  rule.alert = HOSTILE;
  fs.writeFileSync(path.join(dir, 'rule.json'), JSON.stringify(rule));
  const test = [
    'rule_file: rule.json',
    'tests:',
    `  - name: ${JSON.stringify(`tiers of ${HOSTILE}`)}`,
    '    interval: 1m',
    '    start: 2026-01-05T10:00:00Z',
    '    input_series:',
    '      - query: A',
    '        labels: {host: web-1}',
    "        values: '50x4 75x3 95x4 85x3 50x10'",
    '      - query: A',
    `        labels: {host: ${JSON.stringify(HOSTILE)}}`,
    "        values: '20x24'",
    '    alert_rule_test:',
    '      - eval_time: 8m',
    '        exp_alerts:',
    '          - exp_labels: {host: web-1, threshold.name: warning}',
    '    resolve_test:',
    '      - exp_labels: {threshold.name: critical}',
    '        exp_resolved_at: 21m',
    '      - exp_labels: {threshold.name: warning}',
    '        exp_resolved_at: 21m',
    '',
  ].join('\n');
  const file = path.join(dir, 'hostile.alert-test.yaml');
  fs.writeFileSync(file, test);
  return file;
}
