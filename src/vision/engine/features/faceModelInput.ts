/**
 * The tensor side of faceFraming.ts: a frame tensor and the face found in it -> the
 * network's [224,224,3] input in [0,1]. Same region, same band as the canvas path; nothing
 * here decides geometry.
 */
import * as tf from '@tensorflow/tfjs-core';
import { EYE_BAND, eyeBandRows, faceCropRegion, type EyeBandShape } from './faceFraming';
import type { Face } from './faceFinder/face';
import { OUTSIDE_GREY } from './faceFinder/region';
import { cropRegion } from './faceFinder/regionTensor';
import { MODEL_INPUT_SIZE } from './framing';

/** A whole [height, width, 3] frame with values 0..255 -> the face-aligned input in [0, 1]. */
export function frameToFaceModelInput(
  frame: tf.Tensor3D,
  face: Face,
  band: EyeBandShape | null = EYE_BAND,
): tf.Tensor3D {
  return tf.tidy(() => {
    const region = faceCropRegion(face);
    let image = cropRegion(frame, region, MODEL_INPUT_SIZE);
    const rows = eyeBandRows(face, region, band);
    if (rows !== null) {
      const inBand = new Float32Array(MODEL_INPUT_SIZE);
      inBand.fill(1, rows.top, rows.bottom);
      const mask = tf.tensor3d(inBand, [MODEL_INPUT_SIZE, 1, 1]);
      // image * (1 - mask) + grey * mask, row by row.
      image = tf.add(tf.mul(image, tf.sub(1, mask)), tf.mul(mask, OUTSIDE_GREY)) as tf.Tensor3D;
    }
    return tf.div(image, 255);
  });
}
