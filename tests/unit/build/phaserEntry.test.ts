// The game's Phaser is built from the parts src/phaserLite/phaser.ts picks (JS before the menu
// 407 -> 190 KiB gzip): one value import of the package itself would bring all of Phaser's
// bundle back, and a game object whose factory the entry does not load has no `scene.add`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEFT_OUT, SMALLER } from '../../../build/phaserSource';

const ENTRY = 'src/phaserLite/phaser.ts';
const PHASER_SOURCE = 'node_modules/phaser/src';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The specifiers of a file's imports that bring values (an `import type` is erased). */
function valueImports(source: string): string[] {
  const statement = /^\s*import\s+(?!type\b)(?:[^;]*?\bfrom\s+)?['"]([^'"]+)['"]/gms;
  return [...source.matchAll(statement)].map((match) => match[1] as string);
}

describe("the game's Phaser", () => {
  it('is the only file that imports values from Phaser', () => {
    const importers = sourceFiles('src').filter((file) =>
      valueImports(readFileSync(file, 'utf8')).some(
        (s) => s === 'phaser' || s.startsWith('phaser/'),
      ),
    );
    expect(importers.map((file) => relative('.', file))).toEqual([ENTRY]);
  });

  it('loads the factory of every game object that the scenes add', () => {
    const added = new Set<string>();
    for (const file of sourceFiles('src/scenes')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\.add\s*\.(\w+)\(/g)) {
        added.add(match[1] as string);
      }
    }
    expect(added.size).toBeGreaterThan(0);
    const factories = valueImports(readFileSync(ENTRY, 'utf8'))
      .filter((s) => s.endsWith('Factory'))
      .map((s) => s.slice(s.lastIndexOf('/') + 1));
    for (const kind of added) {
      expect(factories, `scene.add.${kind}`).toContain(
        `${kind[0]?.toUpperCase()}${kind.slice(1)}Factory`,
      );
    }
  });

  it('leaves out and makes smaller only modules that this Phaser has', () => {
    // After an upgrade that moved one, it would come back into the build unnoticed.
    for (const pattern of LEFT_OUT) {
      const path = join(PHASER_SOURCE, pattern.replace(/\/\*$/, ''));
      expect(existsSync(path), pattern).toBe(true);
      if (pattern.endsWith('/*')) expect(readdirSync(path).length, pattern).toBeGreaterThan(0);
    }
    for (const path of Object.keys(SMALLER)) {
      expect(existsSync(join(PHASER_SOURCE, path)), path).toBe(true);
      for (const match of (SMALLER[path] ?? '').matchAll(/require\('([^']+)'\)/g)) {
        const required = join(PHASER_SOURCE, dirname(path), match[1] as string);
        expect(
          existsSync(`${required}.js`) || existsSync(join(required, 'index.js')),
          required,
        ).toBe(true);
      }
    }
  });
});
