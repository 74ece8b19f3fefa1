import { describe, expect, it } from 'vitest';
import { FaceGoneWatch, type FaceWatchEvent } from '../../../src/handsFree/faceGoneWatch';
import type { Pose } from '../../../src/vision/poses';

interface Run {
  events: { at: number; event: FaceWatchEvent }[];
}

/** What the camera shows from `from` to `to` (a look every 50 ms). */
function show(
  watch: FaceGoneWatch,
  run: Run,
  faceSeen: boolean,
  pose: Pose | null,
  from: number,
  to: number,
): void {
  for (let t = from; t <= to; t += 50) {
    const event = watch.update({ faceSeen, pose }, t);
    if (event !== null) run.events.push({ at: t, event });
  }
}

describe('FaceGoneWatch', () => {
  it('pauses after 2 s without a face, not before', () => {
    const watch = new FaceGoneWatch();
    const run: Run = { events: [] };
    show(watch, run, true, 'left', 0, 1000);
    show(watch, run, false, null, 1050, 3000);
    expect(run.events).toEqual([]);
    expect(watch.phase.kind).toBe('playing');
    show(watch, run, false, null, 3050, 3100);
    expect(run.events).toEqual([{ at: 3050, event: 'pause' }]);
    expect(watch.phase).toEqual({ kind: 'waiting', faceSeen: false });
  });

  it('forgives a face lost for less than 2 s', () => {
    const watch = new FaceGoneWatch();
    const run: Run = { events: [] };
    for (let t = 0; t < 20_000; t += 3000) {
      show(watch, run, false, null, t, t + 1900);
      show(watch, run, true, 'neutral', t + 1950, t + 2950);
    }
    expect(run.events).toEqual([]);
  });

  it('resumes after the face is back, straight for 1 s, then 3-2-1', () => {
    const watch = new FaceGoneWatch();
    const run: Run = { events: [] };
    show(watch, run, false, null, 0, 2000);
    expect(run.events).toEqual([{ at: 2000, event: 'pause' }]);
    show(watch, run, true, 'neutral', 5000, 5500);
    expect(watch.phase).toEqual({ kind: 'steadying', fill: 0.5 });
    show(watch, run, true, 'neutral', 5550, 6000);
    expect(watch.phase).toEqual({ kind: 'counting', secondsLeft: 3 });
    show(watch, run, true, 'neutral', 6050, 7000);
    expect(watch.phase).toEqual({ kind: 'counting', secondsLeft: 2 });
    show(watch, run, true, 'right', 7050, 8950); // getting ready to steer: fine
    expect(watch.phase).toEqual({ kind: 'counting', secondsLeft: 1 });
    expect(run.events).toHaveLength(1);
    show(watch, run, true, 'right', 9000, 9100);
    expect(run.events[1]).toEqual({ at: 9000, event: 'resume' });
    expect(watch.phase.kind).toBe('playing');
  });

  it('does not resume for a face that is back but turned', () => {
    const watch = new FaceGoneWatch();
    const run: Run = { events: [] };
    show(watch, run, false, null, 0, 2000);
    for (const pose of ['left', 'right', 'up', 'down', null] as const) {
      show(watch, run, true, pose, 2100, 10_000);
      expect(watch.phase, String(pose)).toEqual({ kind: 'waiting', faceSeen: true });
    }
    expect(run.events).toHaveLength(1);
  });

  it('starts over when the straight hold breaks or the face goes during the countdown', () => {
    const watch = new FaceGoneWatch();
    const run: Run = { events: [] };
    show(watch, run, false, null, 0, 2000);
    show(watch, run, true, 'neutral', 2100, 2800);
    show(watch, run, true, 'left', 2850, 2850);
    expect(watch.phase.kind).toBe('waiting');
    show(watch, run, true, 'neutral', 2900, 4000);
    expect(watch.phase.kind).toBe('counting');
    show(watch, run, false, null, 4050, 4050);
    expect(watch.phase).toEqual({ kind: 'waiting', faceSeen: false });
    show(watch, run, true, 'neutral', 4100, 8200);
    expect(run.events.map((e) => e.event)).toEqual(['pause', 'resume']);
    expect(run.events[1]?.at).toBe(4100 + 1000 + 3000);
  });

  it('forgets a pending pause when reset (a resume by keys, a new game)', () => {
    const watch = new FaceGoneWatch();
    const run: Run = { events: [] };
    show(watch, run, false, null, 0, 2000);
    watch.reset();
    expect(watch.phase.kind).toBe('playing');
    show(watch, run, false, null, 2050, 3900);
    expect(run.events).toHaveLength(1);
  });
});
