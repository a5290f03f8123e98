import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, TerraformStack, Testing } from '../../constructs/engine';
import { TerraformData } from '../../constructs/model/terraform-data';
import { callerSourceLocation, recordSourceLocation, SOURCE_LOCATIONS_CONTEXT } from '../../constructs/metadata/source-location';
import { Suppressions } from '../../policies';
import { describeWithTerraform, TerraformWorkdir } from '../support/terraform';

function metadataOf(stack: TerraformStack): Record<string, any> {
  return (stack.toTerraform() as Record<string, any>)['//']['signoz-alerts'] ?? {};
}

describe('source locations', () => {
  it('names the first caller outside the library, relative to the working directory', () => {
    const here = callerSourceLocation(); // LOCATION-MARKER
    const line =
      fs
        .readFileSync(__filename, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('// LOCATION-MARKER')) + 1;
    expect(here).toBe(`test/metadata/stack-metadata.test.ts:${line}`);
  });

  it('records one entry per construct in the stack metadata', () => {
    const stack = new TerraformStack(Testing.app(), 'prod');
    const resource = new TerraformData(stack, 'thing', { input: { value: 'x' } });
    recordSourceLocation(resource);
    expect(Object.keys(metadataOf(stack).sources)).toEqual(['prod/thing']);
    expect(metadataOf(stack).sources['prod/thing']).toMatch(/^test\/metadata\/stack-metadata\.test\.ts:\d+$/);
  });

  it('records nothing when the context turns it off', () => {
    const app = Testing.app({ context: { [SOURCE_LOCATIONS_CONTEXT]: false } });
    const stack = new TerraformStack(app, 'prod');
    recordSourceLocation(new TerraformData(stack, 'thing', { input: { value: 'x' } }));
    expect(metadataOf(stack).sources).toBeUndefined();
  });
});

describeWithTerraform('metadata in the synthesized file', () => {
  it('does not change what Terraform validates or plans', () => {
    // GIVEN a stack with a suppression and a source location recorded
    const app = new App({ outdir: fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'meta-')) });
    const stack = new TerraformStack(app, 'meta');
    const resource = new TerraformData(stack, 'thing', { input: { value: 'x' } });
    recordSourceLocation(resource);
    Suppressions.add(resource, [{ id: 'owner-label', reason: 'fixture for the metadata test', expires: '2030-01-01' }]);
    app.synth();
    const work = new TerraformWorkdir(path.join(app.outdir, 'stacks', 'meta'));
    // WHEN terraform validates and plans it THEN it succeeds with only the resource to create
    work.mustRun(['init', '-input=false', '-no-color']);
    expect(work.mustRun(['validate', '-no-color']).stdout).toContain('The configuration is valid');
    expect(work.mustRun(['plan', '-input=false', '-no-color']).stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
  });
});
