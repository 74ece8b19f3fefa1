// The slow-device rule: while the game's frames come slower than TARGET_FPS, the least time
// between predictions grows step by step (up to MAX_INTERVAL_MS); when they are fast again it
// comes back to 0. The throttle stays only where it makes the game faster: a game that is slow
// for another reason (software drawing) gets its predictions back at full speed.
// FrameGate holds back frames inside that interval (but never a recording).
import { describe, expect, it } from 'vitest';
import { FrameGate } from '../../../src/vision/frameGate';
import {
  FIRST_HOLD_OFF_MS,
  governorWanted,
  MAX_INTERVAL_MS,
  RateGovernor,
} from '../../../src/vision/rateGovernor';

/**
 * A game whose frame rate is `fps(interval)` (the governor's own interval feeds back into it),
 * run for `seconds`; returns the end time and the least and largest interval seen.
 */
function run(
  governor: RateGovernor,
  from: number,
  fps: number | ((intervalMs: number) => number),
  seconds: number,
): { now: number; least: number; most: number } {
  const rate = typeof fps === 'number' ? () => fps : fps;
  let now = from;
  let least = Infinity;
  let most = -Infinity;
  while (now < from + seconds * 1000) {
    now += 1000 / rate(governor.minIntervalMs);
    governor.frame(now);
    least = Math.min(least, governor.minIntervalMs);
    most = Math.max(most, governor.minIntervalMs);
  }
  return { now, least, most };
}

/** Predictions cost this game frames: 20 fps at full speed, 40 at 10 predictions a second. */
const predictionsCostFrames = (intervalMs: number): number => 20 + 0.2 * intervalMs;

describe('RateGovernor', () => {
  it('leaves predictions unlimited while the game runs at 60 fps', () => {
    const governor = new RateGovernor();
    run(governor, 0, 60, 10);
    expect(governor.minIntervalMs).toBe(0);
    expect(governor.framesPerSecond).toBeCloseTo(60, 0);
  });

  it('asks for fewer predictions while they slow the game, up to the cap, then recovers', () => {
    const governor = new RateGovernor();
    let { now } = run(governor, 0, predictionsCostFrames, 2);
    expect(governor.minIntervalMs).toBeGreaterThan(0);
    const held = run(governor, now, predictionsCostFrames, 60);
    now = held.now;
    expect(governor.minIntervalMs).toBe(MAX_INTERVAL_MS);
    // Once at the cap it stays there: the game is faster for it.
    const after = run(governor, now, predictionsCostFrames, 30);
    expect(after.least).toBe(MAX_INTERVAL_MS);
    run(governor, after.now, 60, 30);
    expect(governor.minIntervalMs).toBe(0);
  });

  it('gives predictions back when holding them does not speed the game up, and tries again later', () => {
    const governor = new RateGovernor();
    // Software drawing: 30 fps whatever the predictions do.
    const probe = run(governor, 0, 30, 8);
    expect(probe.most).toBe(MAX_INTERVAL_MS);
    expect(governor.minIntervalMs).toBe(0);
    const free = run(governor, probe.now, 30, FIRST_HOLD_OFF_MS / 1000 - 2);
    expect(free.most).toBe(0);
    // The hold-off over, it probes once more, gives up again and then waits twice as long.
    const again = run(governor, free.now, 30, 10);
    expect(again.most).toBe(MAX_INTERVAL_MS);
    expect(governor.minIntervalMs).toBe(0);
    const longer = run(governor, again.now, 30, (2 * FIRST_HOLD_OFF_MS) / 1000 - 2);
    expect(longer.most).toBe(0);
  });

  it('is on unless the page address asks for ?headRate=full', () => {
    expect(governorWanted('https://game.test/')).toBe(true);
    expect(governorWanted('https://game.test/?headRate=full')).toBe(false);
    expect(governorWanted('https://game.test/?headRate=FULL')).toBe(true);
    expect(governorWanted('https://game.test/?headRate=%00')).toBe(true);
    expect(governorWanted('not a url')).toBe(true);
  });

  it('ignores a long gap (a hidden tab) instead of counting it as a slow frame', () => {
    const governor = new RateGovernor();
    governor.frame(0);
    governor.frame(5_000);
    run(governor, 5_000, 60, 1);
    expect(governor.minIntervalMs).toBe(0);
  });
});

describe('FrameGate with a least interval', () => {
  it('holds back predictions inside the interval, never a recording', () => {
    const gate = new FrameGate();
    gate.minIntervalMs = 100;
    expect(gate.offer(0).send).toBe(true);
    gate.done(10);
    expect(gate.offer(33)).toEqual({ send: false, reason: 'pacing' });
    expect(gate.offer(66)).toEqual({ send: false, reason: 'pacing' });
    expect(gate.offer(100).send).toBe(true);
    gate.done(110);
    gate.startRecording('left', 120);
    expect(gate.offer(133)).toEqual({ send: true, record: 'left' });
  });
});
