import { describe, expect, it } from 'vitest';
import { levelSpec, pixelsPerTick } from '../../../src/game/levelTable';
import { fruitFor, fruitShelf } from '../../../src/game/fruit';

describe('level table', () => {
  it('turns 100% into 1.26262627 pixels a tick', () => {
    expect(pixelsPerTick(100)).toBeCloseTo(1.26262627, 8);
    expect(pixelsPerTick(80)).toBeCloseTo(1.01010101, 7);
  });

  it('gives the hero and ghost speeds per level', () => {
    const speeds = (level: number) => {
      const s = levelSpec(level);
      return [s.heroSpeed, s.heroFrightSpeed, s.ghostSpeed, s.ghostFrightSpeed, s.ghostTunnelSpeed];
    };
    expect(speeds(1)).toEqual([80, 90, 75, 50, 40]);
    expect(speeds(2)).toEqual([90, 95, 85, 55, 45]);
    expect(speeds(4)).toEqual([90, 95, 85, 55, 45]);
    expect(speeds(5)).toEqual([100, 100, 95, 60, 50]);
    expect(speeds(20)).toEqual([100, 100, 95, 60, 50]);
    expect(speeds(21)[0]).toBe(90);
    expect(speeds(255)[0]).toBe(90);
  });

  it('gives each level its fruit and points, the key from level 13 on', () => {
    const table = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 40].map((l) => fruitFor(l));
    expect(table.map((f) => f.kind)).toEqual([
      'cherry', 'strawberry', 'orange', 'orange', 'apple', 'apple', 'melon', 'melon',
      'starship', 'starship', 'bell', 'bell', 'key', 'key',
    ]); // prettier-ignore
    expect(table.map((f) => f.points)).toEqual([
      100, 300, 500, 500, 700, 700, 1000, 1000, 2000, 2000, 3000, 3000, 5000, 5000,
    ]);
  });

  it('keeps at most seven fruits on the shelf, newest last', () => {
    expect(fruitShelf(1)).toEqual(['cherry']);
    expect(fruitShelf(3)).toEqual(['cherry', 'strawberry', 'orange']);
    const shelf = fruitShelf(9);
    expect(shelf).toHaveLength(7);
    expect(shelf[0]).toBe('orange');
    expect(shelf[6]).toBe('starship');
  });
});
