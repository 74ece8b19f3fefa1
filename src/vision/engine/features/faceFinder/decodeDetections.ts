/**
 * The detector's raw output [1, 896, 17] -> candidate faces in 128-input pixels, before
 * non-maximum suppression (weightedNms.ts). Pure arithmetic on a Float32Array.
 *
 * Per anchor, 17 numbers: the score logit, then the box (centre x, centre y, width, height)
 * and six keypoints (x, y), all in input pixels, the centre and the keypoints as offsets from
 * the anchor's centre (anchors.ts). This is MediaPipe's TensorsToDetections with
 * x/y/w/h scale = 128 and fixed-size anchors, written out in pixels.
 */
import { ANCHOR_COUNT, FACE_ANCHORS } from './anchors';
import { KEYPOINT_COUNT, type Face, type Point } from './face';

/** Numbers per anchor: 1 score + 4 box + 2 x 6 keypoints. */
export const VALUES_PER_ANCHOR = 1 + 4 + 2 * KEYPOINT_COUNT;

/**
 * MediaPipe's own min_score_thresh for this model. Below it, the short-range model's
 * "faces" are mostly background patterns; above it the misses on Pointing'04 are only the
 * +-90 degree pitches (RECIPES.md), so there is nothing to gain from a lower bar, and a
 * higher one would lose the far, small faces first.
 */
export const MIN_FACE_SCORE = 0.5;

/**
 * MediaPipe's score_clipping_thresh: the logit is clipped before the sigmoid so that an
 * extreme logit never gives exp() overflow or a score of exactly 0 or 1.
 */
export const SCORE_LOGIT_CLIP = 100;

export function scoreOfLogit(logit: number): number {
  const clipped = Math.min(SCORE_LOGIT_CLIP, Math.max(-SCORE_LOGIT_CLIP, logit));
  return 1 / (1 + Math.exp(-clipped));
}

/**
 * Every anchor whose score reaches `minScore`, decoded. `raw` is the output tensor's data
 * (896 x 17 numbers, batch of one).
 */
export function decodeDetections(raw: Float32Array, minScore: number = MIN_FACE_SCORE): Face[] {
  if (raw.length !== ANCHOR_COUNT * VALUES_PER_ANCHOR) {
    throw new Error(
      `detector output has ${raw.length} numbers, expected ${ANCHOR_COUNT} x ${VALUES_PER_ANCHOR}`,
    );
  }
  const faces: Face[] = [];
  for (let a = 0; a < ANCHOR_COUNT; a++) {
    const base = a * VALUES_PER_ANCHOR;
    const score = scoreOfLogit(raw[base] as number);
    if (score < minScore) continue;
    const anchor = FACE_ANCHORS[a] as Point;
    const keypoints: Point[] = [];
    for (let k = 0; k < KEYPOINT_COUNT; k++) {
      keypoints.push({
        x: anchor.x + (raw[base + 5 + 2 * k] as number),
        y: anchor.y + (raw[base + 6 + 2 * k] as number),
      });
    }
    faces.push({
      box: {
        cx: anchor.x + (raw[base + 1] as number),
        cy: anchor.y + (raw[base + 2] as number),
        width: raw[base + 3] as number,
        height: raw[base + 4] as number,
      },
      keypoints,
      score,
    });
  }
  return faces;
}
