/**
 * The six keypoints as pose features: 12 numbers, each point relative to the face's box
 * ((x - box left) / box width, (y - box top) / box height). A turn moves the nose toward one
 * side of the box and the far ear out of sight, whatever the face's size or place in the
 * frame, which is exactly what MobileNet's picture features find hard to see.
 *
 * Mirror image by formula: flipping the frame maps x to 1 - x within the box, and the
 * person's right eye and ear become the left ones (the detector names them by the person's
 * side, which a mirror swaps). Checked against the detector run on flipped photos
 * (tools/studies/measure-face-finder.ts, 27 Pointing'04 photos turned up to 60 degrees): the 12
 * numbers differ by 0.017 box sides on the median photo (mean over the numbers), 0.034 on the
 * worst, 0.10 at most for a single number; realFaceDetector.test.ts keeps it under 0.02.
 */
import { KEYPOINT_COUNT, KEYPOINT_INDEX, boxLeft, boxTop, type Face } from './face';

export const KEYPOINT_FEATURE_LENGTH = 2 * KEYPOINT_COUNT;

/** x0, y0, x1, y1, ... in KEYPOINT_NAMES order, relative to the box. */
export function keypointFeatures(face: Face): Float32Array {
  const { box } = face;
  if (!(box.width > 0 && box.height > 0)) throw new Error('a face box needs a positive size');
  if (face.keypoints.length !== KEYPOINT_COUNT) {
    throw new Error(`a face has ${KEYPOINT_COUNT} keypoints, got ${face.keypoints.length}`);
  }
  const features = new Float32Array(KEYPOINT_FEATURE_LENGTH);
  face.keypoints.forEach((point, k) => {
    features[2 * k] = (point.x - boxLeft(box)) / box.width;
    features[2 * k + 1] = (point.y - boxTop(box)) / box.height;
  });
  return features;
}

/** Which keypoint each one becomes in a mirror image: right and left swap. */
const MIRROR_PARTNER: readonly number[] = (() => {
  const partner = Array.from({ length: KEYPOINT_COUNT }, (_, k) => k);
  const swap = (a: number, b: number): void => {
    partner[a] = b;
    partner[b] = a;
  };
  swap(KEYPOINT_INDEX.rightEye, KEYPOINT_INDEX.leftEye);
  swap(KEYPOINT_INDEX.rightEarTragion, KEYPOINT_INDEX.leftEarTragion);
  return partner;
})();

/** The keypoint features of the same face seen in a left/right mirror. */
export function mirrorKeypointFeatures(features: Float32Array): Float32Array {
  if (features.length !== KEYPOINT_FEATURE_LENGTH) {
    throw new Error(`expected ${KEYPOINT_FEATURE_LENGTH} keypoint numbers, got ${features.length}`);
  }
  const mirrored = new Float32Array(KEYPOINT_FEATURE_LENGTH);
  for (let k = 0; k < KEYPOINT_COUNT; k++) {
    const to = MIRROR_PARTNER[k] as number;
    mirrored[2 * to] = 1 - (features[2 * k] as number);
    mirrored[2 * to + 1] = features[2 * k + 1] as number;
  }
  return mirrored;
}
