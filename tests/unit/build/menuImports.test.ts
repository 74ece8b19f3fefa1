// What the page loads before the menu: every module src/main.ts reaches by static value
// imports (an `import type` is erased; a dynamic import() is a chunk of its own, loaded later).
// TensorFlow.js (about 100 KiB gzip) belongs in the inference worker's chunks only: a constant
// imported from a file that also loads a model once pulled tfjs-core and tfjs-converter into
// the menu's bundle (405 -> 507 KiB gzip, `npm run bench`'s "JS before the menu").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLocal, valueImports } from './importGraph';

const ENTRY = resolve('src/main.ts');

/** Every package the entry reaches, with one chain of files that reaches it. */
function packagesReached(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const next = resolveLocal(file, specifier);
        if (next !== null) walk(next, [...chain, next]);
      } else if (!packages.has(specifier)) {
        packages.set(
          specifier,
          chain.map((f) => f.slice(resolve('src').length + 1)),
        );
      }
    }
  };
  walk(entry, [entry]);
  return packages;
}

describe('the page before the menu', () => {
  it('reads value imports, not type imports', () => {
    const source = [
      "import type { A } from './typesOnly';",
      "import { b, type C } from './mixed';",
      'import {\n  d,\n  e,\n} from "./multiLine";',
      "export { f } from './reexported';",
      "import './styles.css';",
      "const later = import('./lazy');",
    ].join('\n');
    expect(valueImports(source).sort()).toEqual(
      ['./mixed', './multiLine', './reexported', './styles.css'].sort(),
    );
  });

  it('loads no TensorFlow.js: the models load in the inference worker', () => {
    const packages = packagesReached(ENTRY);
    const tensorflow = [...packages.entries()]
      .filter(([name]) => name.startsWith('@tensorflow'))
      .map(([name, chain]) => `${name} via ${chain.join(' -> ')}`);
    expect(tensorflow).toEqual([]);
    // The walk did reach the game's own packages (a walk that read nothing would pass): Phaser,
    // as the modules of its source that src/phaserLite/phaser.ts picks.
    expect(packages.has('phaser/src/core/Game')).toBe(true);
  });
});
