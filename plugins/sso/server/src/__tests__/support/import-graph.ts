import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

/** A module and the plugin's modules it imports, by absolute path. */
export type ImportGraph = Map<string, Import[]>;

export interface Import {
  target: string;
  /** `import type` (or only `type` names): erased by the compiler, so no load order follows. */
  typeOnly: boolean;
}

/** Every TypeScript source below `roots` that a build compiles (tests left out). */
const sourcesBelow = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => {
    const entry = path.join(directory, name);
    if (statSync(entry).isDirectory()) return name === '__tests__' ? [] : sourcesBelow(entry);
    return entry.endsWith('.ts') && !entry.endsWith('.d.ts') ? [entry] : [];
  });

/** A relative specifier resolved as the compiler does (`./x` is `./x.ts` or `./x/index.ts`). */
const resolve = (from: string, specifier: string): string | null => {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((file) => existsSync(file)) ?? null;
};

const isTypeOnly = (clause: ts.ImportClause | undefined) => {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
};

/** The relative imports and re-exports of one file; packages are outside the graph. */
const importsOf = (file: string): Import[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: Import[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(statement)) {
      specifier = statement.moduleSpecifier;
      typeOnly = isTypeOnly(statement.importClause);
    } else if (ts.isExportDeclaration(statement)) {
      specifier = statement.moduleSpecifier;
      typeOnly = statement.isTypeOnly;
    }
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const target = resolve(file, specifier.text);
    if (!target) throw new Error(`${file}: cannot resolve "${specifier.text}"`);
    found.push({ target, typeOnly });
  }
  return found;
};

/** The import graph of every source file below `roots`. */
export const importGraph = (roots: string[]): ImportGraph =>
  new Map(roots.flatMap(sourcesBelow).map((file) => [file, importsOf(file)]));

/**
 * The import cycles that matter when the modules load: groups of files that import each other
 * (strongly connected components, Tarjan's algorithm) through imports that remain in the
 * compiled JavaScript. Each group is listed as sorted paths relative to `base`.
 */
export const runtimeCycles = (graph: ImportGraph, base: string): string[][] => {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (file: string) => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const { target, typeOnly } of graph.get(file) ?? []) {
      if (typeOnly || !graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file)!, index.get(target)!));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    const importsItself = graph
      .get(file)!
      .some((entry) => !entry.typeOnly && entry.target === file);
    if (group.length > 1 || importsItself) {
      cycles.push(group.map((entry) => path.relative(base, entry)).sort());
    }
  };

  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
};
