/**
 * Matches findings with suppressions and reports the suppressions themselves: invalid ones,
 * expired ones (which no longer hide anything), ones expiring within 14 days of `today` (a warning:
 * they still hide their finding but may lapse before the apply job) and unused ones (kennel's rule: a suppression that
 * suppresses nothing is an error).
 */
import { ENGINE_CHECKS, ENGINE_CHECK_IDS } from '../engine-checks';
import type { AppliedSuppression, Finding } from '../finding';
import { daysBetween, EXPIRY_WARNING_DAYS } from './reference-date';
import { pathCovers, suppressionProblems, type PathSuppression } from './suppression';

/** A suppression as found in a stack file or in the pack, before it is checked. */
export interface DeclaredSuppression {
  readonly value: unknown;
  readonly origin: AppliedSuppression['origin'];
  /** The stack whose file declares it (construct suppressions). */
  readonly stack?: string;
}

/** Builds a finding located at a suppression (its path, in its stack). */
export type SuppressionFindingFactory = (check: (typeof ENGINE_CHECKS)[keyof typeof ENGINE_CHECKS], declared: DeclaredSuppression, path: string, message: string) => Finding;

export interface SuppressionOutcome {
  readonly active: Finding[];
  readonly suppressed: Finding[];
}

function describe(s: PathSuppression): string {
  return `suppression of ${s.id}${s.appliesTo !== undefined ? ` (appliesTo "${s.appliesTo}")` : ''} on ${s.path}`;
}

export function applySuppressions(
  findings: readonly Finding[],
  declared: readonly DeclaredSuppression[],
  today: string,
  ruleIds: ReadonlySet<string>,
  packName: string,
  makeFinding: SuppressionFindingFactory,
): SuppressionOutcome {
  const usable: { spec: PathSuppression; declared: DeclaredSuppression; uses: number }[] = [];
  const engineFindings: Finding[] = [];
  for (const d of declared) {
    const problems = suppressionProblems(d.value, true);
    const raw = (typeof d.value === 'object' && d.value !== null ? d.value : {}) as Partial<PathSuppression>;
    const path = typeof raw.path === 'string' ? raw.path : '';
    if (problems.length > 0) {
      engineFindings.push(
        makeFinding(
          ENGINE_CHECKS.suppressionInvalid,
          d,
          path,
          `suppression${typeof raw.id === 'string' ? ` of ${raw.id}` : ''} on ${path || '(no path)'} is not usable: ${problems.join('; ')}`,
        ),
      );
      continue;
    }
    const spec = d.value as PathSuppression;
    if (spec.expires !== undefined && spec.expires < today) {
      engineFindings.push(
        makeFinding(
          ENGINE_CHECKS.suppressionExpired,
          d,
          spec.path,
          `${describe(spec)} expired on ${spec.expires} (reason: "${spec.reason}"${spec.owner ? `, owner ${spec.owner}` : ''}); renew it with a new date or fix the finding`,
        ),
      );
      continue;
    }
    if (spec.expires !== undefined) {
      const left = daysBetween(today, spec.expires);
      if (left <= EXPIRY_WARNING_DAYS) {
        const when = left === 0 ? 'today is its last day' : `${left} day${left === 1 ? '' : 's'} left`;
        engineFindings.push(
          makeFinding(
            ENGINE_CHECKS.suppressionExpiring,
            d,
            spec.path,
            `${describe(spec)} expires on ${spec.expires} (${when}, reference date ${today}; reason: "${spec.reason}"${spec.owner ? `, owner ${spec.owner}` : ''}); renew it or fix the finding before it lapses`,
          ),
        );
      }
    }
    usable.push({ spec, declared: d, uses: 0 });
  }

  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const match = ENGINE_CHECK_IDS.has(finding.ruleId)
      ? undefined
      : usable.find(({ spec }) => spec.id === finding.ruleId && (spec.appliesTo === undefined || spec.appliesTo === finding.key) && pathCovers(spec.path, finding.constructPath));
    if (!match) {
      active.push(finding);
      continue;
    }
    match.uses++;
    const { spec } = match;
    suppressed.push({
      ...finding,
      suppressedBy: {
        id: spec.id,
        path: spec.path,
        reason: spec.reason,
        ...(spec.owner !== undefined ? { owner: spec.owner } : {}),
        ...(spec.expires !== undefined ? { expires: spec.expires } : {}),
        ...(spec.appliesTo !== undefined ? { appliesTo: spec.appliesTo } : {}),
        origin: match.declared.origin,
      },
    });
  }

  for (const { spec, declared: d, uses } of usable) {
    if (uses > 0) continue;
    const hint = ruleIds.has(spec.id) ? '' : ` (pack "${packName}" has no rule "${spec.id}")`;
    engineFindings.push(makeFinding(ENGINE_CHECKS.suppressionUnused, d, spec.path, `${describe(spec)} matches no finding${hint}; remove it`));
  }
  return { active: [...active, ...engineFindings], suppressed };
}
