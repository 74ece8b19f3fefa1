/**
 * The words of the face finder: a found face is a box, six keypoints and a score. Shared by
 * the decoder, the geometry, findFace and the features; no tfjs, no DOM.
 *
 * Coordinates are pixels of whatever image the face was found in: the detector's 128x128
 * input while decoding, the camera frame once findFace has mapped it back (region.ts).
 * "Right" and "left" are the person's own: in an unmirrored camera frame the person's right
 * eye is on the image's left.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned box by its centre and size. */
export interface FaceBox {
  readonly cx: number;
  readonly cy: number;
  readonly width: number;
  readonly height: number;
}

/** The detector's keypoints, in its output order (MediaPipe short-range BlazeFace). */
export const KEYPOINT_NAMES = [
  'rightEye',
  'leftEye',
  'noseTip',
  'mouthCentre',
  'rightEarTragion',
  'leftEarTragion',
] as const;

export type KeypointName = (typeof KEYPOINT_NAMES)[number];

export const KEYPOINT_COUNT = KEYPOINT_NAMES.length;

/** Where a keypoint sits in a face's `keypoints` array. */
export const KEYPOINT_INDEX: Readonly<Record<KeypointName, number>> = Object.fromEntries(
  KEYPOINT_NAMES.map((name, index) => [name, index]),
) as Record<KeypointName, number>;

export interface Face {
  readonly box: FaceBox;
  /** Six points in KEYPOINT_NAMES order. */
  readonly keypoints: readonly Point[];
  /** The detector's confidence that this is a face, 0..1 (sigmoid of its logit). */
  readonly score: number;
}

export function boxLeft(box: FaceBox): number {
  return box.cx - box.width / 2;
}

export function boxTop(box: FaceBox): number {
  return box.cy - box.height / 2;
}

/** Intersection over union of two boxes; 0 when either has no area. */
export function intersectionOverUnion(a: FaceBox, b: FaceBox): number {
  const left = Math.max(boxLeft(a), boxLeft(b));
  const top = Math.max(boxTop(a), boxTop(b));
  const right = Math.min(boxLeft(a) + a.width, boxLeft(b) + b.width);
  const bottom = Math.min(boxTop(a) + a.height, boxTop(b) + b.height);
  const intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
  const union = a.width * a.height + b.width * b.height - intersection;
  return union <= 0 ? 0 : intersection / union;
}
