/** Type-checks generated or documented TypeScript the way the project compiles its own (strict). */
import * as path from 'node:path';
import ts from 'typescript';

const REPO = path.resolve(__dirname, '..', '..');

/** Strict compiler options resolving `paths` (module name -> file) against this repository. */
export function strictCompilerOptions(paths: Record<string, string[]>, extra: ts.CompilerOptions = {}): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [path.join(REPO, 'node_modules', '@types')],
    baseUrl: REPO,
    paths,
    ...extra,
  };
}

/** The compiler's messages for `files` (empty when they type-check). */
export function typeErrors(files: readonly string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram([...files], options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
