import { describe, expect, it } from 'vitest';
import {
  burstNeighbours,
  leaveOneOutReport,
  RECOGNISED_MARGIN,
  shotMargins,
} from '../../../../../src/vision/engine/classifier/calibrationReport';
import { perPose, type Pose } from '../../../../../src/vision/poses';
import type { PoseSample } from '../../../../../src/vision/poseSamples';
import { cosineSimilarity } from '../../../../../src/vision/engine/classifier/knnRule';
import { seeded, vectorNear } from '../../testVectors';

/** The check as it was: each shot against every other shot, its near copies included. */
function leaveOneOutWithTwins(samples: Record<Pose, PoseSample[]>): Record<Pose, number> {
  return perPose((pose) => {
    const mine = samples[pose];
    const right = mine.filter((shot) => {
      let best: Pose = pose;
      let bestSimilarity = -Infinity;
      for (const [other, shots] of Object.entries(samples) as [Pose, PoseSample[]][]) {
        for (const candidate of shots) {
          if (candidate === shot) continue;
          const similarity = cosineSimilarity(shot.features, candidate.features);
          if (similarity > bestSimilarity) [best, bestSimilarity] = [other, similarity];
        }
      }
      return best === pose;
    });
    return right.length / mine.length;
  });
}

/** A head held in a pose moves a little: a few positions near the pose, visited in turn. */
function positions(looks: Pose, random: () => number): Float32Array[] {
  return Array.from({ length: 9 }, () => vectorNear(looks, random));
}

/**
 * A hold as the game records it: several shots a second, so each position of the head is seen
 * in three shots in a row (near copies, camera noise apart), from position `first` on.
 */
function hold(seen: Float32Array[], random: () => number, first = 0, count = 16): PoseSample[] {
  return Array.from({ length: count }, (_, i) => {
    const position = seen[(first + Math.floor(i / 3)) % seen.length] as Float32Array;
    return {
      features: position.map((value) => value + random() * 0.002),
      mirrored: null,
    };
  });
}

describe('the quality check compares a shot without its burst neighbours', () => {
  it('leaves out up to two shots each side, fewer when a pose has few shots', () => {
    expect([1, 2, 4, 5, 8, 9, 16, 40].map(burstNeighbours)).toEqual([0, 0, 0, 1, 1, 2, 2, 2]);
  });

  it('catches a turn that was not made: left held like neutral scores low, and left is named', () => {
    const random = seeded(7);
    const seen = perPose((pose) => positions(pose, random));
    const samples = perPose((pose) => hold(seen[pose], random));
    // Asked for left, the player looked straight ahead: neutral's positions, half of them
    // others than the neutral hold saw (as the test camera's nine straight photos do).
    const mistaken = { ...samples, left: hold(seen.neutral, random, 6) };
    // Compared with every other shot, most of those shots find their own near copy first.
    expect(leaveOneOutWithTwins(mistaken).left).toBeGreaterThan(0.7);
    const report = leaveOneOutReport(mistaken, 1);
    expect(report.accuracyPerPose.left ?? 1).toBeLessThan(0.7);
    expect(report.accuracy ?? 1).toBeLessThan(0.85);
    expect(report.mostConfused?.poses).toEqual(['neutral', 'left']);
    expect(report.advice).toMatch(/^left and neutral are confused: record left again/);
  });

  it('still scores distinct holds as distinct', () => {
    const random = seeded(8);
    const report = leaveOneOutReport(
      perPose((pose) => hold(positions(pose, random), random)),
      1,
    );
    expect(report.accuracy).toBe(1);
    expect(report.advice).toBeNull();
  });
});

/** A shot on the unit circle, `angle` radians from straight ahead (neutral's shot). */
const at = (angle: number): PoseSample => ({
  features: new Float32Array([Math.cos(angle), Math.sin(angle), 0]),
  mirrored: null,
});

describe('a shot is recognised only when its own pose is nearer by a margin', () => {
  // Neutral at 0; two left shots at 0.02 and 0.02 + gap. The first left shot's own pose is
  // nearer than neutral by cos(gap) - cos(0.02), about (0.02^2 - gap^2) / 2.
  const recording = (gap: number) => ({
    ...perPose((): PoseSample[] => []),
    neutral: [at(0)],
    left: [at(0.02), at(0.02 + gap)],
  });

  it('a hair nearer its own pose than neutral is confused with neutral', () => {
    const samples = recording(0.0195);
    const margin = shotMargins(samples).left[0] as number;
    expect(margin).toBeGreaterThan(0);
    expect(margin).toBeLessThan(RECOGNISED_MARGIN);
    const report = leaveOneOutReport(samples, 1);
    expect(report.confusion.left).toMatchObject({ left: 1, neutral: 1 });
  });

  it('clearly nearer its own pose is recognised', () => {
    const samples = recording(0.01);
    expect(shotMargins(samples).left[0]).toBeGreaterThan(RECOGNISED_MARGIN);
    expect(leaveOneOutReport(samples, 1).confusion.left).toMatchObject({ left: 2, neutral: 0 });
  });
});
