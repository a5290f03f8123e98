/**
 * Reads a `terraform show -json` plan file of any size with bounded memory: the file is streamed
 * through a JSON tokenizer (@streamparser/json) and only what the toolkit reads is kept. Left out as
 * they stream by: `planned_values`, `prior_state`, `configuration` (but its root variables' `sensitive`
 * flags), `relevant_attributes`, `checks`, and the values of plain no-op resource changes (a no-op
 * channel keeps its `before`, which names the channel for paging impact). Nothing holds the text.
 *
 * A plan small against the heap (at most 1/16 of V8's heap limit, and 64 MiB) is parsed whole with
 * `JSON.parse`, several times faster, and reduced to the same fields; anything it cannot parse as an
 * object goes through the stream, so the errors are the stream's.
 */
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import { JSONParser, TokenType } from '@streamparser/json';
import { isToolkitError } from '../../constructs/model/toolkit-error';
import { openInputFile } from '../../constructs/util/read-input-file';
import { MAX_NESTING_DEPTH, parseJsonInput, stripByteOrderMark } from '../../constructs/util/parse-input';
import { PipelineInputError } from '../errors';
import { isEffectiveChange } from './change-kind';
import { notJsonError, planFromObject, type ResourceChange, type TerraformPlan } from './plan-json';
import { resourceCategory } from '../resources/resource-category';

/** Top-level fields kept whole (all small). */
const SCALARS = ['format_version', 'terraform_version', 'applyable', 'complete', 'errored'] as const;
const PATHS = [...SCALARS.map((key) => `$.${key}`), '$.variables', '$.output_changes', '$.configuration.root_module.variables', '$.resource_changes.*', '$.resource_drift.*'];

/** A no-op resource change reduced to what is read of it (a channel's `before` names it). */
function slim(rc: unknown): unknown {
  const entry = rc as ResourceChange;
  // anything not shaped as Terraform writes it is kept whole, for the plan's schema to refuse with its path
  if (entry === null || typeof entry !== 'object' || typeof entry.change !== 'object' || entry.change === null) return rc;
  const actions: unknown = entry.change.actions;
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string')) return rc;
  if (isEffectiveChange(entry)) return rc;
  const keepBefore = resourceCategory(entry.type, entry.change.before) === 'channel';
  return { ...entry, change: { actions: entry.change.actions, ...(keepBefore ? { before: entry.change.before } : {}) } };
}

/** Largest plan parsed whole: its text and tree stay a small share of the heap. */
function wholeParseLimit(): number {
  return Math.min(64 * 1024 * 1024, Math.floor(v8.getHeapStatistics().heap_size_limit / 16));
}

/** The members of `value` the stream's `.*` path visits: array items or object values. */
function members(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value !== null && typeof value === 'object' ? Object.values(value) : [];
}

/** The parsed document reduced to what the stream keeps (see the module comment). */
function reduced(document: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of [...SCALARS, 'variables', 'output_changes']) if (key in document) raw[key] = document[key];
  for (const key of ['planned_values', 'values']) if (key in document) raw[key] = {};
  if ('resource_changes' in document) raw.resource_changes = members(document.resource_changes).map(slim);
  const drift = members(document.resource_drift);
  if (drift.length > 0) raw.resource_drift = drift;
  const configuration = document.configuration as { root_module?: { variables?: unknown } } | null | undefined;
  const rootModule = configuration !== null && typeof configuration === 'object' ? configuration.root_module : undefined;
  if (rootModule !== null && typeof rootModule === 'object' && 'variables' in rootModule) raw.configuration = { root_module: { variables: rootModule.variables } };
  return raw;
}

/**
 * The plan parsed whole with the one input parser (BOM, nesting limit, errors by line and column
 * without quoting the input), or `undefined` when it is too big for that (the stream then reads it).
 */
function parsedWhole(fd: number, size: number, source: string): Record<string, unknown> | undefined {
  if (size === 0 || size > wholeParseLimit()) return undefined;
  const text = fs.readFileSync(fd, 'utf8');
  const read = parseJsonInput(text);
  if ('error' in read) throw notJsonError(read.error, stripByteOrderMark(text).trimStart().split('\n', 1)[0] ?? '', source);
  const document = read.value;
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new PipelineInputError('expected a JSON object from `terraform show -json <planfile>`.', { file: source }, 'plan JSON');
  }
  return document as Record<string, unknown>;
}

/** Thrown from the stream's token callback when a value nests deeper than the input limit. */
class NestingTooDeep extends Error {}

