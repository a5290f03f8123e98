/**
 * The TypeScript examples of README.md and docs/*.md, as the docs test compiles and runs them.
 *
 * A ```ts block is a whole program unless the line before its fence marks it:
 * - `<!-- example: NAME -->`: part of the program NAME; its parts are joined in document order
 *   (README.md first, then docs/ by file name), their imports merged.
 * - `<!-- example: NAME file: path/to/file.ts -->`: the file `path/to/file.ts` of the program NAME
 *   (for examples that are several modules); the rest of the program goes to `main.ts`.
 * - `<!-- fragment -->`: a signature-only fragment: type-checked as a module of its own, not run.
 * A block in another language (```json, ```yaml) marked `<!-- example: NAME file: path -->` is a
 * data file of the program NAME (the rule file a test reads, say); other blocks are not examples.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface DocBlock {
  /** `README.md:120`: where the fence is. */
  readonly where: string;
  readonly code: string;
  /** The program the block belongs to (its own `where` for a whole program). */
  readonly program: string;
  /** The file of the program the block goes into. */
  readonly file: string;
  readonly fragment: boolean;
  /** Whether the block is TypeScript (the others are data files of a program). */
  readonly typescript: boolean;
}

export interface DocProgram {
  readonly name: string;
  /** File name (relative to the program's folder) to source. */
  readonly files: Readonly<Record<string, string>>;
  /** The file to run; undefined for fragments. */
  readonly entry: string | undefined;
  readonly blocks: readonly DocBlock[];
}

const MARKER = /^<!--\s*(?:example:\s*([\w.-]+)(?:\s+file:\s*(\S+))?|(fragment))\s*-->$/;

/** README.md and docs/*.md of `repo`, in the order their blocks are joined. */
export function docFiles(repo: string): string[] {
  const docs = fs
    .readdirSync(path.join(repo, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join('docs', f));
  return ['README.md', ...docs];
}

/** Every ```ts / ```typescript block of the docs, with what its marker says. */
export function docBlocks(repo: string): DocBlock[] {
  const out: DocBlock[] = [];
  for (const doc of docFiles(repo)) {
    const lines = fs.readFileSync(path.join(repo, doc), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const fence = /^```(\w+)\s*$/.exec(lines[i]!);
      if (!fence) continue;
      const typescript = fence[1] === 'ts' || fence[1] === 'typescript';
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
      let before = start - 1;
      while (before >= 0 && lines[before]!.trim() === '') before--;
      const marker = before >= 0 ? MARKER.exec(lines[before]!.trim()) : null;
      const where = `${doc}:${start + 1}`;
      if (!typescript && !marker?.[2]) continue;
      out.push({
        typescript,
        where,
        code: body.join('\n') + '\n',
        program: marker?.[3] ? where : (marker?.[1] ?? where),
        file: marker?.[2] ?? 'main.ts',
        fragment: marker?.[3] !== undefined,
      });
    }
  }
  return out;
}

/** Joins the parts of one file: the imports of all parts merged (each name once), then the rest in order. */
export function joinParts(parts: readonly string[]): string {
  const named = new Map<string, Set<string>>();
  const other = new Set<string>();
  const bodies: string[] = [];
  for (const code of parts) {
    const source = ts.createSourceFile('part.ts', code, ts.ScriptTarget.Latest, true);
    let rest = '';
    let last = 0;
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement)) continue;
      rest += code.slice(last, statement.getStart(source));
      last = statement.end;
      const module = (statement.moduleSpecifier as ts.StringLiteral).text;
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      if (clause && !clause.name && bindings && ts.isNamedImports(bindings)) {
        const set = named.get(module) ?? new Set<string>();
        for (const element of bindings.elements) set.add((clause.isTypeOnly ? 'type ' : '') + element.getText(source));
        named.set(module, set);
      } else {
        other.add(statement.getText(source));
      }
    }
    bodies.push((rest + code.slice(last)).trim());
  }
  const imports = [...other, ...[...named].map(([module, names]) => `import { ${[...names].join(', ')} } from '${module}';`)];
  return [...imports, '', ...bodies].join('\n') + '\n';
}

/** The blocks grouped into programs. */
export function docPrograms(blocks: readonly DocBlock[]): DocProgram[] {
  const byName = new Map<string, DocBlock[]>();
  for (const block of blocks) byName.set(block.program, [...(byName.get(block.program) ?? []), block]);
  return [...byName].map(([name, parts]) => {
    const byFile = new Map<string, string[]>();
    for (const part of parts) byFile.set(part.file, [...(byFile.get(part.file) ?? []), part.code]);
    const files = Object.fromEntries([...byFile].map(([file, codes]) => [file, file.endsWith('.ts') ? joinParts(codes) : codes.join('')]));
    const code = parts.filter((p) => p.typescript);
    const fragment = code.every((p) => p.fragment);
    return { name, files, entry: fragment ? undefined : byFile.has('main.ts') ? 'main.ts' : code[code.length - 1]!.file, blocks: parts };
  });
}
