import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareSynthDirs, matrixJson, stacksToPlan } from '../../../pipeline/changes/compare-synth-dirs';
import { normalizeStackConfig, stackConfigHash } from '../../../pipeline/changes/stack-config';
import { synthStandInApp, type StackDefinitions } from '../../support/cdktf-app';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('compare-synth-');
let count = 0;
const synth = (stacks: StackDefinitions): string => synthStandInApp(path.join(root, `out-${count++}`), stacks);

const alerts = (window: string, threshold = 80) => ({
  cpu: { kind: 'alert', threshold, window },
  disk: { kind: 'alert', threshold: 90, window },
});

describe('compareSynthDirs', () => {
  it('finds nothing to plan when the output is the same (a refactor that changes no output)', () => {
    const base = synth({ prod: alerts('5m'), staging: alerts('5m') });
    const head = synth({ staging: alerts('5m'), prod: alerts('5m') });
    const result = compareSynthDirs(base, head);
    expect(result.map((c) => `${c.stack}:${c.status}`)).toEqual(['prod:unchanged', 'staging:unchanged']);
    expect(stacksToPlan(result)).toEqual([]);
  });

  it('plans every stack a shared change touches, and names the changed resources', () => {
    const base = synth({ prod: alerts('5m'), staging: alerts('5m'), dev: { other: { kind: 'note' } } });
    const head = synth({ prod: alerts('10m'), staging: alerts('10m'), dev: { other: { kind: 'note' } } });
    const result = compareSynthDirs(base, head);
    expect(stacksToPlan(result)).toEqual(['prod', 'staging']);
    expect(result.find((c) => c.stack === 'prod')!.changedBlocks).toEqual(['terraform_data.cpu', 'terraform_data.disk']);
  });

  it('reports added and removed stacks; only added ones are planned', () => {
    const base = synth({ prod: alerts('5m'), legacy: alerts('5m') });
    const head = synth({ prod: alerts('5m'), fresh: alerts('5m') });
    const result = compareSynthDirs(base, head);
    expect(result.map((c) => `${c.stack}:${c.status}`)).toEqual(['fresh:added', 'legacy:removed', 'prod:unchanged']);
    expect(matrixJson(stacksToPlan(result))).toBe('{"include":[{"stack":"fresh"}]}');
  });

  it('plans a stack whose config is unchanged when told why (e.g. its lock file changed)', () => {
    const base = synth({ prod: alerts('5m') });
    const head = synth({ prod: alerts('5m') });
    const [prod] = compareSynthDirs(base, head, { forced: new Map([['prod', 'its provider lock file changed']]) });
    expect(prod).toEqual({ stack: 'prod', status: 'changed', changedBlocks: [], reasons: ['its provider lock file changed'] });
  });

  it('compares a `//` key inside an attribute value, as Terraform does', () => {
    // GIVEN a JSON map attribute that happens to have a "//" key (a label, a comment field of an API body)
    const config = (note: string) => ({
      '//': { metadata: { version: '0.21.0' } },
      resource: { t: { x: { '//': { metadata: { path: 'prod/x' } }, labels: { '//': note }, body: [{ '//': note }] } } },
      data: { d: { y: { '//': { metadata: { path: 'prod/y' } }, filter: { '//': note } } } },
      module: { m: { '//': { metadata: { path: 'prod/m' } }, inputs: { '//': note } } },
    });
    // THEN a change to it is a change, while cdktf's own metadata is still ignored
    expect(stackConfigHash(config('a'))).not.toBe(stackConfigHash(config('b')));
    expect(normalizeStackConfig(config('a'))).toEqual({
      resource: { t: { x: { labels: { '//': 'a' }, body: [{ '//': 'a' }] } } },
      data: { d: { y: { filter: { '//': 'a' } } } },
      module: { m: { inputs: { '//': 'a' } } },
    });
  });

  it('ignores cdktf metadata blocks where cdktf writes them, and key order', () => {
    const a = { '//': { metadata: { version: '0.21.0', stackName: 'prod' } }, resource: { t: { x: { '//': { metadata: { path: 'prod/x' } }, b: 1, a: 2 } } } };
    const b = { resource: { t: { x: { a: 2, b: 1, '//': { metadata: { path: 'prod/moved/x' } } } } }, '//': { metadata: { version: '0.21.1' } } };
    expect(stackConfigHash(a)).toBe(stackConfigHash(b));
    expect(normalizeStackConfig(a)).toEqual({ resource: { t: { x: { b: 1, a: 2 } } } });
    expect(stackConfigHash(a)).not.toBe(stackConfigHash({ ...b, resource: { t: { x: { a: 3, b: 1 } } } }));
  });

  it('does not count the checkout folder in absolute paths (cdktf local backend) as a change', () => {
    const at = (dir: string) => ({ terraform: { backend: { local: { path: `${dir}/terraform.prod.tfstate` } } } });
    expect(stackConfigHash(at('/tmp/base-checkout/app'), { appDir: '/tmp/base-checkout/app' })).toBe(stackConfigHash(at('/home/me/repo/app'), { appDir: '/home/me/repo/app' }));
    expect(normalizeStackConfig(at('/home/me/repo/app'), { appDir: '/home/me/repo/app' })).toEqual({
      terraform: { backend: { local: { path: '<app-dir>/terraform.prod.tfstate' } } },
    });
  });

  it('reads the stack list from manifest.json, ignoring stale stack folders', () => {
    const base = synth({ prod: alerts('5m') });
    const head = synth({ prod: alerts('5m') });
    fs.mkdirSync(path.join(head, 'stacks', 'stale'), { recursive: true });
    fs.writeFileSync(path.join(head, 'stacks', 'stale', 'cdk.tf.json'), '{}');
    expect(compareSynthDirs(base, head).map((c) => c.stack)).toEqual(['prod']);
  });
});
