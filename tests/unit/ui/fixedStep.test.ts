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

describe('FixedStep at a slower game speed', () => {
  it('hands out 36 ticks a second at 60 % and 48 at 80 %, whatever the frame rate', () => {
    for (const [speed, perSecond] of [
      [60, 36],
      [80, 48],
    ] as const) {
      for (const fps of [30, 60, 144]) {
        const clock = new FixedStep(1000 / 60, 5, speed);
        let ticks = 0;
        for (let frame = 0; frame < fps * 10; frame++) ticks += clock.advance(1000 / fps);
        expect(Math.abs(ticks - perSecond * 10), `${speed} % at ${fps} fps`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('changes speed from the next frame on', () => {
    const clock = new FixedStep();
    let ticks = 0;
    for (let frame = 0; frame < 60; frame++) ticks += clock.advance(1000 / 60);
    clock.setSpeed(60);
    for (let frame = 0; frame < 60; frame++) ticks += clock.advance(1000 / 60);
    expect(Math.abs(ticks - 96)).toBeLessThanOrEqual(1);
  });
});
