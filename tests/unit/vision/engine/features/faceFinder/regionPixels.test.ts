import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { letterboxRegion } from '../../../../../../src/vision/engine/features/faceFinder/region';
import {
  canvasRegionReader,
  drawRegion,
} from '../../../../../../src/vision/engine/features/faceFinder/regionPixels';
import {
  cropRegion,
  tensorRegionReader,
} from '../../../../../../src/vision/engine/features/faceFinder/regionTensor';
import { recordingContext } from './fakeContext';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const GREY = 'rgb(128, 128, 128)';

describe('the canvas path', () => {
  it('fills grey first, then draws only the part of the region inside the frame', () => {
    const context = recordingContext();
    drawRegion(
      context as unknown as CanvasRenderingContext2D,
      {} as CanvasImageSource,
      640,
      480,
      letterboxRegion(640, 480),
      128,
    );
    expect(context.calls).toEqual([
      ['fillRect', GREY, 0, 0, 128, 128],
      ['drawImage', 0, 0, 640, 480, 0, 16, 128, 96],
    ]);
    expect(context.imageSmoothingQuality).toBe('high');
  });

  it('draws nothing but grey for a region off the frame', () => {
    const context = recordingContext();
    drawRegion(
      context as unknown as CanvasRenderingContext2D,
      {} as CanvasImageSource,
      640,
      480,
      { x: -500, y: 0, size: 100 },
      128,
    );
    expect(context.calls).toEqual([['fillRect', GREY, 0, 0, 128, 128]]);
  });

  it('reads back the square it drew, as a RegionReader', async () => {
    const context = recordingContext();
    const read = canvasRegionReader(
      context as unknown as CanvasRenderingContext2D,
      {} as CanvasImageSource,
      640,
      480,
    );
    const pixels = await read({ x: 600, y: 440, size: 80 }, 128);
    expect(pixels.width).toBe(128);
    expect(context.calls).toEqual([
      ['fillRect', GREY, 0, 0, 128, 128],
      ['drawImage', 600, 440, 40, 40, 0, 0, 64, 64],
      ['getImageData', 0, 0, 128, 128],
    ]);
  });
});

describe('the tensor path', () => {
  /** A frame whose red channel is the column and green the row (0..255 as they fit). */
  function gradientFrame(width: number, height: number): tf.Tensor3D {
    const values = new Int32Array(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        values[(y * width + x) * 3] = x;
        values[(y * width + x) * 3 + 1] = y;
        values[(y * width + x) * 3 + 2] = 200;
      }
    }
    return tf.tensor3d(values, [height, width, 3], 'int32');
  }

  it('cuts a region at one pixel per pixel exactly', async () => {
    const frame = gradientFrame(64, 48);
    const crop = cropRegion(frame, { x: 10, y: 5, size: 20 }, 20);
    const pixels = (await crop.array()) as number[][][];
    expect(pixels[0]?.[0]?.[0]).toBeCloseTo(10, 4);
    expect(pixels[0]?.[0]?.[1]).toBeCloseTo(5, 4);
    expect(pixels[19]?.[19]?.[0]).toBeCloseTo(29, 4);
    expect(pixels[19]?.[19]?.[1]).toBeCloseTo(24, 4);
    tf.dispose([frame, crop]);
  });

  it('samples pixel centres when scaling, as the canvas does', async () => {
    const frame = gradientFrame(64, 48);
    // 2x up: output pixel 0 covers frame x 10..10.5, its centre at x = 10.25 in edges,
    // i.e. 9.75 in pixel centres: clamped to the first pixel's value by bilinear sampling.
    const crop = cropRegion(frame, { x: 20, y: 10, size: 10 }, 20);
    const pixels = (await crop.array()) as number[][][];
    expect(pixels[0]?.[1]?.[0]).toBeCloseTo(20.25, 4);
    expect(pixels[0]?.[2]?.[0]).toBeCloseTo(20.75, 4);
    tf.dispose([frame, crop]);
  });

  it('is mid grey where the region leaves the frame, on the same side as the canvas draws it', async () => {
    const frame = gradientFrame(64, 48);
    const crop = cropRegion(frame, { x: -16, y: 0, size: 32 }, 32);
    const pixels = (await crop.array()) as number[][][];
    expect(pixels[10]?.[0]).toEqual([128, 128, 128]); // left half: outside
    expect(pixels[10]?.[15]).toEqual([128, 128, 128]);
    expect(pixels[10]?.[16]?.[2]).toBeCloseTo(200, 4); // right half: the frame
    tf.dispose([frame, crop]);
  });

  it('averages blocks of pixels when it shrinks a region 2x or more', async () => {
    // Alternating black and white columns: skipping pixels would give all black or all white.
    const values = new Int32Array(64 * 64 * 3);
    for (let i = 0; i < 64 * 64; i++) values.fill(((i % 64) % 2) * 255, 3 * i, 3 * i + 3);
    const frame = tf.tensor3d(values, [64, 64, 3], 'int32');
    const crop = cropRegion(frame, { x: 0, y: 0, size: 64 }, 16);
    const data = await crop.data();
    expect(Math.min(...data)).toBeCloseTo(127.5, 3);
    expect(Math.max(...data)).toBeCloseTo(127.5, 3);
    tf.dispose([frame, crop]);
  });

  it('reads RGBA bytes through a RegionReader and leaves no tensor behind', async () => {
    const frame = gradientFrame(64, 48);
    const before = tf.memory().numTensors;
    const pixels = await tensorRegionReader(frame)({ x: 0, y: 0, size: 8 }, 8);
    expect(tf.memory().numTensors).toBe(before);
    expect(pixels.width).toBe(8);
    expect([...pixels.data.slice(4 * 9, 4 * 9 + 4)]).toEqual([1, 1, 200, 255]);
    frame.dispose();
  });
});
