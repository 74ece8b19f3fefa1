import { describe, expect, it } from 'vitest';
import { CLASSIC_MAZE } from '../../../src/game/classicMaze';
import type { Direction } from '../../../src/game/direction';
import { parseMaze } from '../../../src/game/maze';
import {
  chooseDirection,
  frightenedDirection,
  inRedZone,
  openWays,
} from '../../../src/game/ghostSteering';
import { mulberry32 } from '../../../src/game/random';

const maze = parseMaze(CLASSIC_MAZE);
// A plus-shaped crossing in the middle of a 5 x 5 box.
const cross = parseMaze(`
## ##
## ##
     
## ##
## ##
`);
const centre = { tx: 2, ty: 2 };
const normal = { redZones: true };

describe('chooseDirection', () => {
  it('takes the open way whose next tile is nearest the target', () => {
    expect(chooseDirection(cross, centre, 'left', { tx: 2, ty: -10 }, normal)).toBe('up');
    expect(chooseDirection(cross, centre, 'left', { tx: -10, ty: 2 }, normal)).toBe('left');
    expect(chooseDirection(cross, centre, 'left', { tx: 2, ty: 30 }, normal)).toBe('down');
  });

  it('never turns straight back, even toward the target', () => {
    expect(chooseDirection(cross, centre, 'left', { tx: 30, ty: 2 }, normal)).not.toBe('right');
  });

  it('breaks ties up, then left, then down, then right', () => {
    // Target on the diagonal: up (2,1) and left (1,2) are equally far from (0,0).
    expect(chooseDirection(cross, centre, 'down', { tx: 0, ty: 0 }, normal)).toBe('left');
    expect(chooseDirection(cross, centre, 'right', { tx: 0, ty: 0 }, normal)).toBe('up');
    // Down (2,3) and right (3,2) tie for (4,4): down wins.
    expect(chooseDirection(cross, centre, 'left', { tx: 4, ty: 4 }, normal)).toBe('down');
    // Target on the crossing itself: every open way is 1 away, so priority decides.
    expect(chooseDirection(cross, centre, 'down', centre, normal)).toBe('left');
    expect(chooseDirection(cross, centre, 'left', centre, normal)).toBe('up');
  });

  it('uses squared Euclidean distance, not steps', () => {
    // From (2,2) heading down: left (1,2) vs right (3,2) vs down (2,3) toward (4,5):
    // left 9+9=18, right 1+9=10, down 4+4=8 -> down.
    expect(chooseDirection(cross, centre, 'down', { tx: 4, ty: 5 }, normal)).toBe('down');
  });

  it('does not walk through walls, the door or the house', () => {
    // Above the door (13,11) heading left, target inside the house: down is the door.
    const way = chooseDirection(maze, { tx: 13, ty: 11 }, 'left', { tx: 13, ty: 14 }, normal);
    expect(way).toBe('left');
  });
});

describe('red zones', () => {
  it('are the four tiles above the house and above the hero start', () => {
    expect([11, 12, 13, 14, 15, 16].map((tx) => inRedZone({ tx, ty: 11 }))).toEqual([
      false, true, true, true, true, false,
    ]); // prettier-ignore
    expect(inRedZone({ tx: 12, ty: 23 })).toBe(true);
    expect(inRedZone({ tx: 12, ty: 22 })).toBe(false);
  });

  it('forbid turning up in scatter and chase, but not when frightened', () => {
    const above = { tx: 12, ty: -20 };
    // (12,11) opens up to (12,10): a chasing ghost must keep going.
    expect(chooseDirection(maze, { tx: 12, ty: 11 }, 'left', above, normal)).toBe('left');
    expect(chooseDirection(maze, { tx: 12, ty: 11 }, 'left', above, { redZones: false })).toBe(
      'up',
    );
    expect(chooseDirection(maze, { tx: 15, ty: 23 }, 'right', above, normal)).toBe('right');
    expect(openWays(maze, { tx: 12, ty: 23 }, 'right', false)).toContain('up');
    // Frightened ghosts are free to go up there.
    const ups = new Set<Direction>();
    const random = mulberry32(5);
    for (let i = 0; i < 50; i++)
      ups.add(frightenedDirection(maze, { tx: 12, ty: 11 }, 'left', random));
    expect(ups.has('up')).toBe(true);
  });
});

describe('frightened turns', () => {
  it('draw from the seeded generator and repeat with the same seed', () => {
    const draw = (seed: number) => {
      const random = mulberry32(seed);
      return Array.from({ length: 30 }, () => frightenedDirection(cross, centre, 'left', random));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7)).not.toContain('right');
    expect(new Set(draw(7)).size).toBe(3);
  });

  it('move on to the next way in the order up, left, down, right when blocked or reverse', () => {
    const fixed = (value: number) => () => value;
    // At (1,1) of the classic maze heading left, a draw of 'up' (wall) moves on past 'left'
    // (wall) to 'down'.
    expect(frightenedDirection(maze, { tx: 1, ty: 1 }, 'left', fixed(0))).toBe('down');
    // Heading down at (2,2) of the cross: a draw of 'up' (reverse) moves on to 'left'.
    expect(frightenedDirection(cross, centre, 'down', fixed(0))).toBe('left');
    // A draw of 'right' (index 3) is taken when open, and wraps around to 'up' when not.
    expect(frightenedDirection(maze, { tx: 1, ty: 5 }, 'up', fixed(0.9))).toBe('right');
    expect(frightenedDirection(maze, { tx: 26, ty: 5 }, 'up', fixed(0.9))).toBe('up');
  });
});
