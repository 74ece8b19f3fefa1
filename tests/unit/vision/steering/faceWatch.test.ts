import { describe, expect, it } from 'vitest';
import { FACE_LOST_MS, FaceWatch } from '../../../../src/vision/steering/faceWatch';

describe('FaceWatch', () => {
  it('knows nothing before the first frame, and sees a face at once', () => {
    const watch = new FaceWatch();
    expect(watch.state).toBe('unknown');
    expect(watch.frame(true, 0)).toBe(true);
    expect(watch.state).toBe('seen');
    expect(watch.frame(true, 33)).toBe(false);
  });

  it('keeps the face through short gaps, and loses it after FACE_LOST_MS without one', () => {
    const watch = new FaceWatch();
    watch.frame(true, 0);
    expect(watch.frame(false, 100)).toBe(false);
    expect(watch.frame(false, FACE_LOST_MS - 1)).toBe(false);
    expect(watch.state).toBe('seen');
    expect(watch.frame(false, FACE_LOST_MS)).toBe(true);
    expect(watch.state).toBe('lost');
    expect(watch.frame(true, FACE_LOST_MS + 33)).toBe(true);
    expect(watch.state).toBe('seen');
  });

  it('counts a camera that never showed a face as lost after FACE_LOST_MS of frames', () => {
    const watch = new FaceWatch();
    watch.frame(false, 5000);
    expect(watch.state).toBe('unknown');
    watch.frame(false, 5000 + FACE_LOST_MS);
    expect(watch.state).toBe('lost');
  });

  it('forgets everything on reset (no frames: nothing known)', () => {
    const watch = new FaceWatch();
    watch.frame(true, 0);
    watch.reset();
    expect(watch.state).toBe('unknown');
    watch.frame(false, 10_000);
    expect(watch.state).toBe('unknown');
  });
});
