import { COMPARE_OP_ALIASES, MATCH_TYPE_ALIASES } from '../../constructs/model/enums';
import { validateOwnedRulePayload, validateRulePayload } from '../../constructs/validation';
import { deepFreeze, mutatedRule, RULE_FIXTURE_NAMES, ruleFixture, type AnyJson } from '../support/rule-fixtures';

describe('validateRulePayload accepts well-formed rules', () => {
  it('finds the fixtures', () => {
    expect(RULE_FIXTURE_NAMES).toEqual([
      'absent-data-heartbeat.json',
      'anomaly.json',
      'clickhouse-sql.json',
      'cumulative-daily-budget.json',
      'logs-error-rate-formula.json',
      'metrics-threshold.json',
      'multi-tier-disk.json',
      'promql.json',
      'traces-p99-latency.json',
    ]);
  });

  it.each(RULE_FIXTURE_NAMES)('accepts %s without errors or warnings', (name) => {
    const result = validateRulePayload(ruleFixture(name));
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [], legacy: false });
    expect(result.payload).toBeDefined();
  });

  it('returns a normalized copy and never modifies its input', () => {
    // GIVEN a frozen rule written with aliases
    const input = deepFreeze(
      mutatedRule('promql.json', (r) => {
        r.condition.thresholds.spec[0].op = ' >= ';
        r.condition.thresholds.spec[0].matchType = '5';
      }),
    );
    const snapshot = JSON.parse(JSON.stringify(input));

    // WHEN it is validated
    const result = validateRulePayload(input);

    // THEN the payload carries the canonical literals and the input is unchanged
    expect(result.valid).toBe(true);
    expect(result.payload?.condition.thresholds.spec[0]).toMatchObject({ op: 'above_or_equal', matchType: 'last' });
    expect(result.payload).not.toBe(input);
    expect(input).toEqual(snapshot);
  });

  it('adds the version SigNoz assumes when it is missing', () => {
    const result = validateRulePayload(mutatedRule('metrics-threshold.json', (r) => delete r.version));
    expect(result.valid).toBe(true);
    expect(result.payload?.version).toBe('v5');
  });

  it('validateOwnedRulePayload normalizes the value it is given in place', () => {
    const rule = mutatedRule('metrics-threshold.json', (r) => (r.condition.thresholds.spec[0].op = '1'));
    const result = validateOwnedRulePayload(rule);
    expect(result.valid).toBe(true);
    expect(result.payload).toBe(rule);
    expect(rule.condition.thresholds.spec[0].op).toBe('above');
  });

  it('reports a non-object payload at the document root', () => {
    expect(validateRulePayload([]).errors).toEqual([{ path: '', message: 'must be an object, got array' }]);
    expect(validateRulePayload('rule').errors).toEqual([{ path: '', message: 'must be an object, got string' }]);
    expect(validateRulePayload(undefined).errors).toEqual([{ path: '', message: 'must be an object, got undefined' }]);
  });

  it('reports a structure nested beyond any rule instead of overflowing the stack', () => {
    let deep: AnyJson = 1;
    for (let i = 0; i < 500; i++) deep = [deep];
    const result = validateRulePayload({ ...ruleFixture('metrics-threshold.json'), extra: deep });
    expect(result.errors).toEqual([{ path: '', message: 'the payload is nested deeper than 200 levels; a rule is far shallower' }]);
  });
});

describe('alias normalization (the spellings SigNoz accepts for op and matchType)', () => {
  const opCases = Object.entries(COMPARE_OP_ALIASES).flatMap(([canonical, spellings]) =>
    spellings.flatMap((spelling) => [
      [spelling, canonical],
      [` ${spelling.toUpperCase()} `, canonical],
    ]),
  );
  const matchCases = Object.entries(MATCH_TYPE_ALIASES).flatMap(([canonical, spellings]) =>
    spellings.flatMap((spelling) => [
      [spelling, canonical],
      [`\t${spelling.toUpperCase()}`, canonical],
    ]),
  );

  it('covers every alias of every operator and match type', () => {
    expect(opCases).toHaveLength(2 * 24);
    expect(matchCases).toHaveLength(2 * 12);
  });

  it.each(opCases)('op %j becomes %j', (spelling, canonical) => {
    const result = validateRulePayload(mutatedRule('metrics-threshold.json', (r) => (r.condition.thresholds.spec[0].op = spelling)));
    expect(result.errors).toEqual([]);
    expect(result.payload?.condition.thresholds.spec[0]?.op).toBe(canonical);
  });

  it.each(matchCases)('matchType %j becomes %j', (spelling, canonical) => {
    const result = validateRulePayload(mutatedRule('metrics-threshold.json', (r) => (r.condition.thresholds.spec[0].matchType = spelling)));
    expect(result.errors).toEqual([]);
    expect(result.payload?.condition.thresholds.spec[0]?.matchType).toBe(canonical);
  });

  it('normalizes the other values SigNoz reads without regard to letter case', () => {
    // GIVEN a rule spelled with upper case and SigNoz's synonyms
    const rule = mutatedRule('metrics-threshold.json', (r) => {
      r.ruleType = 'Threshold_Rule';
      r.evaluation.kind = 'ROLLING';
      r.condition.thresholds.kind = 'Basic';
      r.condition.compositeQuery.queryType = 'Builder';
      r.condition.compositeQuery.panelType = 'GRAPH';
      const envelope = r.condition.compositeQuery.queries[0];
      envelope.type = 'Builder_Query';
      envelope.spec.signal = 'Metrics';
      envelope.spec.aggregations[0].spaceAggregation = 'AVG';
      envelope.spec.aggregations[0].timeAggregation = ' Avg ';
      envelope.spec.groupBy[0] = { name: 'host.name', fieldContext: 'tag', fieldDataType: 'float' };
      envelope.spec.functions = [{ name: 'cutOffMin', args: [{ value: 0.5 }] }];
      r.notificationSettings.renotify.alertStates = ['FIRING'];
    });

    // WHEN it is validated
    const result = validateRulePayload(rule);

    // THEN every value comes back in its canonical form
    expect(result.errors).toEqual([]);
    const payload = result.payload as AnyJson;
    expect(payload.ruleType).toBe('threshold_rule');
    expect(payload.evaluation.kind).toBe('rolling');
    expect(payload.condition.thresholds.kind).toBe('basic');
    expect(payload.condition.compositeQuery).toMatchObject({ queryType: 'builder', panelType: 'graph' });
    const envelope = payload.condition.compositeQuery.queries[0];
    expect(envelope.type).toBe('builder_query');
    expect(envelope.spec.signal).toBe('metrics');
    expect(envelope.spec.aggregations[0]).toMatchObject({ spaceAggregation: 'avg', timeAggregation: 'avg' });
    expect(envelope.spec.groupBy[0]).toEqual({ name: 'host.name', fieldContext: 'attribute', fieldDataType: 'number' });
    expect(envelope.spec.functions[0].name).toBe('cutoffmin');
    expect(payload.notificationSettings.renotify.alertStates).toEqual(['firing']);
  });

  it('keeps a value SigNoz would reject verbatim, so the error quotes what the user wrote', () => {
    const result = validateRulePayload(mutatedRule('metrics-threshold.json', (r) => (r.evaluation.kind = ' Sliding ')));
    expect(result.errors).toEqual([{ path: '/evaluation/kind', message: 'unsupported value " Sliding "; must be one of rolling, cumulative' }]);
  });
});

