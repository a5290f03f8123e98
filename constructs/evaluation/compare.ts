/** The comparison of one value with a target (`ruletypes.matchesCompareOp`). */
import type { CompareOp } from '../model/enums';

export function matchesCompareOp(op: CompareOp, value: number, target: number): boolean {
  switch (op) {
    case 'above':
      return value > target;
    case 'below':
      return value < target;
    case 'equal':
      return value === target;
    case 'not_equal':
      return value !== target;
    case 'above_or_equal':
      return value >= target;
    case 'below_or_equal':
      return value <= target;
    case 'outside_bounds':
      return Math.abs(value) >= target;
  }
}
