// A turn the head's angles cannot tell from the player's own straight ahead: their furthest
// straight shot goes as far as the turn's shots begin (likeStraight.ts). Angles alone.
import { describe, expect, it } from 'vitest';
import { angleFeatures } from '../../../../../src/vision/engine/angleFeatures';
import {
  LIKE_STRAIGHT_REACH,
  turnsLikeStraight,
} from '../../../../../src/vision/engine/classifier/likeStraight';
import { leaveOneOutReport } from '../../../../../src/vision/engine/classifier/calibrationReport';
import { perPose, type Pose } from '../../../../../src/vision/poses';
import type { PoseSamples } from '../../../../../src/vision/poseSamples';

const degrees = (d: number): number => (d * Math.PI) / 180;

/** Shots of each pose at (yaw, pitch) degrees, a picture of its own per pose. */
function shots(at: Partial<Record<Pose, Array<[number, number]>>>): PoseSamples {
  return perPose((pose) =>
    (at[pose] ?? []).map(([yaw, pitch], i) => ({
      features: new Float32Array([
        pose === 'neutral' ? 1 : 0,
        pose === 'left' ? 1 : 0,
        pose === 'down' ? 1 : 0,
        i * 0.01,
        // A measured head is never exactly level (all-zero angles read as "not measured").
        ...angleFeatures({ yaw: degrees(yaw), pitch: degrees(pitch), roll: 0.001 }),
      ]),
      mirrored: null,
    })),
  );
}

/** Straight looking round the screen, within 15 degrees; the turns as given. */
function lookingRound(down: number): PoseSamples {
  const straight: Array<[number, number]> = [];
  for (const yaw of [-12, 0, 12]) for (const pitch of [-10, 0, 10]) straight.push([yaw, pitch]);
  return shots({ neutral: straight, left: [[25, 0]], down: [[0, down]] });
}

describe('turns like straight ahead', () => {
  it('are the turns the furthest straight shot reaches, and no other', () => {
    // person14's case: "down 30" measured as far as their straight looking down (10 degrees).
    expect(turnsLikeStraight(lookingRound(10))).toEqual(['down']);
    expect(turnsLikeStraight(lookingRound(9))).toEqual(['down']);
    // A down the straight shots reach most of the way to, but not all.
    expect(turnsLikeStraight(lookingRound(14))).toEqual([]);
    expect(LIKE_STRAIGHT_REACH).toBe(1);
  });

  it('leave a pose made with the face to the picture: its angles sit on straight by nature', () => {
    const mouthOpen = shots({
      neutral: [
        [0, 0],
        [1, 1],
      ],
      left: [[25, 0]],
      down: [
        [1, 0],
        [0, 1],
      ],
    });
    expect(turnsLikeStraight(mouthOpen)).toEqual([]);
  });

  it('are none where the shots carry no angles, and the report says so only when told they do', () => {
    const noAngles = perPose((pose) =>
      pose === 'neutral' || pose === 'down'
        ? [{ features: new Float32Array([1, 0, 0, 0, 0, 0, 0]), mirrored: null }]
        : [],
    );
    expect(turnsLikeStraight(noAngles)).toEqual([]);
    expect(leaveOneOutReport(lookingRound(10), 1, true).likeStraight).toEqual(['down']);
    // Vectors without angles end with picture numbers, which must not be read as angles.
    expect(leaveOneOutReport(lookingRound(10), 1).likeStraight).toEqual([]);
  });
});
