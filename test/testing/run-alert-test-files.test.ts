import * as fs from 'node:fs';
import * as path from 'node:path';
import { runAlertTestFiles } from '../../constructs/testing';
import { ruleFixture } from '../support/rule-fixtures';
import { tempDir } from '../support/temp-dir';
import { writeQuietAlertTest } from '../support/alert-test-files';

describe('runAlertTestFiles', () => {
  const dir = tempDir('alert-test-files-');
  const testFile = (name: string, ruleFile: string): string => {
    const file = path.join(dir, `${name}.alert-test.yaml`);
    writeQuietAlertTest(file, ruleFile);
    return file;
  };

  it('takes rule files the caller has read already instead of reading them again (npm start reads each stack once)', () => {
    // GIVEN a rule file that exists only in the caller's hands
    const ruleFile = path.join(dir, 'held-only.json');
    const documents = new Map<string, unknown>([[ruleFile, ruleFixture('metrics-threshold.json')]]);
    // WHEN the tests run with it
    const [result] = runAlertTestFiles([testFile('held', 'held-only.json')], dir, documents);
    // THEN the rule is the one held, and no file was needed
    expect(fs.existsSync(ruleFile)).toBe(false);
    expect(result).toMatchObject({ alertName: 'High CPU on checkout hosts', cases: [{ passed: true }] });
  });

  it('reads a rule file once for all the test files that name it', () => {
    const ruleFile = path.join(dir, 'shared.json');
    fs.writeFileSync(ruleFile, JSON.stringify(ruleFixture('metrics-threshold.json')));
    const documents = new Map<string, unknown>();
    const results = runAlertTestFiles([testFile('first', 'shared.json'), testFile('second', 'shared.json')], dir, documents);
    expect(results.map((r) => r.cases[0]?.passed)).toEqual([true, true]);
    expect([...documents.keys()]).toEqual([ruleFile]);
  });
});
