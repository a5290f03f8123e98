/** Arguments of query functions, checked as SigNoz's `Function.ValidateArgs` does. */
import { ownEntry } from '../util/json';
import { arrayAt, stringAt } from './json-value';
import { pointer } from './json-pointer';
import type { IssueCollector } from './issue-collector';
import { isPlainObject } from '../util/json';

/** Functions whose first argument is required, and what SigNoz calls it. */
const REQUIRED_ARGUMENT: Readonly<Record<string, string>> = {
  cutoffmin: 'threshold value',
  cutoffmax: 'threshold value',
  clampmin: 'threshold value',
  clampmax: 'threshold value',
  timeshift: 'time shift value',
};
const OPTIONAL_ARGUMENT: Readonly<Record<string, string>> = { ewma3: 'alpha value', ewma5: 'alpha value', ewma7: 'alpha value' };

/** Go's `strconv.ParseFloat` for the decimal forms people write. */
function parsesAsFloat(value: unknown): boolean {
  if (typeof value === 'number') return true;
  return typeof value === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|infinity|nan)$/i.test(value);
}

export function checkQueryFunctions(spec: unknown, specPath: string, out: IssueCollector): void {
  const functions = arrayAt(spec, 'functions') ?? [];
  functions.forEach((fn, index) => {
    const name = stringAt(fn, 'name');
    if (name === undefined) return;
    const required = ownEntry(REQUIRED_ARGUMENT, name);
    const argument = required ?? ownEntry(OPTIONAL_ARGUMENT, name);
    if (argument === undefined) return;
    const args = arrayAt(fn, 'args') ?? [];
    const fnPath = pointer(specPath, 'functions', index);
    if (args.length === 0) {
      if (required) out.error(pointer(fnPath, 'args'), `${required} is required for function ${name}`);
      return;
    }
    const first = args[0];
    if (isPlainObject(first) && !parsesAsFloat(first.value)) {
      out.error(pointer(fnPath, 'args', 0, 'value'), `${argument} must be a floating value for function ${name}`);
    }
  });
}
