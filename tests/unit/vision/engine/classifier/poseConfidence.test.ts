import { describe, expect, it } from 'vitest';
import {
  confidenceScale,
  median,
  poseConfidence,
  similarityMargin,
} from '../../../../../src/vision/engine/classifier/poseConfidence';
import {
  bestPerPose,
  nearestPose,
  nearestSimilarity,
  prepareShots,
} from '../../../../../src/vision/engine/classifier/shotSimilarity';
import { emptySamples, type PoseSamples } from '../../../../../src/vision/poseSamples';
import { at, cosDegrees, threePoses } from './planeShots';

describe('similarities to the shots', () => {
  it('takes the highest similarity per pose, own shots and mirror images alike', () => {
    const best = bestPerPose(prepareShots(threePoses()), at(64));
    expect(best.left).toBeCloseTo(cosDegrees(1), 6); // right's mirror image, at 65
    expect(best.neutral).toBeCloseTo(cosDegrees(54), 6); // the shot at 10
    expect(best.right).toBeCloseTo(cosDegrees(124), 6); // left's mirror image, at -60
    expect(best.up).toBe(Number.NEGATIVE_INFINITY); // no shots
    expect(nearestPose(best)).toBe('left');
    expect(nearestSimilarity(best)).toBe(best.left);
  });

  it('leaves a shot out together with its mirror image', () => {
    const prepared = prepareShots(threePoses());
    expect(bestPerPose(prepared, at(-65)).right).toBeCloseTo(1, 6);
    // Without shot 4 (the only right shot), right's examples are left's mirror images.
    const without = bestPerPose(prepared, at(-65), 4);
    expect(without.right).toBeCloseTo(cosDegrees(5), 6);
    expect(without.left).toBeCloseTo(cosDegrees(125), 6); // its mirror at 65 is gone too
  });

  it('refuses a vector of another length', () => {
    expect(() => bestPerPose(prepareShots(threePoses()), new Float32Array(3))).toThrow();
  });
});

describe('the confidence', () => {
  it('starts from the margin between the predicted pose and the best other pose', () => {
    const best = bestPerPose(prepareShots(threePoses()), at(30));
    const margin = similarityMargin(best);
    expect(margin?.pose).toBe('neutral'); // 20 degrees from the shot at 10, 30 from left's 60
    expect(margin?.winning).toBeCloseTo(cosDegrees(20), 6);
    expect(margin?.other).toBeCloseTo(cosDegrees(30), 6);
    expect(margin?.margin).toBeCloseTo(cosDegrees(20) - cosDegrees(30), 6);
    // Asked about a pose that was not the nearest, the margin is negative.
    expect(similarityMargin(best, 'left')?.margin).toBeLessThan(0);
    expect(similarityMargin(best, 'up')).toBeNull();
  });

  it('scales by the median leave-one-out margin of the recognised shots', () => {
    // Leave-one-out margins (see planeShots.ts): cos10-cos60, cos10-cos50, cos5-cos50,
    // cos5-cos60, cos5-cos55; all five recognised; the median is cos5 - cos55.
    const scale = confidenceScale(prepareShots(threePoses()));
    expect(scale).toBeCloseTo(cosDegrees(5) - cosDegrees(55), 6);
    const s = scale as number;
    expect(poseConfidence(s, s)).toBe(1);
    expect(poseConfidence(s / 2, s)).toBeCloseTo(0.5, 9);
    expect(poseConfidence(-0.1, s)).toBe(0);
    expect(poseConfidence(10, s)).toBe(1);
    expect(() => poseConfidence(0.1, 0)).toThrow();
  });

  it('has no scale when no shot is recognised by the others', () => {
    // One shot in each of two poses: left out, a shot only meets the other pose.
    const samples: PoseSamples = {
      ...emptySamples(),
      neutral: [{ features: at(0), mirrored: null }],
      up: [{ features: at(1), mirrored: null }],
    };
    expect(confidenceScale(prepareShots(samples))).toBeNull();
    expect(confidenceScale(prepareShots(emptySamples()))).toBeNull();
  });

  it('takes the middle of an odd count and the mean of the two middles of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
