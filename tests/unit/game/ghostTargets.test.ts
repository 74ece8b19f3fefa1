import { describe, expect, it } from 'vitest';
import { chaseTarget, SCATTER_CORNERS } from '../../../src/game/ghostTargets';
import type { HeroPose } from '../../../src/game/ghostTargets';

const hero = (tx: number, ty: number, direction: HeroPose['direction']): HeroPose => ({
  tile: { tx, ty },
  direction,
});
const far = { tx: 1, ty: 1 };

describe('chase targets', () => {
  it('blinky aims at the hero tile', () => {
    expect(chaseTarget('blinky', far, hero(10, 20, 'left'), far)).toEqual({ tx: 10, ty: 20 });
  });

  it('pinky aims four tiles ahead of the hero', () => {
    expect(chaseTarget('pinky', far, hero(10, 20, 'left'), far)).toEqual({ tx: 6, ty: 20 });
    expect(chaseTarget('pinky', far, hero(10, 20, 'right'), far)).toEqual({ tx: 14, ty: 20 });
    expect(chaseTarget('pinky', far, hero(10, 20, 'down'), far)).toEqual({ tx: 10, ty: 24 });
  });

  it('pinky, hero facing up: four up AND four left (overflow quirk)', () => {
    expect(chaseTarget('pinky', far, hero(10, 20, 'up'), far)).toEqual({ tx: 6, ty: 16 });
  });

  it('inky doubles the vector from blinky to two tiles ahead of the hero', () => {
    // Two ahead of (10,20) facing right is (12,20); blinky at (8,17): 2*(12,20)-(8,17) = (16,23).
    expect(chaseTarget('inky', far, hero(10, 20, 'right'), { tx: 8, ty: 17 })).toEqual({
      tx: 16,
      ty: 23,
    });
  });

  it('inky, hero facing up: the pivot is two up and two left', () => {
    // Pivot (8,18); blinky at (10,25): 2*(8,18)-(10,25) = (6,11).
    expect(chaseTarget('inky', far, hero(10, 20, 'up'), { tx: 10, ty: 25 })).toEqual({
      tx: 6,
      ty: 11,
    });
  });

  it('clyde chases from 8 tiles away or more, and retreats to his corner when closer', () => {
    const h = hero(10, 20, 'left');
    expect(chaseTarget('clyde', { tx: 10, ty: 12 }, h, far)).toEqual({ tx: 10, ty: 20 }); // 64
    expect(chaseTarget('clyde', { tx: 2, ty: 19 }, h, far)).toEqual({ tx: 10, ty: 20 }); // 65
    expect(chaseTarget('clyde', { tx: 10, ty: 13 }, h, far)).toEqual(SCATTER_CORNERS.clyde); // 49
    expect(chaseTarget('clyde', { tx: 4, ty: 24 }, h, far)).toEqual(SCATTER_CORNERS.clyde); // 52
  });

  it('puts the scatter corners outside the maze, blinky and pinky above it', () => {
    expect(SCATTER_CORNERS).toEqual({
      blinky: { tx: 25, ty: -3 },
      pinky: { tx: 2, ty: -3 },
      inky: { tx: 27, ty: 32 },
      clyde: { tx: 0, ty: 32 },
    });
  });
});
