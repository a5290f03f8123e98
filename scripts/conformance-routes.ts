/**
 * Peer check: route-policy expressions read as expr-lang v1.17.7 reads them (routes.json of the
 * go-semantics peer suite). An expression the toolkit accepts must compile and have the same
 * syntax tree; one it refuses agrees when expr refuses it too, or when it lies outside the subset
 * the toolkit documents (a label compared with a string, or `in`/`not in` a non-empty list of
 * strings, joined by and/or/not). Expressions using `NOT` are reported and not gated: SigNoz's
 * fork is not public, upstream expr reads `NOT (...)` as a call to an unknown function, and the
 * toolkit refuses it saying so. Expressions the toolkit refuses on purpose (see deliberateRefusal)
 * are listed with the reason and not gated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RouteExpressionNode } from '../constructs/routing/route-expression-ast';
import { parseRouteExpression, RouteExpressionError } from '../constructs/routing/route-expression-parser';

/** The peer table's normalised expr AST. */
type PeerAst = { bin: string; l: PeerAst; r: PeerAst } | { not: PeerAst } | { label: string[] } | { str: string } | { arr: PeerAst[] } | { other: string };

interface RouteCase {
  readonly text: string;
  readonly ok: boolean;
  readonly err?: string;
  readonly ast?: PeerAst;
  readonly src: string;
}

const COMPARISONS = new Set(['==', '!=', 'contains', 'startsWith', 'endsWith', 'matches']);

/** A comparable form: and/or chains flattened, labels joined with dots (SigNoz splits label names on dots). */
function normalisePeer(ast: PeerAst): unknown {
  if ('bin' in ast) {
    if (ast.bin === 'and' || ast.bin === 'or') {
      const flat = (n: PeerAst): unknown[] => ('bin' in n && n.bin === ast.bin ? [...flat(n.l), ...flat(n.r)] : [normalisePeer(n)]);
      return { [ast.bin]: flat(ast) };
    }
    return { op: ast.bin, l: normalisePeer(ast.l), r: normalisePeer(ast.r) };
  }
  if ('not' in ast) return { not: normalisePeer(ast.not) };
  if ('label' in ast) return { label: ast.label.join('.') };
  if ('arr' in ast) return ast.arr.map(normalisePeer);
  if ('str' in ast) return ast.str;
  return ast;
}

function normaliseToolkit(node: RouteExpressionNode): unknown {
  if (node.type === 'compare') {
    const negated = node.op.startsWith('not ');
    const compare = { op: negated ? node.op.slice(4) : node.op, l: { label: node.label }, r: typeof node.value === 'string' ? node.value : [...node.value] };
    return negated ? { not: compare } : compare;
  }
  if (node.type === 'not') return { not: normaliseToolkit(node.operand) };
  const type = node.type;
  return { [type]: node.operands.flatMap((o) => (o.type === type ? (normaliseToolkit(o) as Record<string, unknown[]>)[type]! : [normaliseToolkit(o)])) };
}

/** Inside the documented subset: a label compared with a string, or in a non-empty list of strings, joined by and/or/not. */
function inSubset(ast: PeerAst): boolean {
  if ('not' in ast) return inSubset(ast.not);
  if (!('bin' in ast)) return false;
  if (ast.bin === 'and' || ast.bin === 'or') return inSubset(ast.l) && inSubset(ast.r);
  if (!('label' in ast.l)) return false;
  if (COMPARISONS.has(ast.bin)) return 'str' in ast.r;
  return ast.bin === 'in' && 'arr' in ast.r && ast.r.arr.length > 0 && ast.r.arr.every((item) => 'str' in item);
}

/**
 * Why the toolkit refuses, on purpose, an expression that expr compiles, or `undefined`: a
 * bracketed key with a dot (`$env["service.name"]`) names a label SigNoz never sets, since it
 * splits label names on dots into nested maps, so the comparison never matches; an empty string
 * after contains/startsWith/endsWith makes the condition always true (always false negated).
 */
function deliberateRefusal(ast: PeerAst): string | undefined {
  if ('not' in ast) return deliberateRefusal(ast.not);
  if (!('bin' in ast)) return undefined;
  if ('label' in ast.l && ast.l.label.some((segment) => segment.includes('.'))) return 'a dotted $env key never matches in SigNoz';
  if (['contains', 'startsWith', 'endsWith'].includes(ast.bin) && 'str' in ast.r && ast.r.str === '') return `${ast.bin} "" is always true`;
  return deliberateRefusal(ast.l) ?? deliberateRefusal(ast.r);
}

/** `NOT` as a word outside string literals. */
function usesNot(text: string): boolean {
  return /\bNOT\b/.test(text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`/g, '""'));
}

export function routesAgreeWithExpr(dir: string): { summary: string; failures: string[]; notes: string[] } {
  const file = path.join(dir, 'routes.json');
  if (!fs.existsSync(file)) return { summary: 'route expressions: no routes.json', failures: [`${file} does not exist`], notes: [] };
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')) as RouteCase[];
  const failures: string[] = [];
  const notes: string[] = [];
  let outsideSubset = 0;
  const deliberate: string[] = [];
  for (const c of cases) {
    let node: RouteExpressionNode | undefined;
    let problem = '';
    try {
      node = parseRouteExpression(c.text);
    } catch (error) {
      if (!(error instanceof RouteExpressionError)) throw error;
      problem = error.problem;
    }
    const where = `route ${JSON.stringify(c.text)} (${c.src})`;
    let failure: string | undefined;
    if (!c.ok) {
      if (node !== undefined) failure = `${where}: expr refuses it (${c.err}), the toolkit accepts it`;
    } else if (node === undefined) {
      const reason = c.ast === undefined ? undefined : deliberateRefusal(c.ast);
      if (c.ast === undefined || !inSubset(c.ast)) outsideSubset++;
      else if (reason !== undefined) deliberate.push(`${where}: refused on purpose (${reason}): ${problem}`);
      else failure = `${where}: expr compiles it, the toolkit refuses it (${problem})`;
    } else if (c.ast === undefined || JSON.stringify(normalisePeer(c.ast)) !== JSON.stringify(normaliseToolkit(node))) {
      failure = `${where}: expr reads ${JSON.stringify(c.ast)}, the toolkit ${JSON.stringify(normaliseToolkit(node))}`;
    }
    if (failure === undefined) continue;
    (usesNot(c.text) ? notes : failures).push(failure);
  }
  const agreed = cases.length - failures.length - notes.length - deliberate.length;
  return {
    summary:
      `route expressions: ${agreed}/${cases.length} agree with expr-lang v1.17.7 (${outsideSubset} refused outside the documented subset; ` +
      `${deliberate.length} refused on purpose, listed; ${notes.length} using NOT, not gated)`,
    failures,
    notes: [...deliberate, ...notes],
  };
}
