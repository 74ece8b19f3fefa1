import { describe, expect, it } from 'vitest';
import type { SpeedReport } from '../../../bench/browser/speed';
import { phoneGoals } from '../../../bench/goals';

/** A speed run with only what issue 28's goals read. */
function run(
  cpuThrottle: number,
  figures: {
    frames: number;
    frameP50: number;
    reactionP50: number;
    reactionP95: number;
    coldMs: number;
  },
): SpeedReport {
  const reaction = {
    changes: 10,
    framesP50: figures.reactionP50,
    framesP95: figures.reactionP95,
    msP50: figures.reactionP50 * 33,
    msP95: figures.reactionP95 * 33,
    missed: 0,
  };
  return {
    cpuThrottle,
    firstPredictionMs: { cold: figures.coldMs, cached: figures.coldMs / 2 },
    frameHeadOff: { p50: 16.7, p95: 17, max: 20, count: 100 },
    reaction,
    games: [
      {
        backend: 'wasm',
        loop: {
          backend: 'wasm',
          msP50: 30,
          msP95: 40,
          predictionsPerSecond: figures.frames,
          distinctFramesPerSecond: figures.frames,
          frameP50: figures.frameP50,
          frameP95: figures.frameP50 * 2,
          frameMax: 100,
          tensorsStart: 1,
          tensorsEnd: 1,
          seconds: 120,
        },
      },
    ],
  } as unknown as SpeedReport;
}

describe("issue 28's goals in the bench", () => {
  const good = { frames: 20, frameP50: 16.7, reactionP50: 4, reactionP95: 7, coldMs: 3000 };

  it('reads the throttled goals on the 4x run and the reaction goal on the unthrottled one', () => {
    const slow = { frames: 12, frameP50: 40, reactionP50: 9, reactionP95: 14, coldMs: 5000 };
    const met = phoneGoals([run(1, slow), run(4, good)]).map((g) => g.met);
    // The 4x run meets its four; the unthrottled run's reaction (9 / 14 frames) misses.
    expect(met).toEqual([true, true, true, true, false]);
  });

  it('says "not measured" for a rate the bench did not run', () => {
    const onlyPlain = phoneGoals([run(1, good)]);
    expect(onlyPlain.slice(0, 4).every((g) => g.met === null)).toBe(true);
    expect(onlyPlain[4]?.met).toBe(true);
    const onlyPhone = phoneGoals([run(4, good)]);
    expect(onlyPhone[4]?.met).toBeNull();
  });

  it('holds the unthrottled p95 to 8 camera frames', () => {
    const late = { ...good, reactionP95: 9 };
    expect(phoneGoals([run(1, late)])[4]?.met).toBe(false);
  });
});
