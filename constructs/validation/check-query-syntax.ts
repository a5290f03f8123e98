/**
 * The text inside queries, checked before SigNoz sees it: PromQL, filter expressions and ClickHouse
 * SQL. A broken query saves fine and then never fires, so each problem is an error located by JSON
 * Pointer and by line and column inside the text. Disabled queries too: formulas still run the
 * queries they read.
 */
import { recordAt, stringAt, type JsonRecord } from './json-value';
import { pointer } from './json-pointer';
import type { IssueCollector } from './issue-collector';
import type { QueryEntry } from './query-inventory';
import { clickhouseSqlSyntaxProblem } from './query-syntax/clickhouse-sql-syntax';
import { filterExpressionSyntaxProblem } from './query-syntax/filter-expression-syntax';
import { promqlSyntaxProblem } from './query-syntax/promql-syntax';
import { describeSyntaxProblem, type SyntaxProblem } from './query-syntax/syntax-problem';

/** Envelope types whose spec carries a builder-style `filter.expression`. */
const FILTERED_TYPES: readonly string[] = ['builder_query', 'builder_ai_query', 'builder_sub_query', 'builder_trace_operator'];

/** Problems already found, by language and text: an estate repeats its queries (warning and critical, per environment). */
const known = new Map<string, SyntaxProblem | undefined>();
/** Most texts remembered; past it the memory starts again (a bound, not a cache policy). */
const KNOWN_LIMIT = 10_000;

/** `check(text)`, remembered for the same language and text (the checks are pure). */
function problemOf(language: string, text: string, check: (text: string) => SyntaxProblem | undefined): SyntaxProblem | undefined {
  const key = `${language}\u0000${text}`;
  if (known.has(key)) return known.get(key);
  const problem = check(text);
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(key, problem);
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
    if (entry.type === 'promql') report(path, 'PromQL', query, problemOf('PromQL', query, promqlSyntaxProblem), out);
    else report(path, 'ClickHouse SQL', query, problemOf('ClickHouse SQL', query, clickhouseSqlSyntaxProblem), out);
    return;
  }
  if (entry.type === undefined || !FILTERED_TYPES.includes(entry.type)) return;
  const expression = stringAt(recordAt(spec, 'filter'), 'expression');
  if (expression === undefined) return;
  report(pointer(entry.specPath, 'filter', 'expression'), 'filter expression', expression, problemOf('filter expression', expression, filterExpressionSyntaxProblem), out);
}
