/**
 * Tensor path of regionPixels.ts: cut a square region out of a frame held as a tensor
 * ([height, width, 3], values 0..255), grey outside the frame. Node tools and tests read
 * photos this way; a browser frame already in a tensor could too.
 *
 * It aims at the pixels the canvas path draws: bilinear samples at the output pixels'
 * centres (half-pixel convention, like resizeBilinear with halfPixelCenters), and when the
 * region shrinks by 2x or more, an average over whole blocks of pixels first, as a canvas
 * with imageSmoothingQuality 'high' averages instead of skipping pixels.
 */
import * as tf from '@tensorflow/tfjs-core';
import { OUTSIDE_GREY, type Region } from './region';
import type { RegionReader } from './regionPixels';

/** [size, size, 3] float32, values 0..255, grey outside the frame. */
export function cropRegion(frame: tf.Tensor3D, region: Region, size: number): tf.Tensor3D {
  return tf.tidy(() => {
    let image = tf.cast(frame, 'float32') as tf.Tensor3D;
    let { x, y, size: side } = region;
    const shrink = Math.floor(side / size);
    if (shrink >= 2 && image.shape[0] >= shrink && image.shape[1] >= shrink) {
      // Block averages: pixel j of the pooled image covers pixels [j*shrink, (j+1)*shrink).
      image = tf.avgPool(image, shrink, shrink, 'valid');
      x /= shrink;
      y /= shrink;
      side /= shrink;
    }
    const [height, width] = image.shape;
    const step = side / size;
    // Output pixel i covers frame x + i * step .. x + (i + 1) * step; its sample sits at the
    // centre, x + (i + 0.5) * step in pixel edges, x + (i + 0.5) * step - 0.5 in pixel
    // centres. A sample inside the frame's area but beyond its outermost pixel centre takes
    // that edge pixel (a one-pixel edge copy around the frame), one outside the area is grey
    // (the mask below), as on the canvas.
    const padded = tf.mirrorPad(
      image,
      [
        [1, 1],
        [1, 1],
        [0, 0],
      ],
      'symmetric',
    );
    const firstX = x + 0.5 * step - 0.5 + 1;
    const firstY = y + 0.5 * step - 0.5 + 1;
    const lastX = firstX + (size - 1) * step;
    const lastY = firstY + (size - 1) * step;
    // cropAndResize measures positions in units of (padded side - 1).
    const boxes = tf.tensor2d(
      [[firstY / (height + 1), firstX / (width + 1), lastY / (height + 1), lastX / (width + 1)]],
      [1, 4],
    );
    const crop = tf.image.cropAndResize(
      tf.expandDims(padded, 0) as tf.Tensor4D,
      boxes,
      [0],
      [size, size],
      'bilinear',
      OUTSIDE_GREY,
    );
    const inside = (start: number, extent: number): Float32Array =>
      Float32Array.from({ length: size }, (_, i) => {
        const centre = start + (i + 0.5) * step;
        return centre >= 0 && centre < extent ? 1 : 0;
      });
    const mask = tf.mul(
      tf.tensor3d(inside(y, height), [size, 1, 1]),
      tf.tensor3d(inside(x, width), [1, size, 1]),
    );
    const framed = tf.add(tf.mul(tf.sub(tf.squeeze(crop, [0]), OUTSIDE_GREY), mask), OUTSIDE_GREY);
    return framed as tf.Tensor3D;
  });
}

/** RGBA bytes (alpha 255) of a [size, size, 3] image with values 0..255. */
export async function rgbaOf(image: tf.Tensor3D): Promise<Uint8ClampedArray> {
  const rgb = await image.data();
  const rgba = new Uint8ClampedArray((rgb.length / 3) * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgba[j] = rgb[i] as number;
    rgba[j + 1] = rgb[i + 1] as number;
    rgba[j + 2] = rgb[i + 2] as number;
    rgba[j + 3] = 255;
  }
  return rgba;
}

/** A RegionReader over a frame tensor ([height, width, 3], 0..255); the frame is not disposed. */
export function tensorRegionReader(frame: tf.Tensor3D): RegionReader {
  return async (region, size) => {
    const crop = cropRegion(frame, region, size);
    try {
      return { data: await rgbaOf(crop), width: size, height: size };
    } finally {
      crop.dispose();
    }
  };
}
