import { describe, expect, it } from 'vitest';
import type { HouseGhost } from '../../../src/game/ghostHouse';
import { GhostHouse, idleLimitTicks, personalDotLimit } from '../../../src/game/ghostHouse';
import type { GhostName } from '../../../src/game/types';

/** A house with its waiting ghosts; dots and ticks return who got out, in order. */
function houseScenario(level: number) {
  const house = new GhostHouse(level);
  const inside = new Set<GhostName>(['pinky', 'inky', 'clyde']);
  const waiting = (g: GhostName) => inside.has(g);
  const out: string[] = [];
  const leave = (g: HouseGhost | null, when: string) => {
    if (g) {
      inside.delete(g);
      out.push(`${g}@${when}`);
    }
  };
  return {
    house,
    inside,
    out,
    /** One tick in which the hero eats `dots` (0 or 1). */
    tick(label: string, ate = true) {
      if (ate) leave(house.dotEaten(waiting), label);
      leave(house.tick(waiting, ate), label);
    },
  };
}

describe('ghost house: personal dot counters', () => {
  it('has the Dossier limits', () => {
    const limits = (l: number) =>
      (['pinky', 'inky', 'clyde'] as const).map((g) => personalDotLimit(l, g));
    expect(limits(1)).toEqual([0, 30, 60]);
    expect(limits(2)).toEqual([0, 0, 50]);
    expect(limits(3)).toEqual([0, 0, 0]);
    expect(limits(9)).toEqual([0, 0, 0]);
  });

  it('level 1: pinky at once, inky after 30 dots, clyde after 60 more', () => {
    const s = houseScenario(1);
    s.tick('start', false);
    expect(s.out).toEqual(['pinky@start']);
    for (let dot = 1; dot <= 100; dot++) s.tick(`dot${dot}`);
    expect(s.out).toEqual(['pinky@start', 'inky@dot30', 'clyde@dot90']);
  });

  it('level 2: inky at once after pinky, clyde after 50 dots', () => {
    const s = houseScenario(2);
    s.tick('t1', false);
    s.tick('t2', false);
    for (let dot = 1; dot <= 60; dot++) s.tick(`dot${dot}`);
    expect(s.out).toEqual(['pinky@t1', 'inky@t2', 'clyde@dot50']);
  });

  it('only the preferred ghost counts', () => {
    const s = houseScenario(1);
    s.tick('start', false);
    for (let dot = 1; dot <= 10; dot++) s.tick(`dot${dot}`);
    expect(s.house.personal).toEqual({ pinky: 0, inky: 10, clyde: 0 });
  });
});

describe('ghost house: global counter after a lost life', () => {
  it('lets pinky out at 7, inky at 17, and switches off at 32 if clyde still waits', () => {
    const s = houseScenario(1);
    s.house.personal.clyde = 55;
    s.house.lifeLost();
    for (let dot = 1; dot <= 40; dot++) s.tick(`dot${dot}`);
    // Clyde still inside at 32: the global counter is off, his personal counter resumes
    // (55 -> 60 after five more dots).
    expect(s.out).toEqual(['pinky@dot7', 'inky@dot17', 'clyde@dot37']);
    expect(s.house.globalActive).toBe(false);
  });

  it('stays on past 32 when clyde has already left', () => {
    const s = houseScenario(3);
    s.house.lifeLost();
    s.inside.delete('clyde');
    for (let dot = 1; dot <= 40; dot++) s.tick(`dot${dot}`);
    expect(s.out).toEqual(['pinky@dot7', 'inky@dot17']);
    expect(s.house.globalActive).toBe(true);
    expect(s.house.global).toBe(40);
  });

  it('holds pinky back even on level 3, where personal limits are zero', () => {
    const s = houseScenario(3);
    s.house.lifeLost();
    for (let t = 0; t < 100; t++) s.tick(`t${t}`, false);
    expect(s.out).toEqual([]);
  });

  it('is switched off again by a new level', () => {
    const s = houseScenario(1);
    s.house.lifeLost();
    s.house.startLevel(2);
    expect(s.house.globalActive).toBe(false);
    s.tick('t', false);
    expect(s.out).toEqual(['pinky@t']);
  });
});

describe('ghost house: idle timer', () => {
  it('lets the preferred ghost out after 4 s without a dot (levels 1-4), then restarts', () => {
    expect(idleLimitTicks(1)).toBe(240);
    expect(idleLimitTicks(4)).toBe(240);
    const s = houseScenario(1);
    s.tick('start', false); // pinky
    s.tick('dot'); // timer back to 0
    for (let t = 1; t <= 500; t++) s.tick(`idle${t}`, false);
    expect(s.out).toEqual(['pinky@start', 'inky@idle240', 'clyde@idle480']);
  });

  it('is 3 s from level 5, and is reset by each dot', () => {
    expect(idleLimitTicks(5)).toBe(180);
    const s = houseScenario(5);
    s.house.lifeLost(); // global counter on: only the idle timer can let pinky out early
    for (let t = 1; t <= 179; t++) s.tick(`a${t}`, false);
    s.tick('dot');
    for (let t = 1; t <= 180; t++) s.tick(`b${t}`, false);
    expect(s.out).toEqual(['pinky@b180']);
  });
});
