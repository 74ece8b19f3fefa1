// The slow-device rule: while the game's frames come slower than TARGET_FPS, the least time
// between predictions grows step by step (up to MAX_INTERVAL_MS); when they are fast again it
// comes back to 0. FrameGate holds back frames inside that interval (but never a recording).
import { describe, expect, it } from 'vitest';
import { FrameGate } from '../../../src/vision/frameGate';
import { MAX_INTERVAL_MS, RateGovernor } from '../../../src/vision/rateGovernor';

function run(governor: RateGovernor, from: number, fps: number, seconds: number): number {
  let now = from;
  const gap = 1000 / fps;
  for (let i = 0; i < seconds * fps; i++) {
    now += gap;
    governor.frame(now);
  }
  return now;
}

describe('RateGovernor', () => {
  it('leaves predictions unlimited while the game runs at 60 fps', () => {
    const governor = new RateGovernor();
    run(governor, 0, 60, 10);
    expect(governor.minIntervalMs).toBe(0);
    expect(governor.framesPerSecond).toBeCloseTo(60, 0);
  });

  it('asks for fewer predictions while the game drops to 20 fps, up to the cap, then recovers', () => {
    const governor = new RateGovernor();
    let now = run(governor, 0, 20, 2);
    const early = governor.minIntervalMs;
    expect(early).toBeGreaterThan(0);
    now = run(governor, now, 20, 20);
    expect(governor.minIntervalMs).toBe(MAX_INTERVAL_MS);
    run(governor, now, 60, 30);
    expect(governor.minIntervalMs).toBe(0);
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
