// The slow-device rule: while the game's frames come slower than TARGET_FPS, the least time
// between predictions grows step by step (up to MAX_INTERVAL_MS); when they are fast again it
// comes back to 0. The throttle stays only where it makes the game faster: a game that is slow
// for another reason (software drawing) gets its predictions back at full speed.
// FrameGate holds back frames inside that interval (but never a recording).
import { describe, expect, it } from 'vitest';
import { FrameGate } from '../../../../src/vision/link/frameGate';
import {
  FIRST_HOLD_OFF_MS,
  governorWanted,
  MAX_INTERVAL_MS,
  RateGovernor,
} from '../../../../src/vision/camera/rateGovernor';

/**
 * A game whose frame rate is `fps(interval)` (the governor's own interval feeds back into it),
 * run for `seconds`; returns the end time, the least and largest interval seen and the share
 * of the time predictions were held back.
 */
function run(
  governor: RateGovernor,
  from: number,
  fps: number | ((intervalMs: number, now: number) => number),
  seconds: number,
): { now: number; least: number; most: number; heldShare: number } {
  const rate = typeof fps === 'number' ? () => fps : fps;
  let now = from;
  let least = Infinity;
  let most = -Infinity;
  let held = 0;
  while (now < from + seconds * 1000) {
    const gap = 1000 / rate(governor.minIntervalMs, now);
    now += gap;
    if (governor.minIntervalMs > 0) held += gap;
    governor.frame(now);
    least = Math.min(least, governor.minIntervalMs);
    most = Math.max(most, governor.minIntervalMs);
  }
  return { now, least, most, heldShare: held / (now - from) };
}

/** Predictions cost this game frames: 20 fps at full speed, 33 at 15 predictions a second. */
const predictionsCostFrames = (intervalMs: number): number => 20 + 0.2 * intervalMs;

describe('RateGovernor', () => {
  it('leaves predictions unlimited while the game runs at 60 fps', () => {
    const governor = new RateGovernor();
    const free = run(governor, 0, 60, 30);
    expect(free.most).toBe(0);
    expect(governor.framesPerSecond).toBeCloseTo(60, 0);
  });

  it('holds predictions back while that speeds the game up, and gives them back when fast', () => {
    const governor = new RateGovernor();
    expect(governor.describe(0)).toBe('full speed');
    const start = run(governor, 0, predictionsCostFrames, 10);
    expect(governor.minIntervalMs).toBe(MAX_INTERVAL_MS);
    expect(governor.describe(start.now)).toBe('held to 15/s (game 20 fps free, 33 held)');
    // It checks again now and then (2 s free every 30 s) and keeps holding.
    const later = run(governor, start.now, predictionsCostFrames, 120);
    expect(later.heldShare).toBeGreaterThan(0.85);
    expect(governor.minIntervalMs).toBe(MAX_INTERVAL_MS);
    // The device is idle again: 60 fps whatever the predictions do.
    const fast = run(governor, later.now, 60, 40);
    expect(governor.minIntervalMs).toBe(0);
    expect(run(governor, fast.now, 60, 60).most).toBe(0);
  });

  it('gives predictions back when holding them does not speed the game up, and tries again later', () => {
    const governor = new RateGovernor();
    // Software drawing: 30 fps whatever the predictions do. An experiment takes 6 s from the
    // first slow frame (1 s below target, 2 s measured free, 1 s settling, 2 s measured held).
    const probe = run(governor, 0, 30, 8);
    expect(probe.most).toBe(MAX_INTERVAL_MS);
    expect(governor.minIntervalMs).toBe(0);
    expect(governor.describe(probe.now)).toBe('full speed (game 30 fps free, 30 held)');
    const free = run(governor, probe.now, 30, FIRST_HOLD_OFF_MS / 1000 - 3);
    expect(free.most).toBe(0);
    // The hold-off over, it tries once more, gives up again and then waits twice as long.
    const again = run(governor, free.now, 30, 8);
    expect(again.most).toBe(MAX_INTERVAL_MS);
    expect(governor.minIntervalMs).toBe(0);
    const longer = run(governor, again.now, 30, (2 * FIRST_HOLD_OFF_MS) / 1000 - 5);
    expect(longer.most).toBe(0);
    // Over ten minutes, predictions are held back only a few percent of the time.
    expect(run(governor, longer.now, 30, 600).heldShare).toBeLessThan(0.05);
  });

  it('keeps holding a still head back, gain or none, where a moving head is predicted anyway', () => {
    // Software drawing again (30 fps either way), but holding back costs steering nothing: it
    // holds, where the governor above gave predictions back.
    let costs = false;
    const governor = new RateGovernor(() => costs);
    const probe = run(governor, 0, 30, 8);
    expect(governor.minIntervalMs).toBe(MAX_INTERVAL_MS);
    expect(governor.describe(probe.now)).toBe('held to 15/s (game 30 fps free, 30 held)');
    // Holding that makes the game slower is still given up.
    const slower = new RateGovernor(() => costs);
    run(slower, 0, (interval) => (interval > 0 ? 25 : 30), 8);
    expect(slower.minIntervalMs).toBe(0);
    // Once holding would cost reaction again (no angles: a moving head is not seen), it asks
    // for a gain a player sees, at its next measurement.
    costs = true;
    run(governor, probe.now, 30, 40);
    expect(governor.minIntervalMs).toBe(0);
  });

  it('is not fooled by a slow start: a stutter at the first seconds is measured again later', () => {
    const governor = new RateGovernor();
    // 15 fps for the first 4 s (loading), then 30 fps whatever the predictions do.
    const stutter = (_interval: number, now: number): number => (now < 4000 ? 15 : 30);
    const first = run(governor, 0, stutter, 10);
    expect(first.most).toBe(MAX_INTERVAL_MS);
    const after = run(governor, first.now, stutter, 120);
    expect(governor.minIntervalMs).toBe(0);
    expect(after.heldShare).toBeLessThan(0.35);
    expect(run(governor, after.now, stutter, 120).heldShare).toBeLessThan(0.05);
  });

  it('is on unless the page address asks for ?headRate=full', () => {
    expect(governorWanted('https://game.test/')).toBe(true);
    expect(governorWanted('https://game.test/?headRate=full')).toBe(false);
    expect(governorWanted('https://game.test/?headRate=FULL')).toBe(true);
    expect(governorWanted('https://game.test/?headRate=%00')).toBe(true);
    expect(governorWanted('not a url')).toBe(true);
  });

  it('is not fooled by a stutter inside a measurement', () => {
    const governor = new RateGovernor();
    // 30 fps whatever the predictions do, but two frames of 400 ms (a garbage collection, the
    // level loading) fall into the first measurement of the free frame rate (1 s to 3 s).
    const stutters = (_interval: number, now: number): number =>
      (now >= 1500 && now < 1540) || (now >= 2500 && now < 2540) ? 2.5 : 30;
    expect(run(governor, 0, stutters, 40).heldShare).toBeLessThan(0.3);
  });

  it('judges by the frame rate most frames run at, not by a share of doubled frames', () => {
    // A 60 Hz page: with predictions free 3 frames in 10 take two refreshes, held 1 in 20.
    // Most frames run at 60 fps either way: nothing to gain by holding predictions back.
    let frame = 0;
    const doubled = (interval: number): number => {
      frame++;
      const late = interval > 0 ? frame % 20 === 0 : frame % 10 < 3;
      return late ? 30 : 60;
    };
    expect(run(new RateGovernor(), 0, doubled, 60).heldShare).toBe(0);
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
