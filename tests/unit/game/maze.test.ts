import { describe, expect, it } from 'vitest';
import { CLASSIC_MAZE } from '../../../src/game/classicMaze';
import { parseMaze } from '../../../src/game/maze';
import { Pellets } from '../../../src/game/pellets';

describe('parseMaze', () => {
  const maze = parseMaze(CLASSIC_MAZE);

  it('reads the classic maze: 28 x 31 tiles, 240 dots and 4 energizers', () => {
    expect(maze.width).toBe(28);
    expect(maze.height).toBe(31);
    let dots = 0;
    let energizers = 0;
    for (let ty = 0; ty < 31; ty++) {
      for (let tx = 0; tx < 28; tx++) {
        if (maze.pelletAt(tx, ty) === 'dot') dots++;
        if (maze.pelletAt(tx, ty) === 'energizer') energizers++;
      }
    }
    expect(dots).toBe(240);
    expect(energizers).toBe(4);
    expect(new Pellets(maze).count).toBe(244);
  });

  it('knows the door, the house, walls, corridors and void', () => {
    expect(maze.kindAt(13, 12)).toBe('door');
    expect(maze.kindAt(14, 12)).toBe('door');
    expect(maze.kindAt(11, 13)).toBe('house');
    expect(maze.kindAt(16, 15)).toBe('house');
    expect(maze.kindAt(0, 0)).toBe('wall');
    expect(maze.kindAt(1, 1)).toBe('path');
    expect(maze.kindAt(13, 23)).toBe('path');
    expect(maze.kindAt(0, 10)).toBe('void');
    expect(maze.kindAt(5, 40)).toBe('void');
    expect(maze.isCorridor(13, 12)).toBe(false);
  });

  it('counts the tunnel and what lies beyond its ends as tunnel, other edges as void', () => {
    for (const tx of [0, 5, 22, 27, -1, -3, 28, 30]) expect(maze.kindAt(tx, 14)).toBe('tunnel');
    expect(maze.kindAt(6, 14)).toBe('path');
    expect(maze.kindAt(-1, 13)).toBe('void');
    expect(maze.kindAt(28, 1)).toBe('void');
  });

  it('ignores blank lines around the text', () => {
    expect(parseMaze('\n\n#.#\n# #\n\n').height).toBe(2);
  });

  it('rejects ragged rows and unknown characters with a clear message', () => {
    expect(() => parseMaze('###\n##\n')).toThrow(/row 1 has 2 tiles, expected 3/);
    expect(() => parseMaze('#?#\n')).toThrow(/unknown character '\?' at column 1, row 0/);
    expect(() => parseMaze('\n \n')).toThrow(/no rows/);
  });
});

describe('Pellets', () => {
  it('eats each pellet once and refills for a new level', () => {
    const pellets = new Pellets(parseMaze(CLASSIC_MAZE));
    expect(pellets.eat(1, 3)).toBe('energizer');
    expect(pellets.eat(1, 3)).toBeNull();
    expect(pellets.eat(1, 1)).toBe('dot');
    expect(pellets.eat(0, 0)).toBeNull();
    expect(pellets.count).toBe(242);
    pellets.refill();
    expect(pellets.count).toBe(244);
    expect(pellets.at(1, 3)).toBe('energizer');
  });
});
