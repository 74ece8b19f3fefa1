// No import circles in src/: no file reaches itself through its imports, value or type ones.
// A circle of values makes the order in which modules run matter (a constant read before its
// module ran is undefined, in the worker's chunk or the page's); a circle of types only means
// two files that cannot be understood one without the other. Where two files need the same
// words, those words get a file of their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLocal, typeImports, valueImports } from './importGraph';

const SOURCE = resolve('src');

/** Each file's local imports (value and type), as paths relative to src/. */
function importsOfSource(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(SOURCE, name));
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const targets = [...valueImports(source), ...typeImports(source)]
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveLocal(file, specifier))
      .filter((target): target is string => target !== null)
      .map((target) => relative(SOURCE, target));
    graph.set(relative(SOURCE, file), [...new Set(targets)]);
  }
  return graph;
}

/** One chain for each circle a depth-first walk meets, e.g. `a.ts -> b.ts -> a.ts`. */
export function circlesIn(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const circles = new Map<string, string>();
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const circle = path.slice(at);
        circles.set([...circle].sort().join(' '), [...circle, next].join(' -> '));
      } else if (!done.has(next)) {
        visit(next);
      }
    }
    path.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return [...circles.values()];
}

describe('import circles', () => {
  it('finds a circle and names its chain', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
    ]);
    expect(circlesIn(graph)).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
    expect(circlesIn(new Map([['a.ts', ['a.ts']]]))).toEqual(['a.ts -> a.ts']);
    graph.set('c.ts', ['d.ts']);
    expect(circlesIn(graph)).toEqual([]);
  });

  it('reads type imports as well as value imports', () => {
    const source = [
      "import type { A } from './typesOnly';",
      "export type { B } from './reexportedTypes';",
      "import { c, type D } from './mixed';",
    ].join('\n');
    expect(typeImports(source)).toEqual(['./typesOnly', './reexportedTypes']);
  });

  it('finds none in src/: no file reaches itself through its imports', () => {
    const graph = importsOfSource();
    // The walk read the source (a walk that read nothing would pass).
    expect(graph.get('main.ts')?.length ?? 0).toBeGreaterThan(0);
    expect(circlesIn(graph)).toEqual([]);
  });
});
