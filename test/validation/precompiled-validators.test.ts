import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderValidators, VALIDATORS_DIR } from '../../scripts/validator-code';
import { checkProviderAcceptance } from '../../constructs/codecs/provider-acceptance';

describe('validators compiled ahead of time by npm run gen', () => {
  it('are what the current schemas compile to (run npm run gen after editing a schema)', () => {
    // GIVEN the rule schemas and the provider schema as they are now / WHEN compiled / THEN .gen holds the same code
    for (const [name, text] of Object.entries(renderValidators())) {
      expect(fs.readFileSync(path.join(VALIDATORS_DIR, name), 'utf8'), name).toBe(text);
    }
  });

  it('cover every resource type of the provider, and only those', () => {
    expect(checkProviderAcceptance('signoz_planned_maintenance', { name: 'x', severity: 1 })).toContainEqual({
      path: '/severity',
      message: 'the provider has no attribute "severity" here',
    });
    expect(() => checkProviderAcceptance('toString', {})).toThrow('no provider schema for resource type toString');
  });
});
