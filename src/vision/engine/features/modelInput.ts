/**
 * The tensor side of framing.ts: pixels -> the network's [224,224,3] input in [0,1].
 * Same region and orientation as framing.ts describes; nothing here decides geometry.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MIRROR_BEFORE_EMBEDDING, MODEL_INPUT_SIZE, centreSquare } from './framing';

/** RGBA pixels of the already framed 224x224 image (ImageData or alike) -> [224,224,3] in [0,1]. */
export function pixelsToModelInput(pixels: {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}): tf.Tensor3D {
  if (pixels.width !== MODEL_INPUT_SIZE || pixels.height !== MODEL_INPUT_SIZE) {
    throw new Error(
      `expected ${MODEL_INPUT_SIZE}x${MODEL_INPUT_SIZE}, got ${pixels.width}x${pixels.height}`,
    );
  }
  const rgb = new Float32Array(MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 3);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgb[j] = (pixels.data[i] ?? 0) / 255;
    rgb[j + 1] = (pixels.data[i + 1] ?? 0) / 255;
    rgb[j + 2] = (pixels.data[i + 2] ?? 0) / 255;
  }
  return tf.tensor3d(rgb, [MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3]);
}

/**
 * Tensor path (Node tools and tests, or a browser frame already in a tensor): a whole
 * [height, width, 3] frame with values 0..255 -> the framed [224,224,3] input in [0,1].
 * Same region, same orientation as `drawModelInput`; resampling is bilinear with half-pixel
 * centres, the closest tensor equivalent of the canvas shrink.
 */
export function frameToModelInput(frame: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const [height, width] = frame.shape;
    const region = centreSquare(width, height);
    let square = tf.slice(frame, [region.y, region.x, 0], [region.size, region.size, 3]);
    if (MIRROR_BEFORE_EMBEDDING) square = tf.reverse(square, 1);
    const resized = tf.image.resizeBilinear(
      tf.cast(square, 'float32'),
      [MODEL_INPUT_SIZE, MODEL_INPUT_SIZE],
      false,
      true,
    );
    return tf.div(resized, 255);
  });
}

/** A left/right mirror image of a framed input, for mirror augmentation and its tests. */
export function mirrorModelInput(input: tf.Tensor3D): tf.Tensor3D {
  return tf.reverse(input, 1);
}
