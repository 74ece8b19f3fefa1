import { describe, expect, it } from 'vitest';
import { ghostPoints, Score } from '../../../src/game/scoring';

describe('scoring', () => {
  it('doubles the ghost points per energizer: 200, 400, 800, 1600', () => {
    expect([0, 1, 2, 3].map(ghostPoints)).toEqual([200, 400, 800, 1600]);
  });

  it('gives one extra life when passing 10,000, exactly once', () => {
    const score = new Score();
    expect(score.add(9_990)).toBe(false);
    expect(score.add(10)).toBe(true);
    expect(score.points).toBe(10_000);
    expect(score.add(10_000)).toBe(false);
    expect(score.add(50)).toBe(false);
  });
});
