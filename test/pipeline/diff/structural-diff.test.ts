import { formatPath, leafDifferences, setLeaves } from '../../../pipeline/diff/structural-diff';

describe('leafDifferences', () => {
  it('reports changed, added and removed leaves with their paths', () => {
    expect(leafDifferences({ a: 1, b: { c: 'x' }, gone: true }, { a: 2, b: { c: 'x', d: null } })).toEqual([
      { type: 'change', path: ['a'], before: 1, after: 2 },
      { type: 'add', path: ['b', 'd'], after: null },
      { type: 'remove', path: ['gone'], before: true },
    ]);
  });

  it('compares lists of plain values as sets, and reports a pure reorder once', () => {
    expect(leafDifferences({ channels: ['a', 'b'] }, { channels: ['b', 'c'] })).toEqual([{ type: 'set', path: ['channels'], added: ['c'], removed: ['a'] }]);
    expect(leafDifferences({ channels: ['a', 'b'] }, { channels: ['b', 'a'] })).toEqual([{ type: 'reorder', path: ['channels'] }]);
  });

  it('compares JSON text as structure: reformatting is not a change', () => {
    expect(leafDifferences({ data: '{"a":1,"b":[1,2]}' }, { data: '{ "b": [1, 2], "a": 1 }' })).toEqual([]);
    expect(leafDifferences({ data: '{"a":{"x":1}}' }, { data: '{"a":{"x":2}}' })).toEqual([{ type: 'change', path: ['data', 'a', 'x'], before: 1, after: 2 }]);
  });

  it('lists the set leaves of a created value, skipping unset ones', () => {
    expect(setLeaves({ name: 'w', description: null, tags: [], schedule: { tz: 'UTC', days: ['mon'] } }).map((l) => `${formatPath(l.path)}=${JSON.stringify(l.value)}`)).toEqual([
      'name="w"',
      'schedule.days=["mon"]',
      'schedule.tz="UTC"',
    ]);
  });

  it('formats paths for people', () => {
    expect(formatPath(['data', 'slack_configs', 0, 'api_url'])).toBe('data.slack_configs[0].api_url');
    expect(formatPath(['labels', 'app.kubernetes.io/name'])).toBe('labels["app.kubernetes.io/name"]');
  });
});
