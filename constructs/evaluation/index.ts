/** Alert rule evaluation with SigNoz's semantics: run a rule over query results, tick by tick. */
export { evaluateRule, loadEvaluableRule, RuleEvaluationError } from './evaluator';
export type { EvaluateOptions, EvaluationTick, EvaluationTimeline, ResolvedAlert } from './evaluator';
export type { AlertSnapshot, ReportedAlertState, StateTransition } from './alert-state-machine';
export { RESOLVED_RETENTION_MS } from './alert-state-machine';
export { compileRule } from './evaluable-rule';
export type { EvaluableRule, EvaluableQuery, RuleProblem, CompileResult } from './evaluable-rule';
export { DEFAULT_EVAL_DELAY_MS, queryWindow, nextWindowFor, lastScheduleTime } from './query-window';
export type { EvaluationSchedule } from './query-window';
export { evaluateFormula } from './formula';
export { parseFormula, FormulaSyntaxError } from '../model/formula-expression';
export { evaluateThresholds, shouldAlertWithTarget, sortThresholds, LABEL_SEVERITY, LABEL_THRESHOLD_NAME } from './threshold';
export type { EvaluableThreshold, ThresholdSample } from './threshold';
export { convertUnit, unitFamily } from './units';
export { parseGoDurationOrError } from '../model/duration';
export { evaluablePoints, seriesInWindow } from './series';
export type { QueryResults, ResultSeries, SeriesPoint } from './series';
export { parseSeriesDocument, SeriesDocumentError } from './series-document';
