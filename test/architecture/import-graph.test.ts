/**
 * The structure as imports draw it: no import circles, `constructs/` (what an app imports) depends on
 * nothing above it, and no two source files share a name (a newcomer finds a file by its name).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const REPO = path.resolve(__dirname, '..', '..');
const SOURCE_DIRS = ['constructs', 'policies', 'pipeline', 'import', 'cli', 'stacks', 'scripts', 'bench'];
/** Folders above `constructs/`, which it must never import. */
const ABOVE_CONSTRUCTS = ['policies', 'pipeline', 'import', 'cli', 'stacks', 'scripts', 'bench'];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const FILES = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(REPO, dir)));

/** Relative imports of a file (static, type-only, re-exports and dynamic `import()`), resolved to files of the tree. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      specifiers.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0]))
      specifiers.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => {
      const base = path.resolve(path.dirname(file), s.replace(/\.js$/, ''));
      return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
    })
    .filter((f): f is string => f !== undefined);
}

const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));
const rel = (file: string): string => path.relative(REPO, file);

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function circles(): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of GRAPH.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(rel(w));
      } while (w !== v);
      if (component.length > 1 || (GRAPH.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const file of GRAPH.keys()) if (!indices.has(file)) connect(file);
  return found;
}

describe('the import graph', () => {
  it('reads the whole tree', () => {
    expect(FILES.length).toBeGreaterThan(200);
    expect(GRAPH.get(path.join(REPO, 'constructs', 'index.ts'))!.length).toBeGreaterThan(10);
  });

  it('has no import circles', () => {
    expect(circles()).toEqual([]);
  });

  it('finds a circle when there is one (the check can fail)', () => {
    const a = path.join(REPO, 'constructs', 'a.ts');
    const b = path.join(REPO, 'constructs', 'b.ts');
    GRAPH.set(a, [b]).set(b, [a]);
    try {
      expect(circles()).toEqual([['constructs/a.ts', 'constructs/b.ts']]);
    } finally {
      GRAPH.delete(a);
      GRAPH.delete(b);
    }
  });

  it('constructs/ imports nothing above it', () => {
    const upward = FILES.filter((f) => rel(f).startsWith('constructs/')).flatMap((file) =>
      GRAPH.get(file)!
        .filter((target) => ABOVE_CONSTRUCTS.includes(rel(target).split('/')[0]!))
        .map((target) => `${rel(file)} -> ${rel(target)}`),
    );
    expect(upward).toEqual([]);
  });

  it('gives no two source files the same name (index.ts aside)', () => {
    const byName = new Map<string, string[]>();
    for (const file of FILES) byName.set(path.basename(file), [...(byName.get(path.basename(file)) ?? []), rel(file)]);
    const shared = [...byName].filter(([name, files]) => name !== 'index.ts' && files.length > 1);
    expect(shared).toEqual([]);
  });
});
