/**
 * The face assumed when the face finder could not load: a frontal face filling the centre
 * square of the frame (the framing head control used before the finder), so MobileNet sees
 * what it saw then and the feature vector keeps its shape (the keypoints of a face looking
 * straight at the camera). Head control then works for a player who sits centred, and says so.
 */
import type { Face } from './faceFinder/face';
import { FACE_CROP_FACTOR } from './faceFraming';
import { centreSquare } from './framing';

/**
 * Where the six keypoints sit in the box of a face looking straight at the camera, as the
 * camera sees it (the person's right eye on the image's left): round numbers near the mean
 * of the detector's keypoints on Pointing'04's frontal photos.
 */
const FRONTAL_KEYPOINTS: ReadonlyArray<readonly [number, number]> = [
  [0.33, 0.38], // right eye
  [0.67, 0.38], // left eye
  [0.5, 0.58], // nose tip
  [0.5, 0.76], // mouth centre
  [0.08, 0.45], // right ear tragion
  [0.92, 0.45], // left ear tragion
];

export function centreFace(frameWidth: number, frameHeight: number): Face {
  const square = centreSquare(frameWidth, frameHeight);
  // The crop around a face is FACE_CROP_FACTOR x its box: a box of the square / factor
  // makes the crop the centre square itself.
  const side = square.size / FACE_CROP_FACTOR;
  const cx = square.x + square.size / 2;
  const cy = square.y + square.size / 2;
  const left = cx - side / 2;
  const top = cy - side / 2;
  return {
    box: { cx, cy, width: side, height: side },
    keypoints: FRONTAL_KEYPOINTS.map(([x, y]) => ({ x: left + x * side, y: top + y * side })),
    score: 0,
  };
}
