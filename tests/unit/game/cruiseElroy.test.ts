import { describe, expect, it } from 'vitest';
import { elroyLevel, elroySpeed } from '../../../src/game/cruiseElroy';

describe('Cruise Elroy', () => {
  it('starts at the level threshold and doubles up at half of it', () => {
    const thresholds: Record<number, number> = {
      1: 20, 2: 30, 3: 40, 5: 40, 6: 50, 8: 50, 9: 60, 11: 60, 12: 80, 14: 80, 15: 100,
      18: 100, 19: 120, 40: 120,
    }; // prettier-ignore
    for (const [level, dots] of Object.entries(thresholds)) {
      const l = Number(level);
      expect(elroyLevel(l, dots + 1), `level ${l}`).toBe(0);
      expect(elroyLevel(l, dots), `level ${l}`).toBe(1);
      expect(elroyLevel(l, dots / 2 + 1), `level ${l}`).toBe(1);
      expect(elroyLevel(l, dots / 2), `level ${l}`).toBe(2);
      expect(elroyLevel(l, 0), `level ${l}`).toBe(2);
    }
  });

  it('has the Elroy speeds per level', () => {
    expect([0, 1, 2].map((e) => elroySpeed(1, e as 0 | 1 | 2))).toEqual([75, 80, 85]);
    expect([0, 1, 2].map((e) => elroySpeed(3, e as 0 | 1 | 2))).toEqual([85, 90, 95]);
    expect([0, 1, 2].map((e) => elroySpeed(7, e as 0 | 1 | 2))).toEqual([95, 100, 105]);
  });
});
