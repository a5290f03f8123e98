/**
 * ClickHouse SQL, checked as far as a query can be without ClickHouse: quotes, comments and
 * brackets balance. SigNoz only logs its own parse of these queries, so anything broken would fail
 * when ClickHouse runs it, at every evaluation.
 */
import { unbalancedDelimiter, type DelimiterDialect } from './balanced-delimiters';
import type { SyntaxProblem } from './syntax-problem';

/** Strings in '...', identifiers in "..." or `...`; backslash and doubled-quote escapes; -- and # comments, /* *\/ blocks. */
const CLICKHOUSE_DELIMITERS: DelimiterDialect = { quotes: '\'"`', backslashEscapes: '\'"`', doubledQuoteEscapes: true, lineComments: ['--', '# ', '#!'], blockComments: true };

/** The first unbalanced quote, comment or bracket of a ClickHouse query, or `undefined`. */
export function clickhouseSqlSyntaxProblem(query: string): SyntaxProblem | undefined {
  return unbalancedDelimiter(query, CLICKHOUSE_DELIMITERS);
}