/** Reads and parses a plan JSON file, with a clear error when it is missing, unreadable or not a plan. */
export async function readPlanFile(file: string, source: string = file): Promise<TerraformPlan> {
  let fd: number;
  let size: number;
  try {
    ({ fd, size } = openInputFile(file));
  } catch (err) {
    if (isToolkitError(err)) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new PipelineInputError(code === 'ENOENT' ? 'no such file.' : `cannot read (${err instanceof Error ? err.message : String(err)}).`, { file }, 'plan JSON');
  }
  let whole: Record<string, unknown> | undefined;
  try {
    whole = parsedWhole(fd, size, source);
  } catch (err) {
    fs.closeSync(fd);
    if (isToolkitError(err)) throw err;
    throw new PipelineInputError(`cannot read (${err instanceof Error ? err.message : String(err)}).`, { file }, 'plan JSON');
  }
  if (whole) {
    fs.closeSync(fd);
    return planFromObject(reduced(whole), source);
  }

  const raw: Record<string, unknown> = {};
  const resourceChanges: unknown[] = [];
  const resourceDrift: unknown[] = [];
  let sensitiveDeclarations: unknown;
  let firstLine: string | undefined;
  let topLevel: 'object' | 'other' | undefined;
  const parser = new JSONParser({ paths: PATHS, keepStack: false });
  // Top-level keys, seen token by token (their values are not built), to tell a plan from other documents.
  const topKeys = new Set<string>();
  let depth = 0;
  let keyNext = false;
  parser.onToken = ({ token, value }) => {
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      depth++;
      if (depth > MAX_NESTING_DEPTH) throw new NestingTooDeep();
      keyNext = depth === 1 && token === TokenType.LEFT_BRACE;
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      depth--;
    } else if (depth === 1 && token === TokenType.COMMA) {
      keyNext = true;
    } else if (depth === 1 && keyNext && token === TokenType.STRING) {
      topKeys.add(String(value));
      keyNext = false;
    }
  };
  parser.onValue = ({ value, key, stack }) => {
    // The path of the value: the keys of the enclosing frames below the root, then its own key.
    const at = [...stack.slice(1).map((frame) => frame.key), key];
    const top = at[0];
    if (top === 'resource_changes' && at.length === 2) resourceChanges.push(slim(value));
    else if (top === 'resource_drift' && at.length === 2) resourceDrift.push(value);
    else if (top === 'configuration') sensitiveDeclarations = value;
    else if (at.length === 1 && typeof top === 'string') raw[top] = value;
  };
  try {
    for await (const chunk of fs.createReadStream('', { fd, start: 0 })) {
      let buffer = chunk as Buffer;
      if (firstLine === undefined) {
        // a byte order mark is read past, as by every other input reader
        if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
        const start = buffer.subarray(0, 256).toString('utf8');
        firstLine = start.trimStart().split('\n', 1)[0] ?? '';
        if (start.trim() !== '') topLevel = start.trimStart().startsWith('{') ? 'object' : 'other';
      }
      parser.write(buffer);
    }
    if (!parser.isEnded) parser.end();
  } catch (err) {
    if (err instanceof NestingTooDeep) throw notJsonError(`invalid JSON: nested too deeply (at most ${MAX_NESTING_DEPTH} levels)`, '', source);
    if ((err as NodeJS.ErrnoException).code !== undefined && !(err instanceof SyntaxError)) {
      throw new PipelineInputError(`cannot read (${err instanceof Error ? err.message : String(err)}).`, { file }, 'plan JSON');
    }
    // The parser's message quotes the offending input; only its position is kept.
    const position = /position "?(\d+)/.exec(err instanceof Error ? err.message : '')?.[1];
    throw notJsonError(position === undefined ? 'invalid JSON' : `invalid JSON at byte ${position}`, firstLine ?? '', source);
  }
  if (topLevel === undefined) throw notJsonError('invalid JSON: the file is empty', '', source);
  if (topLevel === 'other') throw new PipelineInputError('expected a JSON object from `terraform show -json <planfile>`.', { file: source }, 'plan JSON');
  // Keys left out as they streamed by still tell a plan without format_version from a state file.
  for (const key of ['planned_values', 'values']) if (topKeys.has(key)) raw[key] = {};
  if (topKeys.has('resource_changes')) raw.resource_changes = resourceChanges;
  if (resourceDrift.length > 0) raw.resource_drift = resourceDrift;
  if (sensitiveDeclarations !== undefined) raw.configuration = { root_module: { variables: sensitiveDeclarations } };
  return planFromObject(raw, source);
}
