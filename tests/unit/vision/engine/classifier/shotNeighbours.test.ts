import { describe, expect, it } from 'vitest';
import { farThreshold } from '../../../../../src/vision/engine/classifier/calibrationFit';
import { farLineOfNeighbours } from '../../../../../src/vision/engine/classifier/calibrationFit';
import {
  confidenceScale,
  scaleOfNeighbours,
} from '../../../../../src/vision/engine/classifier/poseConfidence';
import { shotNeighbours } from '../../../../../src/vision/engine/classifier/shotNeighbours';
import {
  bestPerPose,
  prepareShots,
} from '../../../../../src/vision/engine/classifier/shotSimilarity';
import { withoutAngles } from '../../../../../src/vision/engine/angleFeatures';
import { mulberry32 } from '../../../../../src/game/random';
import { POSES, perPose } from '../../../../../src/vision/poses';
import type { PoseSample, PoseSamples } from '../../../../../src/vision/poseSamples';

/** Shots of every pose, some with mirror images, the last three numbers angles of a turn. */
function someShots(seed: number, length: number): PoseSamples {
  const random = mulberry32(seed);
  const vector = (turn: number): Float32Array => {
    const v = new Float32Array(length);
    for (let i = 0; i < length - 3; i++) v[i] = random() + (i % 5 === turn ? 0.5 : 0);
    v.set([0.4 * (turn - 2) + 0.05 * random(), 0.1 * random(), 0.02 * random()], length - 3);
    return v;
  };
  return perPose((pose): PoseSample[] =>
    Array.from({ length: 3 + POSES.indexOf(pose) }, (_, i) => ({
      features: vector(POSES.indexOf(pose)),
      mirrored: i % 2 === 0 ? vector(4 - POSES.indexOf(pose)) : null,
    })),
  );
}

const pictureOnly = (samples: PoseSamples): PoseSamples =>
  perPose((pose) =>
    samples[pose].map((s) => ({
      features: withoutAngles(s.features),
      mirrored: s.mirrored === null ? null : withoutAngles(s.mirrored),
    })),
  );

describe('every shot against the others, in one pass', () => {
  it('finds what the two leave-one-out passes found, with the angles and without', () => {
    const samples = someShots(11, 45);
    const whole = prepareShots(samples);
    const pictures = prepareShots(pictureOnly(samples));
    const neighbours = shotNeighbours(samples, true);
    expect(neighbours.poses).toEqual(whole.shots.map((shot) => shot.pose));
    whole.shots.forEach((shot, i) => {
      const expectedWhole = bestPerPose(whole, shot.vector, i);
      const expectedPicture = bestPerPose(pictures, pictures.shots[i]!.vector, i);
      for (const pose of POSES) {
        expect(neighbours.whole[i]![pose]).toBeCloseTo(expectedWhole[pose], 6);
        expect(neighbours.pictures[i]![pose]).toBeCloseTo(expectedPicture[pose], 6);
      }
    });
    // The angles count: on the picture alone the similarities differ.
    expect(neighbours.pictures[0]!.left).not.toBeCloseTo(neighbours.whole[0]!.left, 3);
    expect(scaleOfNeighbours(neighbours.whole, neighbours.poses)).toBeCloseTo(
      confidenceScale(whole) as number,
      6,
    );
    expect(farLineOfNeighbours(neighbours.pictures, neighbours.poses)).toBeCloseTo(
      farThreshold(pictures) as number,
      6,
    );
  });

  it('compares whole vectors both ways when they carry no angles', () => {
    const samples = someShots(12, 20);
    const neighbours = shotNeighbours(samples, false);
    const whole = prepareShots(samples);
    whole.shots.forEach((shot, i) => {
      const expected = bestPerPose(whole, shot.vector, i);
      for (const pose of POSES) {
        expect(neighbours.pictures[i]![pose]).toBe(neighbours.whole[i]![pose]);
        expect(neighbours.whole[i]![pose]).toBeCloseTo(expected[pose], 6);
      }
    });
  });

  it("leaves out a shot's own mirror image, and a pose with no other shot stays unseen", () => {
    const samples = perPose((): PoseSample[] => []);
    samples.left.push({
      features: new Float32Array([1, 0, 0, 0.2, 0, 0]),
      mirrored: new Float32Array([0, 1, 0, -0.2, 0, 0]),
    });
    samples.neutral.push({ features: new Float32Array([1, 1, 0, 0, 0, 0.1]), mirrored: null });
    const neighbours = shotNeighbours(samples, true);
    // The neutral shot sees left's shot and its mirror (right); the left shot sees only neutral.
    expect(neighbours.poses).toEqual(['neutral', 'left']);
    expect(neighbours.whole[1]!.right).toBe(Number.NEGATIVE_INFINITY);
    expect(neighbours.whole[1]!.neutral).toBeGreaterThan(0);
    expect(neighbours.pictures[0]!.left).toBeCloseTo(Math.SQRT1_2, 6);
    expect(neighbours.pictures[0]!.right).toBeCloseTo(Math.SQRT1_2, 6);
  });
});
