/**
 * The text inside queries, checked before SigNoz sees it: PromQL, filter and having expressions and
 * ClickHouse SQL. A broken query saves fine and then never fires, so each problem is an error located by JSON
 * Pointer and by line and column inside the text. Disabled queries too: formulas still run the
 * queries they read.
 */
import { recordAt, stringAt, type JsonRecord } from './json-value';
import { pointer } from './json-pointer';
import type { IssueCollector } from './issue-collector';
import type { QueryEntry } from './query-inventory';
import { clickhouseSqlSyntaxProblem } from './query-syntax/clickhouse-sql-syntax';
import { filterExpressionSyntaxProblem } from './query-syntax/filter-expression-syntax';
import { havingExpressionSyntaxProblem } from './query-syntax/having-expression-syntax';
import { promqlSyntaxProblem } from './query-syntax/promql-syntax';
import { describeSyntaxProblem, type SyntaxProblem } from './query-syntax/syntax-problem';

/** Envelope types whose spec carries a builder-style `filter.expression`. */
const FILTERED_TYPES: readonly string[] = ['builder_query', 'builder_ai_query', 'builder_sub_query', 'builder_trace_operator'];

/**
 * Verdicts remembered per process, by language and text: an estate synthesizes the same queries in
 * every environment, and parsing (PromQL above all) was a measurable part of synth. Bounded, so a
 * long-running process holds at most this many.
 */
const VERDICT_CACHE_LIMIT = 4096;
const verdicts = new Map<string, SyntaxProblem | undefined>();

function syntaxProblem(language: string, text: string, check: (text: string) => SyntaxProblem | undefined): SyntaxProblem | undefined {
  const key = `${language}\u0000${text}`;
  if (verdicts.has(key)) return verdicts.get(key);
  const problem = check(text);
  if (verdicts.size < VERDICT_CACHE_LIMIT) verdicts.set(key, problem);
  return problem;
}

function report(path: string, language: string, text: string, problem: SyntaxProblem | undefined, out: IssueCollector): void {
  if (problem) out.error(path, `invalid ${language} at ${describeSyntaxProblem(text, problem)}`);
}

export function checkQuerySyntax(entry: QueryEntry, spec: JsonRecord, out: IssueCollector): void {
  if (entry.type === 'promql' || entry.type === 'clickhouse_sql') {
    const query = stringAt(spec, 'query');
    if (query === undefined || query.trim() === '') return; // reported as missing on its own
    const path = pointer(entry.specPath, 'query');
    if (entry.type === 'promql') report(path, 'PromQL', query, syntaxProblem('PromQL', query, promqlSyntaxProblem), out);
    else report(path, 'ClickHouse SQL', query, syntaxProblem('ClickHouse SQL', query, clickhouseSqlSyntaxProblem), out);
    return;
  }
  if (entry.type === undefined || !FILTERED_TYPES.includes(entry.type)) return;
  const expression = stringAt(recordAt(spec, 'filter'), 'expression');
  if (expression !== undefined) {
    report(pointer(entry.specPath, 'filter', 'expression'), 'filter expression', expression, syntaxProblem('filter expression', expression, filterExpressionSyntaxProblem), out);
  }
  // SigNoz's statement builders read a builder query's having with their HavingExpression grammar
  const having = entry.type === 'builder_query' ? stringAt(recordAt(spec, 'having'), 'expression') : undefined;
  if (having !== undefined)
    report(pointer(entry.specPath, 'having', 'expression'), 'having expression', having, syntaxProblem('having expression', having, havingExpressionSyntaxProblem), out);
}
