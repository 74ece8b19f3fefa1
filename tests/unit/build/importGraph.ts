// How the source's files import one another, read from their text: the static imports and
// re-exports (a dynamic import() is a chunk of its own, loaded later: no edge). Shared by the
// tests that walk the imports (menuImports: what the menu loads; importCircles: no file
// reaches itself).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The specifiers of a file's static value imports and re-exports. */
export function valueImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(?!type\b)([^;]*?)\bfrom\s+['"]([^'"]+)['"]/gms;
  for (const match of source.matchAll(statement)) found.push(match[3] as string);
  const bare = /^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(bare)) found.push(match[1] as string);
  return found;
}

/** The specifiers of a file's `import type` and `export type` statements (erased when built). */
export function typeImports(source: string): string[] {
  const statement = /^\s*(import|export)\s+type\b([^;]*?)\bfrom\s+['"]([^'"]+)['"]/gms;
  return [...source.matchAll(statement)].map((match) => match[3] as string);
}

/** The source file a relative specifier names, or null for what has no imports to follow. */
export function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return null; // CSS, JSON, ?url assets: no imports of their own to follow
}
