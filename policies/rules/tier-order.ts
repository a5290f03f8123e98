import type { CompareOp } from '../../constructs/model/enums';
import type { Threshold } from '../../constructs/model/rule-payload';
import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import { describeTier, nameOf } from './shared/alert-facts';

/** Rank of each severity tier name; higher is more severe. */
const RANK: Readonly<Record<string, number>> = { critical: 4, error: 3, warning: 2, info: 1 };

/** Whether `a` lies strictly beyond `b` for the operator: the more severe tier must fire later. */
function beyond(op: CompareOp, a: number, b: number): boolean | undefined {
  switch (op) {
    case 'above':
    case 'above_or_equal':
      return a > b;
    case 'below':
    case 'below_or_equal':
      return a < b;
    case 'outside_bounds':
      return Math.abs(a) > Math.abs(b);
    default:
      return undefined;
  }
}

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'More severe tiers sit beyond less severe ones (critical above warning for "above").',
  explanation:
    'Tiers of one rule that compare the same way must escalate: for `above`, the critical target is higher than ' +
    'the warning target; for `below`, lower; for `outside_bounds`, further from zero. Inverted or equal targets ' +
    'page for what should warn, or never warn before paging. Tiers in different units are not compared.',
  check: (alert) => {
    const ranked = alert.payload.condition.thresholds.spec
      .filter((t) => RANK[t.name.toLowerCase()] !== undefined)
      .sort((x, y) => RANK[y.name.toLowerCase()]! - RANK[x.name.toLowerCase()]!);
    const out: Violation[] = [];
    ranked.forEach((more: Threshold, i) => {
      for (const less of ranked.slice(i + 1)) {
        if (more.op !== less.op || RANK[more.name.toLowerCase()] === RANK[less.name.toLowerCase()]) continue;
        if ((more.targetUnit ?? '') !== (less.targetUnit ?? '')) continue;
        if (beyond(more.op, more.target, less.target) === false) {
          out.push({
            key: `${more.name}/${less.name}`,
            message: `${nameOf(alert)}: ${describeTier(more)} is not beyond ${describeTier(less)}; the more severe tier must fire later`,
          });
        }
      }
    });
    return out;
  },
});
