/**
 * The composite query as a whole: unique names, the selected query, and each query kind's own
 * requirements (formula references, PromQL/ClickHouse text, trace-operator references).
 */
import { recordAt, stringAt, type JsonRecord } from './json-value';
import { pointer } from './json-pointer';
import { checkBuilderQuery } from './check-builder-query';
import { checkQueryFunctions } from './check-query-functions';
import { checkQuerySyntax } from './check-query-syntax';
import { checkStepInterval } from './check-step-interval';
import { analyzeFormula, traceOperatorReferences } from './formula-analysis';
import { namesOf, type QueryEntry } from './query-inventory';
import type { IssueCollector } from './issue-collector';
import { isPlainObject } from '../util/json';

function isBlank(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '';
}

function checkFormula(entry: QueryEntry, spec: JsonRecord, queries: readonly QueryEntry[], out: IssueCollector): void {
  if (isBlank(spec.name)) out.error(pointer(entry.specPath, 'name'), 'formula name cannot be blank');
  checkQueryFunctions(spec, entry.specPath, out);
  const expression = spec.expression;
  if (typeof expression !== 'string') return;
  const expressionPath = pointer(entry.specPath, 'expression');
  if (expression.trim() === '') {
    out.error(expressionPath, 'formula expression cannot be blank');
    return;
  }
  const analysis = analyzeFormula(expression);
  if (analysis.error) {
    out.error(expressionPath, `failed to parse expression for formula query ${JSON.stringify(entry.name ?? '')}: ${analysis.error}`);
    return;
  }
  const builderNames = namesOf(queries, 'builder_query');
  for (const name of analysis.queryNames) {
    if (!builderNames.includes(name)) {
      const known = builderNames.length > 0 ? builderNames.join(', ') : 'none';
      out.error(expressionPath, `formula references query "${name}", which is not a builder query of this rule (builder queries: ${known})`);
    }
  }
}

function checkTraceOperator(entry: QueryEntry, spec: JsonRecord, queries: readonly QueryEntry[], out: IssueCollector): void {
  checkStepInterval(spec, 'stepInterval', entry.specPath, out);
  checkQueryFunctions(spec, entry.specPath, out);
  const expression = spec.expression;
  if (isBlank(expression)) {
    out.error(pointer(entry.specPath, 'expression'), 'trace operator expression is required');
    return;
  }
  if (typeof expression !== 'string') return;
  const traceQueries = namesOf(queries, 'builder_query', 'traces');
  const references = traceOperatorReferences(expression);
  for (const name of references) {
    if (!traceQueries.includes(name)) {
      out.error(pointer(entry.specPath, 'expression'), `query '${name}' referenced in trace operator expression does not exist or is not a trace query`);
    }
  }
  const returnSpansFrom = stringAt(spec, 'returnSpansFrom');
  if (returnSpansFrom && !references.includes(returnSpansFrom)) {
    out.error(pointer(entry.specPath, 'returnSpansFrom'), `returnSpansFrom references query '${returnSpansFrom}' which is not used in the expression '${expression}'`);
  }
}

function checkQueryText(entry: QueryEntry, spec: JsonRecord, message: string, out: IssueCollector): void {
  if (isBlank(spec.query)) out.error(pointer(entry.specPath, 'query'), message);
}

/** `builder_ai_query`: a traces builder query SigNoz validates and runs (v0.136+), which the provider cannot carry. */
function checkAiQuery(entry: QueryEntry, spec: JsonRecord, out: IssueCollector): void {
  const signal = stringAt(spec, 'signal');
  if (signal !== undefined && signal !== 'traces') {
    out.error(pointer(entry.specPath, 'signal'), `builder_ai_query always reads traces (SigNoz replaces the signal); got "${signal}"`);
    return;
  }
  checkBuilderQuery(spec, entry.specPath, out);
  out.warn(
    entry.specPath.replace(/\/spec$/, '/type'),
    'SigNoz runs builder_ai_query queries, but Terraform provider 0.0.17 cannot carry them: signoz_rule has no builder_ai_query block, so only the signoz_alert target (condition as JSON) can deploy this rule',
  );
}

/** `builder_sub_query` and `builder_join` pass SigNoz's validation, but no querier runs them. */
function warnNeverRun(entry: QueryEntry, out: IssueCollector): void {
  out.warn(
    entry.specPath.replace(/\/spec$/, '/type'),
    `SigNoz accepts ${entry.type} queries but no SigNoz querier runs them yet, so query '${entry.name ?? ''}' never returns data; provider 0.0.17's signoz_rule cannot carry them either`,
  );
}

function checkNames(queries: readonly QueryEntry[], out: IssueCollector): void {
  const seen = new Set<string>();
  for (const entry of queries) {
    if (entry.name === undefined || entry.name === '') continue;
    if (seen.has(entry.name)) out.error(pointer(entry.specPath, 'name'), `duplicate query name '${entry.name}'`);
    seen.add(entry.name);
  }
}

function checkSelectedQuery(condition: JsonRecord | undefined, queries: readonly QueryEntry[], out: IssueCollector): void {
  const selected = stringAt(condition, 'selectedQueryName');
  // a query without a name is reported on its own; a mismatch would only repeat it
  if (!selected || queries.length === 0 || queries.some((entry) => entry.name === undefined)) return;
  if (!queries.some((entry) => entry.name === selected)) {
    out.error('/condition/selectedQueryName', `${JSON.stringify(selected)} does not match any query in compositeQuery`);
  }
}

export function checkCompositeQuery(payload: unknown, queries: readonly QueryEntry[], out: IssueCollector): void {
  checkNames(queries, out);
  checkSelectedQuery(recordAt(payload, 'condition'), queries, out);
  for (const entry of queries) {
    const spec = entry.spec;
    if (!isPlainObject(spec)) continue;
    checkQuerySyntax(entry, spec, out);
    switch (entry.type) {
      case 'builder_query':
        checkBuilderQuery(spec, entry.specPath, out);
        break;
      case 'builder_ai_query':
        checkAiQuery(entry, spec, out);
        break;
      case 'builder_sub_query':
        checkBuilderQuery(spec, entry.specPath, out);
        warnNeverRun(entry, out);
        break;
      case 'builder_join':
        warnNeverRun(entry, out);
        break;
      case 'builder_formula':
        checkFormula(entry, spec, queries, out);
        break;
      case 'builder_trace_operator':
        checkTraceOperator(entry, spec, queries, out);
        break;
      case 'promql':
        checkQueryText(entry, spec, 'PromQL query is required', out);
        checkStepInterval(spec, 'step', entry.specPath, out);
        break;
      case 'clickhouse_sql':
        checkQueryText(entry, spec, 'ClickHouse SQL query is required', out);
        break;
      default:
        break;
    }
  }
}
