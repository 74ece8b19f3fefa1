import { describe, expect, it } from 'vitest';
import type { Face } from '../../../../../../src/vision/engine/features/faceFinder/face';
import {
  KEYPOINT_FEATURE_LENGTH,
  keypointFeatures,
  mirrorKeypointFeatures,
} from '../../../../../../src/vision/engine/features/faceFinder/keypointFeatures';
import { faceAt } from './syntheticFaces';

/** The same face in a frame flipped left/right: x -> width - x, right and left swap names. */
function flipped(face: Face, frameWidth: number): Face {
  const flip = (k: number) => ({
    x: frameWidth - (face.keypoints[k]?.x as number),
    y: face.keypoints[k]?.y as number,
  });
  return {
    box: { ...face.box, cx: frameWidth - face.box.cx },
    // The person's right eye (index 0) now shows where the left eye was, and so on.
    keypoints: [flip(1), flip(0), flip(2), flip(3), flip(5), flip(4)],
    score: face.score,
  };
}

/** A face turned to one side: the nose toward the image's right, one ear hidden behind. */
function turnedFace(): Face {
  const face = faceAt(200, 150, 100);
  return {
    ...face,
    keypoints: [
      { x: 185, y: 140 },
      { x: 225, y: 141 },
      { x: 238, y: 160 },
      { x: 222, y: 178 },
      { x: 160, y: 150 },
      { x: 232, y: 149 },
    ],
  };
}

describe('keypoints as features', () => {
  it('are 12 numbers relative to the box: 0 at its left/top edge, 1 at its right/bottom', () => {
    const face = faceAt(200, 150, 100); // box 150..250 x 100..200
    const features = keypointFeatures(face);
    expect(features).toHaveLength(KEYPOINT_FEATURE_LENGTH);
    expect(features[0]).toBeCloseTo(0.35, 6); // right eye x
    expect(features[1]).toBeCloseTo(0.4, 6); // right eye y
    expect(features[4]).toBeCloseTo(0.5, 6); // nose x
    expect(features[10]).toBeCloseTo(0.9, 6); // left ear x
  });

  it('do not change when the face moves or changes size in the frame', () => {
    const near = keypointFeatures(faceAt(320, 240, 200));
    const far = keypointFeatures(faceAt(80, 400, 40));
    near.forEach((value, i) => expect(far[i]).toBeCloseTo(value, 5));
  });

  it('mirror by formula exactly as the face flipped in the frame reads', () => {
    const face = turnedFace();
    const byFormula = mirrorKeypointFeatures(keypointFeatures(face));
    const measured = keypointFeatures(flipped(face, 640));
    byFormula.forEach((value, i) => expect(measured[i]).toBeCloseTo(value, 5));
    // The nose was right of centre; in the mirror it is left of centre.
    expect(keypointFeatures(face)[4]).toBeGreaterThan(0.5);
    expect(byFormula[4]).toBeLessThan(0.5);
  });

  it('mirror twice to the same numbers, and a frontal symmetric face to itself', () => {
    const features = keypointFeatures(turnedFace());
    const twice = mirrorKeypointFeatures(mirrorKeypointFeatures(features));
    twice.forEach((value, i) => expect(value).toBeCloseTo(features[i] as number, 6));
    const frontal = keypointFeatures(faceAt(100, 100, 50));
    mirrorKeypointFeatures(frontal).forEach((value, i) =>
      expect(value).toBeCloseTo(frontal[i] as number, 6),
    );
  });

  it('refuse a box without size and the wrong number of numbers', () => {
    expect(() =>
      keypointFeatures({ ...faceAt(0, 0, 10), box: { cx: 0, cy: 0, width: 0, height: 10 } }),
    ).toThrow();
    expect(() => mirrorKeypointFeatures(new Float32Array(10))).toThrow(/12/);
  });
});