describe('warnings: accepted by SigNoz, but probably not what was meant', () => {
  it.each([
    ['a top-level key SigNoz ignores', 'metrics-threshold.json', (r: AnyJson) => (r.severity = 'critical'), [['/severity', 'unknown field "severity"; SigNoz ignores it']]],
    [
      'a misspelt condition key',
      'metrics-threshold.json',
      (r: AnyJson) => (r.condition.alertOnAbsence = true),
      [['/condition/alertOnAbsence', 'unknown field "alertOnAbsence"; SigNoz ignores it; did you mean "alertOnAbsent"?']],
    ],
    [
      'a misspelt threshold key',
      'metrics-threshold.json',
      (r: AnyJson) => (r.condition.thresholds.spec[0].recoverTarget = 80),
      [['/condition/thresholds/spec/0/recoverTarget', 'unknown field "recoverTarget"; SigNoz ignores it; did you mean "recoveryTarget"?']],
    ],
    [
      'a misspelt renotify key',
      'metrics-threshold.json',
      (r: AnyJson) => (r.notificationSettings.renotify.states = ['firing']),
      [['/notificationSettings/renotify/states', 'unknown field "states"; SigNoz ignores it']],
    ],
    [
      'a v1 target next to thresholds',
      'metrics-threshold.json',
      (r: AnyJson) => (r.condition.target = 90),
      [['/condition/target', 'target is not used in schemaVersion "v2alpha1"; set target in the condition.thresholds.spec entries instead']],
    ],
    [
      'seasonality on a threshold rule',
      'metrics-threshold.json',
      (r: AnyJson) => (r.condition.seasonality = 'daily'),
      [['/condition/seasonality', 'seasonality is used by anomaly_rule only; SigNoz ignores it for threshold_rule']],
    ],
    [
      'renotify without states',
      'metrics-threshold.json',
      (r: AnyJson) => (r.notificationSettings.renotify.alertStates = []),
      [['/notificationSettings/renotify/alertStates', 'renotify is enabled but alertStates is empty, so nothing is re-notified; list "firing" and/or "nodata"']],
    ],
    [
      'one threshold name twice',
      'multi-tier-disk.json',
      (r: AnyJson) => (r.condition.thresholds.spec[1].name = 'critical'),
      [['/condition/thresholds/spec/1/name', 'threshold name "critical" is used twice; SigNoz routes and inhibits alerts by threshold name']],
    ],
    [
      'the server-local time zone',
      'cumulative-daily-budget.json',
      (r: AnyJson) => (r.evaluation.spec.timezone = 'Local'),
      [['/evaluation/spec/timezone', '"Local" is the time zone of the SigNoz server, which may differ between deployments']],
    ],
    [
      'a schedule field the type does not use',
      'cumulative-daily-budget.json',
      (r: AnyJson) => (r.evaluation.spec.schedule.weekday = 1),
      [['/evaluation/spec/schedule/weekday', 'weekday is not used by a daily schedule; SigNoz ignores it']],
    ],
  ])('%s', (_description, fixture, mutate, expected) => {
    const result = validateRulePayload(mutatedRule(fixture, mutate));
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(expected.map(([path, message]) => ({ path, message })));
  });

  it('does not parse a label or annotation value longer than 16 KiB, and says so', () => {
    const result = validateRulePayload(mutatedRule('metrics-threshold.json', (r) => (r.annotations.description = '{{'.repeat(8193))));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ path: '/annotations/description', message: 'value is longer than 16384 characters; its template syntax was not checked' }]);
  });

  it('accepts the time zones Go loads: IANA names and links, UTC and the empty name', () => {
    for (const timezone of ['UTC', '', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires', 'US/Eastern', 'Etc/GMT+5']) {
      const result = validateRulePayload(mutatedRule('cumulative-daily-budget.json', (r) => (r.evaluation.spec.timezone = timezone)));
      expect({ timezone, errors: result.errors }).toEqual({ timezone, errors: [] });
    }
  });
});
