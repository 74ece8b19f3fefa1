import { describe, expect, it } from 'vitest';
import {
  DRIFT_SHARE,
  FIT_MIN_FRAMES,
  FIT_WINDOW,
  FitWatch,
} from '../../../../src/vision/steering/fitWatch';

function feed(watch: FitWatch, far: boolean, frames: number): boolean[] {
  return Array.from({ length: frames }, () => watch.frame(far));
}

describe('FitWatch', () => {
  it('says nothing before it has seen enough frames, however far they are', () => {
    const watch = new FitWatch();
    expect(feed(watch, true, FIT_MIN_FRAMES - 1)).not.toContain(true);
    expect(watch.fits).toBe(true);
    expect(watch.frame(true)).toBe(true);
    expect(watch.fits).toBe(false);
  });

  it('shrugs off scattered far frames', () => {
    const watch = new FitWatch();
    for (let i = 0; i < FIT_WINDOW * 5; i++) watch.frame(i % 3 === 0);
    expect(watch.fits).toBe(true);
  });

  it('warns when most recent frames are far, and stops once most fit again (no blinking)', () => {
    const watch = new FitWatch();
    feed(watch, false, FIT_WINDOW);
    const changes = feed(watch, true, FIT_WINDOW);
    expect(watch.fits).toBe(false);
    // It turned exactly once, when the far share reached DRIFT_SHARE of the window.
    expect(changes.filter(Boolean)).toHaveLength(1);
    expect(changes.indexOf(true) + 1).toBe(Math.ceil(DRIFT_SHARE * FIT_WINDOW));
    // Half the frames fitting again is not enough to drop the warning.
    for (let i = 0; i < FIT_WINDOW; i++) watch.frame(i % 2 === 0);
    expect(watch.fits).toBe(false);
    feed(watch, false, FIT_WINDOW);
    expect(watch.fits).toBe(true);
  });

  it('judges afresh after the shots change', () => {
    const watch = new FitWatch();
    feed(watch, true, FIT_WINDOW);
    expect(watch.reset()).toBe(true);
    expect(watch.fits).toBe(true);
    expect(feed(watch, true, FIT_MIN_FRAMES - 1)).not.toContain(true);
  });
});
