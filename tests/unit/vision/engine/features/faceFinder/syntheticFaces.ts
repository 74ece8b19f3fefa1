/**
 * Made-up detector outputs and faces for the face finder's unit tests: a face placed at an
 * anchor is written into a [1, 896, 17] output the way the network writes it (offsets from
 * the anchor's centre), so the real decoder has to find it again.
 */
import {
  ANCHOR_COUNT,
  FACE_ANCHORS,
} from '../../../../../../src/vision/engine/features/faceFinder/anchors';
import { VALUES_PER_ANCHOR } from '../../../../../../src/vision/engine/features/faceFinder/decodeDetections';
import type { Face, Point } from '../../../../../../src/vision/engine/features/faceFinder/face';

/** A logit far below the 0.5 score bar (sigmoid(-20) ~ 2e-9). */
export const NO_FACE_LOGIT = -20;

/** An output where no anchor sees a face. */
export function emptyOutput(): Float32Array {
  const raw = new Float32Array(ANCHOR_COUNT * VALUES_PER_ANCHOR);
  for (let a = 0; a < ANCHOR_COUNT; a++) raw[a * VALUES_PER_ANCHOR] = NO_FACE_LOGIT;
  return raw;
}

/** The anchor whose centre is nearest to a point (the first of a cell's anchors). */
export function nearestAnchor(point: Point): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  FACE_ANCHORS.forEach((anchor, a) => {
    const distance = (anchor.x - point.x) ** 2 + (anchor.y - point.y) ** 2;
    if (distance < bestDistance) {
      best = a;
      bestDistance = distance;
    }
  });
  return best;
}

/** Writes `face` (input pixels) at anchor `anchor` with score logit `logit`. */
export function writeFace(raw: Float32Array, anchor: number, face: Face, logit: number): void {
  const centre = FACE_ANCHORS[anchor] as Point;
  const base = anchor * VALUES_PER_ANCHOR;
  raw[base] = logit;
  raw[base + 1] = face.box.cx - centre.x;
  raw[base + 2] = face.box.cy - centre.y;
  raw[base + 3] = face.box.width;
  raw[base + 4] = face.box.height;
  face.keypoints.forEach((point, k) => {
    raw[base + 5 + 2 * k] = point.x - centre.x;
    raw[base + 6 + 2 * k] = point.y - centre.y;
  });
}

/**
 * A frontal-ish face of a square box: eyes a third down, nose in the middle, mouth lower,
 * ears at the sides. "Right" is the person's own right: the image's left.
 */
export function faceAt(cx: number, cy: number, size: number, score = 0.9): Face {
  const at = (fx: number, fy: number): Point => ({
    x: cx + (fx - 0.5) * size,
    y: cy + (fy - 0.5) * size,
  });
  return {
    box: { cx, cy, width: size, height: size },
    keypoints: [
      at(0.35, 0.4),
      at(0.65, 0.4),
      at(0.5, 0.55),
      at(0.5, 0.72),
      at(0.1, 0.5),
      at(0.9, 0.5),
    ],
    score,
  };
}

export function logitOf(score: number): number {
  return Math.log(score / (1 - score));
}
