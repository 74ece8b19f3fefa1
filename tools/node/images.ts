/** Decode JPEG and PNG files into [height, width, 3] int32 tensors (0..255) in Node. */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** RGBA bytes -> RGB tensor. */
function rgbaToTensor(data: Uint8Array, width: number, height: number): tf.Tensor3D {
  const rgb = new Int32Array(width * height * 3);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgb[j] = data[i] ?? 0;
    rgb[j + 1] = data[i + 1] ?? 0;
    rgb[j + 2] = data[i + 2] ?? 0;
  }
  return tf.tensor3d(rgb, [height, width, 3], 'int32');
}

export function readImage(path: string): tf.Tensor3D {
  const bytes = readFileSync(path);
  if (path.toLowerCase().endsWith('.png')) {
    const png = PNG.sync.read(bytes);
    return rgbaToTensor(png.data, png.width, png.height);
  }
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return rgbaToTensor(image.data, image.width, image.height);
}
