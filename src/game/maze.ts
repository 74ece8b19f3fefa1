/**
 * The maze as the rules see it: what each tile is, who may walk where, and where the dots
 * started. The dots themselves are eaten on a Pellets board (pellets.ts); the maze never changes.
 */
import type { MazeView, TileKind } from './types';

/** Where the dots and energizers are when a level starts. */
export type PelletKind = 'dot' | 'energizer';

const KIND_OF_CHARACTER: Readonly<Record<string, TileKind>> = {
  '#': 'wall',
  '.': 'path',
  o: 'path',
  ' ': 'path',
  t: 'tunnel',
  '-': 'door',
  H: 'house',
  x: 'void',
};

export class Maze implements MazeView {
  readonly width: number;
  readonly height: number;
  private readonly kinds: readonly TileKind[];
  private readonly pellets: readonly (PelletKind | null)[];

  constructor(rows: readonly string[]) {
    this.height = rows.length;
    this.width = rows[0]?.length ?? 0;
    const kinds: TileKind[] = [];
    const pellets: (PelletKind | null)[] = [];
    for (const row of rows) {
      for (const ch of row) {
        kinds.push(KIND_OF_CHARACTER[ch] ?? 'void');
        pellets.push(ch === '.' ? 'dot' : ch === 'o' ? 'energizer' : null);
      }
    }
    this.kinds = kinds;
    this.pellets = pellets;
  }

  /** Outside the maze is void, except straight out of a tunnel's end, which is more tunnel. */
  kindAt(tx: number, ty: number): TileKind {
    if (ty < 0 || ty >= this.height) return 'void';
    if (tx < 0 || tx >= this.width) {
      const edge = this.kinds[ty * this.width + (tx < 0 ? 0 : this.width - 1)];
      return edge === 'tunnel' ? 'tunnel' : 'void';
    }
    return this.kinds[ty * this.width + tx] ?? 'void';
  }

  /** The hero and roaming ghosts walk corridors and tunnels only: never the door or the house. */
  isCorridor(tx: number, ty: number): boolean {
    const kind = this.kindAt(tx, ty);
    return kind === 'path' || kind === 'tunnel';
  }

  isTunnel(tx: number, ty: number): boolean {
    return this.kindAt(tx, ty) === 'tunnel';
  }

  /** The pellet a tile starts a level with. */
  pelletAt(tx: number, ty: number): PelletKind | null {
    if (tx < 0 || ty < 0 || tx >= this.width || ty >= this.height) return null;
    return this.pellets[ty * this.width + tx] ?? null;
  }
}

/**
 * Reads the maze text (legend in classicMaze.ts). Blank lines before and after are ignored;
 * rows of different lengths or unknown characters are an error.
 */
export function parseMaze(text: string): Maze {
  const rows = text.split(/\r?\n/);
  while (rows.length > 0 && rows[0]?.trim() === '') rows.shift();
  while (rows.length > 0 && rows[rows.length - 1]?.trim() === '') rows.pop();
  if (rows.length === 0) throw new Error('parseMaze: the maze text has no rows');
  const width = rows[0]?.length ?? 0;
  rows.forEach((row, y) => {
    if (row.length !== width) {
      throw new Error(`parseMaze: row ${y} has ${row.length} tiles, expected ${width}`);
    }
    for (let x = 0; x < row.length; x++) {
      const ch = row.charAt(x);
      if (!(ch in KIND_OF_CHARACTER)) {
        throw new Error(`parseMaze: unknown character '${ch}' at column ${x}, row ${y}`);
      }
    }
  });
  return new Maze(rows);
}
