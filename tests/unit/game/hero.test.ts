import { describe, expect, it } from 'vitest';
import { CLASSIC_MAZE } from '../../../src/game/classicMaze';
import type { Direction } from '../../../src/game/direction';
import { Hero, moveHero } from '../../../src/game/hero';
import { parseMaze } from '../../../src/game/maze';
import { playingWorld, parkGhosts, placeHero } from './helpers';

const maze = parseMaze(CLASSIC_MAZE);

function heroAt(x: number, y: number, direction: Direction): Hero {
  const hero = new Hero();
  hero.x = x;
  hero.y = y;
  hero.direction = direction;
  return hero;
}

describe('hero movement', () => {
  it('starts between (13,23) and (14,23) facing left', () => {
    const hero = new Hero();
    expect([hero.x, hero.y, hero.direction]).toEqual([112, 188, 'left']);
  });

  it('moves whole pixels, carrying the fraction over', () => {
    const hero = heroAt(212, 236, 'left'); // row 29: a long corridor
    const steps = Array.from({ length: 8 }, () => moveHero(hero, maze, null, 1.25));
    expect(steps).toEqual([1, 1, 1, 2, 1, 1, 1, 2]);
    expect(hero.x).toBe(202);
  });

  it('stops at the centre of a tile facing a wall, and stops chomping', () => {
    // (6,23) has a wall to its left.
    const hero = heroAt(60, 188, 'left');
    for (let t = 0; t < 20; t++) moveHero(hero, maze, null, 1);
    expect([hero.x, hero.y]).toEqual([52, 188]);
    expect(hero.moving).toBe(false);
  });

  it('reverses at once, anywhere', () => {
    const hero = heroAt(110, 188, 'left');
    moveHero(hero, maze, 'right', 1);
    expect([hero.x, hero.direction]).toEqual([111, 'right']);
  });

  it('keeps a turn request until the corridor opens', () => {
    // Moving left along row 23: the first opening upward is column 12.
    const hero = heroAt(116, 188, 'left');
    for (let t = 0; t < 13; t++) moveHero(hero, maze, 'up', 1);
    expect([hero.x, hero.y, hero.direction]).toEqual([103, 188, 'left']);
    moveHero(hero, maze, 'up', 1);
    expect(hero.direction).toBe('up');
  });

  it('will not enter the ghost-house door', () => {
    const hero = heroAt(108, 92, 'left'); // (13,11), above the door
    for (let t = 0; t < 8; t++) moveHero(hero, maze, 'down', 1);
    expect(hero.y).toBe(92);
  });

  it('gains distance by cornering: an early request passes the corner sooner', () => {
    /** Ticks for the hero from (116,188) moving left to reach y <= 172 up column 12. */
    const ticksToClimb = (early: boolean) => {
      const hero = heroAt(116, 188, 'left');
      for (let t = 1; t < 100; t++) {
        const atCentre = hero.x === 100;
        moveHero(hero, maze, early || atCentre || hero.direction === 'up' ? 'up' : null, 1);
        if (hero.y <= 172) return t;
      }
      return Infinity;
    };
    const early = ticksToClimb(true);
    const atCentre = ticksToClimb(false);
    expect(atCentre).toBe(32); // 16 px to the centre, then 16 px up
    expect(early).toBe(29); // turns 3 px before the centre and cuts the corner diagonally
  });

  it('cuts the corner diagonally, ending on the new corridor centre line', () => {
    const hero = heroAt(103, 188, 'left');
    const path: string[] = [];
    for (let t = 0; t < 4; t++) {
      moveHero(hero, maze, 'up', 1);
      path.push(`${hero.x},${hero.y}`);
    }
    expect(path).toEqual(['102,187', '101,186', '100,185', '100,184']);
  });

  it('post-turns after the centre too, coming back to the centre line', () => {
    const hero = heroAt(98, 188, 'left'); // 2 px past the centre of (12,23)
    moveHero(hero, maze, 'up', 1);
    moveHero(hero, maze, 'up', 1);
    moveHero(hero, maze, 'up', 1);
    expect([hero.x, hero.y, hero.direction]).toEqual([100, 185, 'up']);
  });

  it('wraps through the tunnel', () => {
    const hero = heroAt(4, 116, 'left');
    for (let t = 0; t < 5; t++) moveHero(hero, maze, null, 1);
    expect(hero.x).toBe(223);
    const back = heroAt(220, 116, 'right');
    for (let t = 0; t < 5; t++) moveHero(back, maze, null, 1);
    expect(back.x).toBe(1);
  });
});

describe('hero eating pauses', () => {
  it('stands still 1 tick after a dot and 3 ticks after an energizer', () => {
    const world = playingWorld();
    parkGhosts(world);
    // Along row 23 the dot of (12,23) comes after 1 px; then the energizer of (1,23).
    const xs: number[] = [];
    const events: string[] = [];
    placeHero(world, 13, 23, 'left');
    world.pellets.remove(13, 23);
    for (let t = 0; t < 12; t++) {
      events.push(...world.step(null).map((e) => e.type));
      xs.push(world.hero.x);
    }
    const ate = xs.findIndex((x) => x <= 103);
    expect(events[0]).toBe('dotEaten');
    expect(xs[ate + 1]).toBe(xs[ate]); // paused
    expect(xs[ate + 2]).toBeLessThan(xs[ate] as number);

    placeHero(world, 3, 23, 'left'); // (2,23) dot, (1,23) energizer
    const log: string[] = [];
    for (let t = 0; t < 30; t++) {
      const types = world.step(null).map((e) => e.type);
      log.push(`${world.hero.x}${types.includes('energizerEaten') ? '*' : ''}`);
    }
    const i = log.findIndex((s) => s.endsWith('*'));
    expect(i).toBeGreaterThan(0);
    const x = log[i]?.replace('*', '');
    expect(log.slice(i + 1, i + 4)).toEqual([x, x, x]);
    expect(log[i + 4]).not.toBe(x);
  });
});
