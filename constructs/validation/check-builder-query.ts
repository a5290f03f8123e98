/**
 * A builder query's checks beyond its shape, with SigNoz's wording (`QueryBuilderQuery.Validate`
 * for time-series requests, which is what rules run).
 */
import { ownEntry } from '../util/json';
import { arrayAt, recordAt, stringAt, type JsonRecord } from './json-value';
import { pointer } from './json-pointer';
import { checkQueryFunctions } from './check-query-functions';
import { checkStepInterval } from './check-step-interval';
import type { IssueCollector } from './issue-collector';
import { isPlainObject } from '../util/json';

const SIGNAL_WORD: Readonly<Record<string, string>> = { logs: 'log', traces: 'trace' };

function aggregationId(index: number, queryName: string | undefined): string {
  return queryName ? `aggregation #${index + 1} in query '${queryName}'` : `aggregation #${index + 1}`;
}

function checkAggregations(spec: JsonRecord, specPath: string, out: IssueCollector): void {
  const signal = stringAt(spec, 'signal');
  const name = stringAt(spec, 'name');
  const aliases = new Set<string>();
  (arrayAt(spec, 'aggregations') ?? []).forEach((aggregation, index) => {
    if (!isPlainObject(aggregation)) return;
    const path = pointer(specPath, 'aggregations', index);
    if (signal === 'metrics') {
      const metricName = aggregation.metricName;
      if (metricName === undefined || metricName === '') out.error(pointer(path, 'metricName'), `metric name is required for ${aggregationId(index, name)}`);
      return;
    }
    const word = signal === undefined ? undefined : ownEntry(SIGNAL_WORD, signal);
    if (word === undefined) return;
    const expression = aggregation.expression;
    if (expression === undefined || expression === '') {
      out.error(pointer(path, 'expression'), `expression is required for ${word} ${aggregationId(index, name)}`);
    } else if (typeof expression === 'string' && expression.toLowerCase().includes(' as ')) {
      out.error(pointer(path, 'expression'), 'aliasing is not allowed in expression. Use `alias` field instead');
    }
    const alias = stringAt(aggregation, 'alias');
    if (alias) {
      if (aliases.has(alias)) out.error(pointer(path, 'alias'), `duplicate aggregation alias: ${alias}`);
      aliases.add(alias);
    }
  });
}

function checkGroupBy(spec: JsonRecord, specPath: string, out: IssueCollector): void {
  (arrayAt(spec, 'groupBy') ?? []).forEach((key, index) => {
    const name = stringAt(key, 'name');
    const path = pointer(specPath, 'groupBy', index, 'name');
    if (name === '') out.error(path, `invalid empty key name for group by at index ${index}`);
    if (name === 'timestamp') out.error(path, 'group by on timestamp is not allowed');
  });
}

/** Keys an aggregation query may be ordered by (`validateOrderByForAggregation`). */
function orderableKeys(spec: JsonRecord): Set<string> {
  const keys = new Set<string>();
  for (const key of arrayAt(spec, 'groupBy') ?? []) {
    const name = stringAt(key, 'name');
    if (name !== undefined) keys.add(name);
  }
  const metrics = stringAt(spec, 'signal') === 'metrics';
  (arrayAt(spec, 'aggregations') ?? []).forEach((aggregation, index) => {
    keys.add(String(index));
    if (!isPlainObject(aggregation)) return;
    if (!metrics) {
      const alias = stringAt(aggregation, 'alias');
      if (alias) keys.add(alias);
      keys.add(stringAt(aggregation, 'expression') ?? '');
      return;
    }
    const metric = stringAt(aggregation, 'metricName') ?? '';
    const space = stringAt(aggregation, 'spaceAggregation') ?? '';
    const time = stringAt(aggregation, 'timeAggregation') ?? '';
    keys.add('__result');
    keys.add(`${space}(${metric})`);
    if (time !== '') keys.add(`${time}(${metric})`);
    if (time !== '' && space !== '') keys.add(`${space}(${time}(${metric}))`);
  });
  return keys;
}

function checkOrder(spec: JsonRecord, specPath: string, out: IssueCollector): void {
  const orders = arrayAt(spec, 'order') ?? [];
  if (orders.length === 0) return;
  const valid = orderableKeys(spec);
  const queryName = stringAt(spec, 'name');
  orders.forEach((order, index) => {
    const key = recordAt(order, 'key');
    const name = stringAt(key, 'name');
    if (name === undefined) return;
    const withContext = `${stringAt(key, 'fieldContext') ?? ''}.${name}`;
    if (valid.has(name) || valid.has(withContext)) return;
    const clause = queryName ? `order by clause #${index + 1} in query '${queryName}'` : `order by clause #${index + 1}`;
    out.error(
      pointer(specPath, 'order', index, 'key', 'name'),
      `invalid order by key '${name}' for ${clause}; order by can only reference group by keys, aggregation aliases/expressions, ` +
        `or aggregation indices. Valid keys are: ${[...valid].sort().join(', ')}`,
    );
  });
}

export function checkBuilderQuery(spec: JsonRecord, specPath: string, out: IssueCollector): void {
  checkAggregations(spec, specPath, out);
  checkGroupBy(spec, specPath, out);
  checkOrder(spec, specPath, out);
  checkQueryFunctions(spec, specPath, out);
  checkStepInterval(spec, 'stepInterval', specPath, out);
  (arrayAt(spec, 'secondaryAggregations') ?? []).forEach((secondary, index) =>
    checkStepInterval(secondary, 'stepInterval', pointer(specPath, 'secondaryAggregations', index), out),
  );
}
