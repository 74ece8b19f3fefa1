import { describe, expect, it } from 'vitest';
import { frightFlashes, frightLook, FrightTimer, frightTicks } from '../../../src/game/fright';
import type { GhostLook } from '../../../src/game/types';

describe('frightened time', () => {
  it('follows the level table (seconds and flashes)', () => {
    const table = Array.from({ length: 21 }, (_, i) => [
      frightTicks(i + 1) / 60,
      frightFlashes(i + 1),
    ]);
    expect(table).toEqual([
      [6, 5], [5, 5], [4, 5], [3, 5], [2, 5], [5, 5], [2, 5], [2, 5], [1, 3], [5, 5], [2, 5],
      [1, 3], [1, 3], [3, 5], [1, 3], [1, 3], [0, 0], [1, 3], [0, 0], [0, 0], [0, 0],
    ]); // prettier-ignore
  });

  it('flashes 14 ticks white then 14 blue, five times in the last 140 ticks of level 1', () => {
    const looks: GhostLook[] = [];
    const timer = new FrightTimer();
    timer.start(1);
    expect(timer.ticksLeft).toBe(360);
    let ended = 0;
    while (timer.active) {
      if (timer.advance()) ended++;
      if (timer.active) looks.push(frightLook(1, timer.ticksLeft));
    }
    expect(ended).toBe(1);
    expect(looks).toHaveLength(359);
    const firstFlash = looks.indexOf('flashing');
    expect(looks.length - firstFlash).toBe(140);
    expect(looks.slice(0, firstFlash).every((l) => l === 'frightened')).toBe(true);
    // The sequence of runs: (14 flashing, 14 frightened) x 5.
    const runs: string[] = [];
    for (const look of looks.slice(firstFlash)) {
      const last = runs[runs.length - 1];
      if (last?.startsWith(look))
        runs[runs.length - 1] = `${look}:${Number(last.split(':')[1]) + 1}`;
      else runs.push(`${look}:1`);
    }
    expect(runs).toEqual(Array.from({ length: 5 }, () => ['flashing:14', 'frightened:14']).flat());
  });

  it('flashes three times on level 9', () => {
    expect(frightLook(9, 60)).toBe('frightened');
    expect(frightLook(9, 56)).toBe('flashing');
    expect(frightLook(9, 42)).toBe('frightened');
    expect(frightLook(9, 28)).toBe('flashing');
    expect(frightLook(9, 14)).toBe('frightened');
  });

  it('never flashes while more than the flash window remains', () => {
    expect(frightLook(2, 300)).toBe('frightened');
    expect(frightLook(2, 141)).toBe('frightened');
    expect(frightLook(2, 140)).toBe('flashing');
  });
});
