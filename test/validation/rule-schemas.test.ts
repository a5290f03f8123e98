import Ajv from 'ajv';
import * as enums from '../../constructs/model/enums';
import { RULE_SCHEMA_ID, RULE_SCHEMA_VOCABULARY, RULE_SCHEMAS } from '../../constructs/validation';
import { ruleSchemaValidator } from '../../constructs/validation/compiled-rule-schema';
import { ruleFixture } from '../support/rule-fixtures';

const byTitle = (title: string): any => RULE_SCHEMAS.find((s) => (s as { title?: string }).title === title);

describe('rule JSON Schemas', () => {
  it('compile once per process', () => {
    expect(ruleSchemaValidator()).toBe(ruleSchemaValidator());
  });

  it('compile with any Ajv that registers their annotation vocabulary', () => {
    // GIVEN a fresh Ajv, as another tool would set one up
    const ajv = new Ajv({ allowUnionTypes: true });
    ajv.addVocabulary([...RULE_SCHEMA_VOCABULARY]);
    for (const schema of RULE_SCHEMAS) ajv.addSchema(schema);

    // WHEN a canonical rule is checked with it
    const validate = ajv.getSchema(RULE_SCHEMA_ID);

    // THEN it conforms
    expect(validate?.(ruleFixture('logs-error-rate-formula.json'))).toBe(true);
  });

  it('use exactly the enumerations of the rule model', () => {
    const rule = byTitle('SigNoz alert rule');
    const condition = byTitle('SigNoz alert rule condition');
    const thresholds = byTitle('SigNoz rule thresholds');
    const query = byTitle('SigNoz v5 query envelope');
    const evaluation = byTitle('SigNoz rule evaluation');
    const settings = byTitle('SigNoz rule notification settings');
    const defs = query.definitions;
    expect(rule.properties.alertType.enum).toEqual(enums.ALERT_TYPES);
    expect(rule.properties.ruleType.enum).toEqual(enums.RULE_TYPES);
    expect(condition.definitions.compositeQuery.properties.queryType.enum).toEqual(enums.COMPOSITE_QUERY_TYPES);
    expect(condition.definitions.compositeQuery.properties.panelType.enum).toEqual(enums.PANEL_TYPES);
    expect(thresholds.definitions.basicThreshold.properties.op.enum).toEqual(enums.COMPARE_OPS);
    expect(thresholds.definitions.basicThreshold.properties.matchType.enum).toEqual(enums.MATCH_TYPES);
    expect(query.properties.type.enum).toEqual(enums.QUERY_ENVELOPE_TYPES);
    expect(defs.builderQuery.properties.signal.enum).toEqual(enums.SIGNALS);
    expect(defs.builderQuery.properties.source.enum).toEqual(enums.SOURCES);
    expect(defs.fieldKey.properties.fieldContext.enum).toEqual(enums.FIELD_CONTEXTS);
    expect(defs.fieldKey.properties.fieldDataType.enum).toEqual(enums.FIELD_DATA_TYPES);
    expect(defs.metricAggregation.properties.temporality.enum).toEqual(enums.TEMPORALITIES);
    expect(defs.metricAggregation.properties.timeAggregation.enum).toEqual(enums.TIME_AGGREGATIONS);
    expect(defs.metricAggregation.properties.spaceAggregation.enum).toEqual(enums.SPACE_AGGREGATIONS);
    expect(defs.metricAggregation.properties.reduceTo.enum).toEqual(enums.REDUCE_TO);
    expect(defs.orderBy.properties.direction.enum).toEqual(enums.ORDER_DIRECTIONS);
    expect(defs.function.properties.name.enum).toEqual(enums.FUNCTION_NAMES);
    expect(evaluation.properties.kind.enum).toEqual(enums.EVALUATION_KINDS);
    expect(evaluation.definitions.schedule.properties.type.enum).toEqual(enums.SCHEDULE_TYPES);
    expect(settings.properties.renotify.properties.alertStates.items.enum).toEqual(enums.RENOTIFY_STATES);
  });

  it('reject unknown keys where SigNoz decodes strictly (query envelopes and specs) and not elsewhere', () => {
    const query = byTitle('SigNoz v5 query envelope');
    const strict = ['builderQuery', 'formula', 'traceOperator', 'promql', 'clickhouseSql', 'metricAggregation', 'expressionAggregation', 'fieldKey', 'function'];
    expect(query.additionalProperties).toBe(false);
    for (const name of strict) expect({ name, strict: query.definitions[name].additionalProperties }).toEqual({ name, strict: false });
    for (const title of ['SigNoz alert rule', 'SigNoz alert rule condition', 'SigNoz rule thresholds', 'SigNoz rule evaluation', 'SigNoz rule notification settings']) {
      expect({ title, additionalProperties: byTitle(title).additionalProperties }).toEqual({ title, additionalProperties: undefined });
    }
  });
});
