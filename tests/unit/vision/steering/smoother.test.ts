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

  it('with the game settings, a sure pose turns at once, weaker ones add up or wait for the window', () => {
    const { framesToStart } = SMOOTHER_SETTINGS;
    expect(play(repeat<Pose>('right', 20), SMOOTHER_SETTINGS)).toEqual([[0, 'right']]);
    expect(play(repeat<[Pose, number]>(['right', 0.5], 20), SMOOTHER_SETTINGS)).toEqual([
      [1, 'right'],
    ]);
    const unsure = repeat<[Pose, number]>(['right', 0.2], 20);
    expect(play(unsure, SMOOTHER_SETTINGS)).toEqual([[framesToStart - 1, 'right']]);
  });

  it('adds up the confidences of the frames showing one pose; another pose starts again', () => {
    const evidence = { ...SETTINGS, evidenceToTurn: 2 };
    expect(play(repeat<[Pose, number]>(['left', 0.7], 10), evidence)).toEqual([[2, 'left']]);
    // Left, then up: a new run, which reaches 2 on its third frame (the left one is not its).
    expect(
      play(
        [
          ['left', 0.9],
          ['up', 0.9],
          ['up', 0.9],
          ['up', 0.9],
        ],
        evidence,
      ),
    ).toEqual([[3, 'up']]);
    // A frame too unsure to count neither adds nor breaks the run.
    expect(
      play(
        [
          ['down', 0.9],
          ['down', 0.1],
          ['down', 0.9],
          ['down', 0.9],
        ],
        evidence,
      ),
    ).toEqual([[3, 'down']]);
    // Another pose in between starts the run again: no pose gathers 2.
    expect(
      play(
        [
          ['down', 0.9],
          ['left', 0.9],
          ['down', 0.9],
        ],
        evidence,
      ),
    ).toEqual([]);
  });

  it('after a sure turn, the frames before it do not take their pose back', () => {
    const sure = { ...SETTINGS, evidenceToTurn: 1 };
    const requests = play([...repeat<Pose>('neutral', 6), ...repeat<Pose>('right', 6)], sure);
    expect(requests).toEqual([[6, 'right']]);
  });

  it('takes a pose on evidence only from straight ahead: a held pose keeps its hysteresis', () => {
    const sure = { ...SETTINGS, evidenceToTurn: 1 };
    // Up held (a 1-second hold on a menu): two sure frames of left do not break it.
    const requests = play([...repeat<Pose>('up', 4), 'left', 'left', 'up', 'up'], sure);
    expect(requests).toEqual([[0, 'up']]);
  });

  it('from a held turn, takes another pose on evidence only over evidenceFramesFromTurn frames', () => {
    const chaining = { ...SETTINGS, evidenceToTurn: 1, evidenceFramesFromTurn: 2 };
    // Up, then left: two sure frames of left take it, without the window's 4 of 6.
    expect(play([...repeat<Pose>('up', 4), 'left', 'left', 'left'], chaining)).toEqual([
      [0, 'up'],
      [5, 'left'],
    ]);
    // One odd sure frame does not break the held turn.
    expect(play([...repeat<Pose>('up', 4), 'left', 'up', 'up', 'left', 'up'], chaining)).toEqual([
      [0, 'up'],
    ]);
    // Straight is taken back the same way (it requests nothing: the held pose is let go).
    const smoother = new PoseSmoother(chaining);
    const held: Pose[] = [...repeat<Pose>('up', 6), 'neutral'];
    for (const pose of held) smoother.update({ pose, confidence: 1 });
    expect(smoother.heldPose).toBe('up');
    smoother.update({ pose: 'neutral', confidence: 1 });
    expect(smoother.heldPose).toBe('neutral');
  });

  it('with the game settings, a chained turn waits for the window: 4 of the last 6 frames', () => {
    const requests = play(
      [...repeat<Pose>('up', 6), ...repeat<Pose>('right', 6)],
      SMOOTHER_SETTINGS,
    );
    expect(requests).toEqual([
      [0, 'up'],
      [6 + SMOOTHER_SETTINGS.framesToStart - 1, 'right'],
    ]);
  });

  it('refuses evidence below the confidence a frame needs to count', () => {
    expect(smootherSettingsProblem({ ...SETTINGS, evidenceToTurn: 0.5 })).toMatch(/evidenceToTurn/);
    expect(smootherSettingsProblem({ ...SETTINGS, evidenceToTurn: 1 })).toBeNull();
    const fromTurn = (frames: number): string | null =>
      smootherSettingsProblem({ ...SETTINGS, evidenceToTurn: 1, evidenceFramesFromTurn: frames });
    expect(fromTurn(0)).toMatch(/evidenceFramesFromTurn/);
    expect(fromTurn(1.5)).toMatch(/evidenceFramesFromTurn/);
    expect(fromTurn(2)).toBeNull();
  });
});
