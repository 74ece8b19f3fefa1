import { describe, expect, it } from 'vitest';
import {
  FAR_RULE,
  calibrationNoLongerFits,
  farThreshold,
  isFarFromCalibration,
  leaveOneOutNearest,
  nearestOtherPose,
  percentile,
} from '../../../../../src/vision/engine/classifier/calibrationFit';
import {
  bestPerPose,
  nearestSimilarity,
  prepareShots,
} from '../../../../../src/vision/engine/classifier/shotSimilarity';
import { emptySamples } from '../../../../../src/vision/poseSamples';
import { at, cosDegrees, threePoses } from './planeShots';

describe('does the calibration still fit?', () => {
  it("measures each shot's nearest shot of another pose, which a burst of one pose cannot inflate", () => {
    // Nearest other pose (planeShots.ts): cos60, cos50, cos50, cos60, cos55.
    const nearest = nearestOtherPose(prepareShots(threePoses()));
    const expected = [60, 50, 50, 60, 55].map(cosDegrees);
    nearest.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 6));
    // The rule in force: the median of those.
    expect(FAR_RULE.reference).toBe('other-pose');
    expect(farThreshold(prepareShots(threePoses()))).toBeCloseTo(cosDegrees(55), 6);
    // A burst: ten near copies of each shot changes the leave-one-out nearest (to ~1), not this.
    const burst = threePoses();
    const copies = (pose: 'neutral' | 'left' | 'right') =>
      burst[pose].flatMap((shot) => Array.from({ length: 10 }, () => shot));
    const bursts = {
      ...burst,
      neutral: copies('neutral'),
      left: copies('left'),
      right: copies('right'),
    };
    expect(farThreshold(prepareShots(bursts))).toBeCloseTo(cosDegrees(55), 6);
    expect(farThreshold(prepareShots(bursts), { percentile: 10, factor: 1 })).toBeCloseTo(1, 6);
  });

  it("measures each shot's nearest other shot, its own mirror image left out", () => {
    const nearest = leaveOneOutNearest(prepareShots(threePoses()));
    const expected = [10, 10, 5, 5, 5].map(cosDegrees);
    nearest.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 6));
  });

  it('puts the line at a low percentile of those, times a factor', () => {
    const prepared = prepareShots(threePoses());
    expect(farThreshold(prepared, { percentile: 0, factor: 1 })).toBeCloseTo(cosDegrees(10), 6);
    expect(farThreshold(prepared, { percentile: 0, factor: 0.9 })).toBeCloseTo(
      0.9 * cosDegrees(10),
      6,
    );
    expect(farThreshold(prepared, { percentile: 100, factor: 1 })).toBeCloseTo(cosDegrees(5), 6);
    expect(farThreshold(prepareShots(emptySamples()), FAR_RULE)).toBeNull();
  });

  it('calls a frame far when it is further from every shot than the shots are from each other', () => {
    const prepared = prepareShots(threePoses());
    const threshold = farThreshold(prepared, { percentile: 0, factor: 1 });
    const near = nearestSimilarity(bestPerPose(prepared, at(63)));
    const far = nearestSimilarity(bestPerPose(prepared, at(35))); // 25 degrees from any shot
    expect(isFarFromCalibration(near, threshold)).toBe(false);
    expect(isFarFromCalibration(far, threshold)).toBe(true);
    expect(isFarFromCalibration(far, null)).toBe(false); // no threshold: never far
  });

  it('interpolates percentiles between ranks', () => {
    expect(percentile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 10)).toBeCloseTo(1.4, 9);
    expect(percentile([1, 2, 3, 4, 5], 100)).toBe(5);
    expect(percentile([], 10)).toBeNull();
  });
});

describe('no longer fits', () => {
  it('when more than a fifth of the recent frames are far, not for a frame or two', () => {
    const frames = (far: number, of: number): boolean[] =>
      Array.from({ length: of }, (_, i) => i < far);
    expect(calibrationNoLongerFits(frames(2, 30))).toBe(false);
    expect(calibrationNoLongerFits(frames(6, 30))).toBe(false); // exactly 20 %
    expect(calibrationNoLongerFits(frames(7, 30))).toBe(true);
    expect(calibrationNoLongerFits([])).toBe(false);
  });
});
