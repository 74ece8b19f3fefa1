import { describe, expect, it } from 'vitest';
import { DwellTimer } from '../../../src/handsFree/dwellTimer';

/** Feeds `held` every 50 ms from `from` to `to` (inclusive); returns the times it completed. */
function feed(timer: DwellTimer, held: boolean, from: number, to: number): number[] {
  const fired: number[] = [];
  for (let t = from; t <= to; t += 50) if (timer.update(held, t)) fired.push(t);
  return fired;
}

describe('DwellTimer', () => {
  it('fills while the pose is held and chooses after one second, not before', () => {
    const timer = new DwellTimer();
    feed(timer, false, 0, 100);
    expect(feed(timer, true, 150, 900)).toEqual([]);
    expect(timer.fill).toBeCloseTo(0.75);
    expect(feed(timer, true, 950, 1200)).toEqual([1150]);
    expect(timer.fill).toBe(0);
  });

  it('empties when the pose is let go, twice as fast as it filled', () => {
    const timer = new DwellTimer();
    feed(timer, false, 0, 0);
    feed(timer, true, 50, 650);
    expect(timer.fill).toBeCloseTo(0.6);
    feed(timer, false, 700, 800);
    expect(timer.fill).toBeCloseTo(0.3);
    feed(timer, false, 850, 2000);
    expect(timer.fill).toBe(0);
    // A glance at the pose never adds up to a choice.
    for (let t = 2050; t < 10_000; t += 400) {
      expect(timer.update(true, t)).toBe(false);
      expect(timer.update(false, t + 200)).toBe(false);
    }
  });

  it('does not choose for a pose already held when it starts, nor again without a let-go', () => {
    const timer = new DwellTimer();
    expect(feed(timer, true, 0, 3000)).toEqual([]);
    expect(timer.fill).toBe(0);
    feed(timer, false, 3050, 3050);
    expect(feed(timer, true, 3100, 6000)).toEqual([4100]);
  });

  it('can be emptied and disarmed by its screen', () => {
    const timer = new DwellTimer(500);
    feed(timer, false, 0, 0);
    feed(timer, true, 50, 300);
    timer.empty();
    expect(timer.fill).toBe(0);
    expect(timer.isArmed).toBe(true);
    timer.empty(true);
    expect(feed(timer, true, 350, 2000)).toEqual([]);
  });
});
