/**
 * The "moved and shrunk" photos: each photo pasted into a 640x480 mid-grey frame at a random
 * place and a random scale 0.6-1.0 (of its size, or of the size that fits the frame), as a player who sits back and to one side looks to a
 * webcam. Deterministic from a seed and the photo's file name (not its position in a list),
 * so a subset, the bench and a fake-camera clip all get the very same frames.
 *
 * `placementOf` is plain arithmetic (any runtime); `pasteIntoFrame` needs only tfjs-core.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../src/game/random';
import { OUTSIDE_GREY } from '../../src/vision/engine/features/faceFinder/region';
import { hashText } from './knnEvaluation';

export const MOVED_FRAME = { width: 640, height: 480 } as const;
export const MOVED_SCALE = { min: 0.6, max: 1 } as const;
/** The seed of the measured set (tools/studies/measure-face-finder.ts, eval-poses). */
export const MOVED_SEED = 2004;

/** Where the scaled photo lies in the frame, in whole pixels. */
export interface Placement {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
}

export function placementOf(
  file: string,
  photoWidth: number,
  photoHeight: number,
  seed: number = MOVED_SEED,
): Placement {
  const random = mulberry32(seed ^ hashText(file));
  // A photo larger than the frame is first fitted into it (Pointing'04's 384x288 is not).
  const fit = Math.min(1, MOVED_FRAME.width / photoWidth, MOVED_FRAME.height / photoHeight);
  const scale = fit * (MOVED_SCALE.min + (MOVED_SCALE.max - MOVED_SCALE.min) * random());
  const width = Math.min(MOVED_FRAME.width, Math.round(photoWidth * scale));
  const height = Math.min(MOVED_FRAME.height, Math.round(photoHeight * scale));
  const x = Math.floor(random() * (MOVED_FRAME.width - width + 1));
  const y = Math.floor(random() * (MOVED_FRAME.height - height + 1));
  return { x, y, width, height, scale };
}

/** A [height, width, 3] photo (0..255) pasted into the grey 640x480 frame (int32 0..255). */
export function pasteIntoFrame(photo: tf.Tensor3D, placement: Placement): tf.Tensor3D {
  return tf.tidy(() => {
    const scaled = tf.image.resizeBilinear(
      tf.cast(photo, 'float32') as tf.Tensor3D,
      [placement.height, placement.width],
      false,
      true,
    );
    const padded = tf.pad(
      tf.round(scaled),
      [
        [placement.y, MOVED_FRAME.height - placement.y - placement.height],
        [placement.x, MOVED_FRAME.width - placement.x - placement.width],
        [0, 0],
      ],
      OUTSIDE_GREY,
    );
    return tf.cast(padded, 'int32') as tf.Tensor3D;
  });
}

/** The moved-and-shrunk frame of a photo, by its file name. */
export function movedAndShrunkFrame(
  photo: tf.Tensor3D,
  file: string,
  seed: number = MOVED_SEED,
): tf.Tensor3D {
  const [height, width] = photo.shape;
  return pasteIntoFrame(photo, placementOf(file, width, height, seed));
}
