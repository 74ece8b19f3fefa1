import { describe, expect, it } from 'vitest';
import {
  FAR_FROM_THE_SHOTS,
  FitWatch,
  STEERING_IN_TROUBLE,
  troubleIn,
  UNSEEN_TURN_WEIGHT,
} from '../../../../src/vision/steering/fitWatch';

const FIT_WINDOW = FAR_FROM_THE_SHOTS.window;
const FIT_MIN_FRAMES = FAR_FROM_THE_SHOTS.least;
const DRIFT_SHARE = FAR_FROM_THE_SHOTS.over;

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

  it('shrugs off scattered far frames (one in six)', () => {
    const watch = new FitWatch();
    for (let i = 0; i < FIT_WINDOW * 5; i++) watch.frame(i % 6 === 0);
    expect(watch.fits).toBe(true);
  });

  it('warns when most recent frames are far, and stops once most fit again (no blinking)', () => {
    const watch = new FitWatch();
    feed(watch, false, FIT_WINDOW);
    const changes = feed(watch, true, FIT_WINDOW);
    expect(watch.fits).toBe(false);
    // It turned exactly once, when the far share first went past DRIFT_SHARE of the window.
    expect(changes.filter(Boolean)).toHaveLength(1);
    expect(changes.indexOf(true) + 1).toBe(Math.floor(DRIFT_SHARE * FIT_WINDOW) + 1);
    // One far frame in six (below DRIFT_SHARE, above FITS_AGAIN_SHARE) keeps the warning.
    for (let i = 0; i < FIT_WINDOW; i++) watch.frame(i % 6 === 0);
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

  it('watches steering in trouble over a longer stretch, with its own line', () => {
    const { window, least, over, clearsAt } = STEERING_IN_TROUBLE;
    const watch = new FitWatch(STEERING_IN_TROUBLE);
    // A disagreement now and then (one in ten: under the line) never offers a touch-up.
    for (let i = 0; i < window * 3; i++) expect(watch.frame(i % 10 === 0)).toBe(false);
    expect(watch.fits).toBe(true);
    const fresh = new FitWatch(STEERING_IN_TROUBLE);
    expect(feed(fresh, true, least - 1)).not.toContain(true);
    expect(fresh.frame(true)).toBe(true);
    // Back under clearsAt of the window: it serves again.
    feed(fresh, false, Math.ceil(window * (1 - clearsAt)));
    expect(fresh.fits).toBe(true);
    expect(over).toBeGreaterThan(clearsAt);
  });
});

describe('troubleIn', () => {
  it('weighs a turn taken on the angles alone less than a turn the head had not made', () => {
    expect(troubleIn({ pose: 'left', gated: false })).toBe(0);
    expect(troubleIn({ pose: 'neutral', gated: false })).toBe(0);
    // The picture named a turn, the angles said the head had not made it: read as straight.
    expect(troubleIn({ pose: 'neutral', gated: true })).toBe(1);
    // The head had clearly turned, the picture said straight: the angles took the turn.
    expect(troubleIn({ pose: 'up', gated: true })).toBe(UNSEEN_TURN_WEIGHT);
    expect(UNSEEN_TURN_WEIGHT).toBeGreaterThan(0);
    expect(UNSEEN_TURN_WEIGHT).toBeLessThan(1);
  });

  it('a small-turn player whose turns the picture misses all the time is not offered a touch-up', () => {
    // A quarter of the frames a turn the angles took unseen (the picture said straight).
    const { window, over } = STEERING_IN_TROUBLE;
    const unseen = new FitWatch(STEERING_IN_TROUBLE);
    const madeUp = new FitWatch(STEERING_IN_TROUBLE);
    for (let i = 0; i < window * 2; i++) {
      const disagrees = i % 4 === 0;
      unseen.frame(troubleIn({ pose: disagrees ? 'left' : 'neutral', gated: disagrees }));
      madeUp.frame(troubleIn({ pose: 'neutral', gated: disagrees }));
    }
    expect(1 / 4).toBeGreaterThan(over);
    expect(UNSEEN_TURN_WEIGHT / 4).toBeLessThan(over);
    expect(unseen.fits).toBe(true);
    // The same share of turns the head had not made, read as straight: steering is in trouble.
    expect(madeUp.fits).toBe(false);
  });
});
