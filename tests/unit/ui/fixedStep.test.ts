import { describe, expect, it } from 'vitest';
import { FixedStep } from '../../../src/ui/fixedStep';

describe('FixedStep', () => {
  it('runs one tick per 1/60 s on average, whatever the frame rate', () => {
    for (const fps of [30, 60, 75, 144]) {
      const clock = new FixedStep();
      let ticks = 0;
      for (let frame = 0; frame < fps * 10; frame++) ticks += clock.advance(1000 / fps);
      expect(Math.abs(ticks - 600)).toBeLessThanOrEqual(1);
    }
  });

  it('runs at most five ticks after a long frame and forgets the rest', () => {
    const clock = new FixedStep();
    expect(clock.advance(2000)).toBe(5);
    expect(clock.advance(1000 / 60)).toBe(1);
  });

  it('ignores nonsense deltas', () => {
    const clock = new FixedStep();
    for (const delta of [0, -16, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(clock.advance(delta)).toBe(0);
    }
  });

  it('reset drops owed time', () => {
    const clock = new FixedStep();
    clock.advance(16);
    clock.reset();
    expect(clock.advance(1)).toBe(0);
  });
});
