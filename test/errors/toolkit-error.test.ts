import * as constructsApi from '../../constructs';
import * as testingApi from '../../constructs/testing';
import * as importApi from '../../import';
import * as pipelineApi from '../../pipeline';
import * as policiesApi from '../../policies';
import { UsageError } from '../../cli/io';
import { isToolkitError, toolkitErrorLines, ToolkitError } from '../../constructs/model/toolkit-error';
import { synthErrorLines } from '../../constructs/stacks/atomic-synth';

/** Exported error classes that are not a user's mistake in input, and why. */
const NOT_USER_INPUT: Record<string, string> = {
  AlertBehaviourError: 'a behaviour test that ran and failed: a test result (like a failed expect), not a mistake in input',
};

/**
 * Error classes whose modules are being rewritten elsewhere (codecs, evaluation, validation); they
 * move onto ToolkitError with that rewrite. Listed so a new class cannot slip in unnoticed.
 */

const ENTRY_POINTS: Record<string, Record<string, unknown>> = {
  'constructs/index.ts': constructsApi,
  'policies/index.ts': policiesApi,
  'pipeline/index.ts': pipelineApi,
  'constructs/testing/index.ts': testingApi,
  'import/index.ts': importApi,
};

type ErrorClass = abstract new (...args: never[]) => Error;
const isErrorClass = (value: unknown): value is ErrorClass => typeof value === 'function' && value.prototype instanceof Error;

const exportedErrorClasses = Object.entries(ENTRY_POINTS).flatMap(([entry, api]) =>
  Object.entries(api)
    .filter((e): e is [string, ErrorClass] => isErrorClass(e[1]))
    .map(([name, cls]) => ({ entry, name, cls })),
);

describe('the error model', () => {
  it('finds the error classes of the public entry points', () => {
    const names = new Set(exportedErrorClasses.map((e) => e.name));
    for (const known of [
      'ToolkitError',
      'PropsError',
      'AlertRuleError',
      'OpenSloError',
      'RouteExpressionError',
      'PolicyPackError',
      'SynthOutputError',
      'PipelineInputError',
      'AlertTestFileError',
      'SeriesNotationError',
    ]) {
      expect(names).toContain(known);
    }
  });

  const userInputErrors = exportedErrorClasses.filter((e) => NOT_USER_INPUT[e.name] === undefined);
  it.each(userInputErrors.map((e) => [`${e.entry}: ${e.name}`, e] as const))('%s extends ToolkitError', (_label, { cls }) => {
    expect(cls === ToolkitError || cls.prototype instanceof ToolkitError).toBe(true);
  });

  it('keeps the exemptions honest: each names an exported class', () => {
    const names = new Set(exportedErrorClasses.map((e) => e.name));
    for (const name of Object.keys(NOT_USER_INPUT)) expect(names).toContain(name);
  });

  it('makes the CLI usage error a ToolkitError too', () => {
    const error = new UsageError('--format must be text or json, got "xml"');
    expect(isToolkitError(error)).toBe(true);
    expect(error.message).toBe('Invalid command line: --format must be text or json, got "xml"');
  });

  it('builds its message from subject, where and problems: one line for one whole-input problem', () => {
    expect(new ToolkitError('plan JSON', { file: 'plan.json' }, [{ path: '', message: 'not valid JSON' }]).message).toBe('Invalid plan JSON at plan.json: not valid JSON');
    expect(new ToolkitError('rule', { file: 'cpu.json', pointer: '/condition' }, [{ path: '', message: 'x' }]).message).toBe('Invalid rule at cpu.json#/condition: x');
    expect(new ToolkitError('alert test file', { file: 'a.alert-test.yaml', line: 12 }, [{ path: '', message: 'x' }]).message).toBe(
      'Invalid alert test file at a.alert-test.yaml:12: x',
    );
  });

  it('puts each problem on its own line, labelling whole-input problems by the kind of input', () => {
    const props = new constructsApi.PropsError('HostCpuAlert', 'prod/Cpu', [
      { field: '', message: 'unknown field' },
      { field: 'threshold', message: 'must be a number' },
    ]);
    expect(props.message).toBe("Invalid HostCpuAlert at 'prod/Cpu':\n  - (props): unknown field\n  - threshold: must be a number");
    expect(props.problems).toEqual([
      { path: '', message: 'unknown field' },
      { path: 'threshold', message: 'must be a number' },
    ]);
    expect(props.where).toEqual({ constructPath: 'prod/Cpu' });
    const file = new ToolkitError('pipeline config', { file: 'c.json' }, [
      { path: '', message: 'a' },
      { path: '/x', message: 'b' },
    ]);
    expect(toolkitErrorLines(file)).toEqual(['Invalid pipeline config at c.json:', '  - (document): a', '  - /x: b']);
    const bare = new ToolkitError('policy rule', {}, [
      { path: '', message: 'a' },
      { path: '', message: 'b' },
    ]);
    expect(toolkitErrorLines(bare)).toEqual(['Invalid policy rule:', '  - a', '  - b']);
  });

  it('keeps the name of each subclass, the cause, and a one-line detail for errors that quote it', () => {
    const cause = new Error('ENOENT');
    const error = new ToolkitError('rule_file', { file: 'r.json' }, [{ path: 'alert', message: 'no rule named "x"' }], { cause });
    expect(error.name).toBe('ToolkitError');
    expect(error.cause).toBe(cause);
    expect(error.detail).toBe('alert: no rule named "x"');
    expect(new pipelineApi.PipelineInputError('no such file.', { file: 'p.json' }, 'plan JSON').name).toBe('PipelineInputError');
  });

  it('formats synth errors from the fields of any ToolkitError, and other errors line by line', () => {
    const error = new constructsApi.AlertRuleError('prod/Cpu', [{ path: 'tiers.critical.target', message: 'must be a finite number' }]);
    expect(synthErrorLines(error)).toEqual(["Invalid AlertRule at 'prod/Cpu':", '  - tiers.critical.target: must be a finite number']);
    const notFromMessage = new policiesApi.PolicyOptionsError([{ path: 'pagingBudget', message: 'must not be negative' }]);
    Object.defineProperty(notFromMessage, 'message', { value: 'something else entirely' });
    expect(synthErrorLines(notFromMessage)).toEqual(['Invalid policy options:', '  - pagingBudget: must not be negative']);
    expect(synthErrorLines(new Error('Validation failed with the following errors:\n  [prod] a\n  [prod] b\n\nIf you wish to ignore these validations, ...'))).toEqual([
      'Invalid cdktf app:',
      '  - [prod] a',
      '  - [prod] b',
    ]);
    expect(synthErrorLines(new TypeError('x is not a function'))).toEqual(['x is not a function']);
  });
});
