import * as fs from 'node:fs';

/** Writes a behaviour test file at `file` for `ruleFile` (relative to it): no series, no alert expected at `evalTime`. */
export function writeQuietAlertTest(file: string, ruleFile: string, evalTime = '5m'): string {
  const lines = [
    `rule_file: ${ruleFile}`,
    'tests:',
    '  - name: quiet',
    '    interval: 1m',
    '    input_series: []',
    '    alert_rule_test:',
    `      - eval_time: ${evalTime}`,
    '        exp_alerts: []',
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}
