import { describe, expect, it } from 'vitest';
import type { Direction } from '../../../../src/game/direction';
import type { Pose } from '../../../../src/vision/poses';
import { SMOOTHER_SETTINGS } from '../../../../src/vision/steering/smootherSettings';
import {
  PoseSmoother,
  smootherSettingsProblem,
  type SmootherSettings,
} from '../../../../src/vision/steering/smoother';

const SETTINGS: SmootherSettings = {
  windowFrames: 6,
  framesToStart: 4,
  framesToKeep: 2,
  minConfidence: 0.6,
};

/** Feed a script of poses (confidence 1 unless given) and collect what was requested when. */
function play(
  script: Array<Pose | [Pose, number]>,
  settings = SETTINGS,
): Array<[number, Direction]> {
  const smoother = new PoseSmoother(settings);
  const requests: Array<[number, Direction]> = [];
  script.forEach((step, frame) => {
    const [pose, confidence] = typeof step === 'string' ? [step, 1] : step;
    const request = smoother.update({ pose, confidence });
    if (request !== null) requests.push([frame, request]);
  });
  return requests;
}

function repeat<T>(item: T, times: number): T[] {
  return Array.from({ length: times }, () => item);
}

describe('PoseSmoother', () => {
  it('requests a steadily held pose once, after framesToStart frames', () => {
    expect(play(repeat<Pose>('left', 30))).toEqual([[3, 'left']]);
  });

  it('ignores a pose flickering between two directions', () => {
    const flicker: Pose[] = [];
    for (let i = 0; i < 30; i++) flicker.push(i % 2 === 0 ? 'left' : 'right');
    expect(play(flicker)).toEqual([]);
  });

  it('ignores frames below the confidence threshold, however many', () => {
    expect(play(repeat<[Pose, number]>(['up', 0.5], 30))).toEqual([]);
    expect(play(repeat<[Pose, number]>(['up', 0.6], 30))).toEqual([[3, 'up']]);
  });

  it('never requests anything for neutral, and neutral releases a held direction', () => {
    expect(play(repeat<Pose>('neutral', 30))).toEqual([]);
    // left, back to neutral, left again: the second left is a new request.
    const script: Pose[] = [
      ...repeat<Pose>('left', 6),
      ...repeat<Pose>('neutral', 6),
      ...repeat<Pose>('left', 6),
    ];
    expect(play(script)).toEqual([
      [3, 'left'],
      [15, 'left'],
    ]);
  });

  it('keeps a held pose through a few stray frames (hysteresis): no repeat, no flicker', () => {
    const script: Pose[] = [...repeat<Pose>('down', 5)];
    for (let i = 0; i < 40; i++)
      script.push(i % 3 === 0 ? 'neutral' : i % 3 === 1 ? 'left' : 'down');
    const smoother = new PoseSmoother(SETTINGS);
    const requests = script
      .map((pose) => smoother.update({ pose, confidence: 1 }))
      .filter((r) => r !== null);
    expect(requests).toEqual(['down']);
    expect(smoother.heldPose).toBe('down');
  });

  it('switches from one held direction to another in framesToStart frames', () => {
    const script: Pose[] = [...repeat<Pose>('left', 10), ...repeat<Pose>('up', 10)];
    expect(play(script)).toEqual([
      [3, 'left'],
      [13, 'up'],
    ]);
  });

  it('lets go of a pose once fewer than framesToKeep frames show it', () => {
    const smoother = new PoseSmoother(SETTINGS);
    for (let i = 0; i < 6; i++) smoother.update({ pose: 'right', confidence: 1 });
    expect(smoother.heldPose).toBe('right');
    for (let i = 0; i < 4; i++) smoother.update({ pose: 'right', confidence: 0.1 });
    expect(smoother.heldPose).toBe('right'); // 2 of 6 still count
    smoother.update({ pose: 'right', confidence: 0.1 });
    expect(smoother.heldPose).toBeNull();
    smoother.reset();
    expect(smoother.heldPose).toBeNull();
    expect(smoother.update({ pose: 'right', confidence: 1 })).toBeNull();
  });

  it('refuses settings that could hold two poses at once or never let go', () => {
    expect(smootherSettingsProblem({ ...SETTINGS, framesToStart: 2, windowFrames: 4 })).toMatch(
      /half/,
    );
    expect(smootherSettingsProblem({ ...SETTINGS, framesToKeep: 5 })).toMatch(/framesToKeep/);
    expect(smootherSettingsProblem({ ...SETTINGS, minConfidence: 1.5 })).toMatch(/minConfidence/);
    expect(() => new PoseSmoother({ ...SETTINGS, windowFrames: 0 })).toThrow();
    expect(smootherSettingsProblem(SMOOTHER_SETTINGS)).toBeNull();
  });

  it('with the game settings, a sure pose turns within sureFrames, a less sure one within framesToStart', () => {
    const { sureFrames = 0, framesToStart } = SMOOTHER_SETTINGS;
    expect(sureFrames).toBeGreaterThan(0);
    expect(play(repeat<Pose>('right', 20), SMOOTHER_SETTINGS)).toEqual([[sureFrames - 1, 'right']]);
    const lessSure = repeat<[Pose, number]>(['right', 0.5], 20);
    expect(play(lessSure, SMOOTHER_SETTINGS)).toEqual([[framesToStart - 1, 'right']]);
  });

  it('takes a run of very sure frames at once; unsure frames still wait for the window', () => {
    const sure = { ...SETTINGS, sureConfidence: 0.9, sureFrames: 2 };
    expect(play(repeat<Pose>('left', 10), sure)).toEqual([[1, 'left']]);
    expect(play(repeat<[Pose, number]>(['left', 0.7], 10), sure)).toEqual([[3, 'left']]);
    // A sure run broken by an unsure frame starts again.
    expect(play(['up', ['up', 0.7], 'up', 'up'], sure)).toEqual([[3, 'up']]);
  });

  it('after a sure turn, the frames before it do not take their pose back', () => {
    const sure = { ...SETTINGS, sureConfidence: 0.9, sureFrames: 1 };
    const requests = play([...repeat<Pose>('neutral', 6), ...repeat<Pose>('right', 6)], sure);
    expect(requests).toEqual([[6, 'right']]);
  });

  it('takes a sure run only from straight ahead: a held pose keeps its hysteresis', () => {
    const sure = { ...SETTINGS, sureConfidence: 0.9, sureFrames: 2 };
    // Up held (a 1-second hold on a menu): two sure frames of left do not break it.
    const requests = play([...repeat<Pose>('up', 4), 'left', 'left', 'up', 'up'], sure);
    expect(requests).toEqual([[1, 'up']]);
  });

  it('refuses a sure run that is half given or out of range', () => {
    expect(smootherSettingsProblem({ ...SETTINGS, sureConfidence: 0.9 })).toMatch(/together/);
    expect(smootherSettingsProblem({ ...SETTINGS, sureConfidence: 0.5, sureFrames: 2 })).toMatch(
      /sureConfidence/,
    );
    expect(smootherSettingsProblem({ ...SETTINGS, sureConfidence: 0.9, sureFrames: 5 })).toMatch(
      /sureFrames/,
    );
  });
});
