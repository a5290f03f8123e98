/**
 * Bidirectional and zero-width characters in user-controlled names, labels and messages are shown
 * as `<U+202E>` in every report people read (text, markdown, stderr), and kept raw where programs
 * read (JSON, SARIF) — an alert named "CPU \u202Eegap\u200B" must not read "CPU page" to a reviewer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scrubStrings } from '../../pipeline/masking/scrub-summary';
import { Redactor } from '../../pipeline/masking/redactor';
import { goodPayload, writeCdktfOut } from '../policies/support/estate';
import { runCli } from '../support/cli-recorder';
import { tempDir, writeJson } from '../support/temp-dir';

const dir = tempDir('visible-output-');
const NAME = 'CPU \u202Eegap\u200B';
const SHOWN = 'CPU <U+202E>egap<U+200B>';
const INVISIBLE = /[\u202e\u200b]/;

const rule = (): any => {
  const r = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'evaluation', 'rules', 'cpu-tiers.json'), 'utf8'));
  r.alert = NAME;
  r.labels.team = 'pay\u202Ements';
  return r;
};

describe('invisible characters are shown in human-readable output', () => {
  it('validate: the problem lines (stdout) and warnings (stderr)', async () => {
    const broken = rule();
    broken.evaluation.spec.evalWindow = '0m';
    broken.condition.op = 'above';
    writeJson(path.join(dir, `bad \u202Efile.json`), broken);
    const run = await runCli(['validate', `bad \u202Efile.json`], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('bad <U+202E>file.json: /evaluation/spec/evalWindow');
    expect(run.stderr).toContain('bad <U+202E>file.json: /condition/op: warning');
    expect(run.stdout + run.stderr).not.toMatch(INVISIBLE);
    // JSON keeps the value as it is, for programs.
    expect(JSON.parse((await runCli(['validate', '--format', 'json', `bad \u202Efile.json`], dir)).stdout)[0].file).toContain('\u202E');
  });

  describe('policy', () => {
    const out = path.join(dir, 'policy.out');
    // No team label: the owner-label finding quotes the name as it is (invisible-characters escapes its own message).
    const payload = goodPayload((p) => {
      p.alert = NAME;
      delete p.labels!.team;
    });
    writeCdktfOut(out, [{ alerts: [{ id: 'A', payload }] }]);

    it.each(['text', 'markdown'])('%s shows the name visibly', async (format) => {
      const run = await runCli(['policy', out, '--format', format, '--now', '2026-03-01'], dir);
      expect(run.stdout).toMatch(/owner-label.*CPU <U\+202E>egap<U\+200B>/s);
      expect(run.stdout).not.toMatch(INVISIBLE);
    });

    it.each(['json', 'sarif'])('%s keeps the raw value', async (format) => {
      const run = await runCli(['policy', out, '--format', format, '--now', '2026-03-01'], dir);
      expect(run.stdout).toContain(NAME);
    });
  });

  it('evaluate: the rule name and the labels of the timeline (text), raw in JSON', async () => {
    writeJson(path.join(dir, 'rule.json'), rule());
    writeJson(path.join(dir, 'series.json'), {
      A: [
        {
          labels: { host: 'a\u200Bb' },
          points: [
            [0, 95],
            [60_000, 95],
          ],
        },
      ],
    });
    const text = await runCli(['evaluate', '--rule', 'rule.json', '--series', 'series.json'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Rule "${SHOWN}"`);
    expect(text.stdout).toContain('host="a<U+200B>b"');
    expect(text.stdout).toContain('team="pay<U+202E>ments"');
    expect(text.stdout).not.toMatch(INVISIBLE);
    expect((await runCli(['evaluate', '--rule', 'rule.json', '--series', 'series.json', '--format', 'json'], dir)).stdout).toMatch(INVISIBLE);
  });

  it('test: case names, expected and actual labels', async () => {
    writeJson(path.join(dir, 'rule.json'), rule());
    fs.writeFileSync(
      path.join(dir, 'bidi.alert-test.yaml'),
      'rule_file: rule.json\ntests:\n  - name: "case \u202Eone"\n    interval: 1m\n    input_series:\n      - query: A\n        labels: {host: a}\n        values: \'95x10\'\n' +
        '    alert_rule_test:\n      - eval_time: 5m\n        exp_alerts: [{exp_labels: {host: "b\u200Bc"}}]\n',
    );
    const run = await runCli(['test', 'bidi.alert-test.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('case <U+202E>one');
    expect(run.stdout).toContain('host="b<U+200B>c"');
    expect(run.stdout).toContain(`alertname="${SHOWN}"`);
    expect(run.stdout).not.toMatch(INVISIBLE);
  });

  it('import: the report lines (stderr) name a refused rule visibly; the code escapes it', async () => {
    const refused = rule();
    refused.condition.op = 'above';
    writeJson(path.join(dir, 'refused.json'), refused);
    const run = await runCli(['import', 'refused.json'], dir);
    expect(run.stderr).toContain(`refused.json "${SHOWN}": signoz_rule /condition/op`);
    expect(run.stderr).not.toMatch(INVISIBLE);
    expect(run.stdout).not.toMatch(INVISIBLE);
  });

  it('an error message (stderr, exit 2) quoting a user value shows it visibly', async () => {
    const run = await runCli(['policy', 'no\u202Ewhere'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no<U+202E>where');
    expect(run.stderr).not.toMatch(INVISIBLE);
  });

  it('the PR comment: every string of the summary (notes of the checks included) before it is budgeted', () => {
    const scrubbed = scrubStrings({ notes: [`policies: error [owner-label] prod/A: ${NAME} has no team label`] }, new Redactor());
    expect(scrubbed.notes[0]).toBe(`policies: error [owner-label] prod/A: ${SHOWN} has no team label`);
  });
});
