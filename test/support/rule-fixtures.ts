import * as fs from 'node:fs';
import * as path from 'node:path';

/** Directory of the hand-written rule payloads used across tests. */
export const RULE_FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'rules');
export const LEGACY_FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'legacy');

export const RULE_FIXTURE_NAMES: readonly string[] = fs
  .readdirSync(RULE_FIXTURES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

export type AnyJson = any;

/** A fresh copy of a fixture, safe to mutate. */
export function ruleFixture(name: string, dir = RULE_FIXTURES_DIR): AnyJson {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
}

/** A fixture changed by `mutate`. */
export function mutatedRule(name: string, mutate: (rule: AnyJson) => void): AnyJson {
  const rule = ruleFixture(name);
  mutate(rule);
  return rule;
}

/** Freezes a JSON value deeply so any attempt to modify it throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
