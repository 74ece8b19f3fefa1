import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MODEL_INPUT_SIZE,
  centreSquare,
  drawModelInput,
  inputSideFacedWhenTurning,
  modelInputPointOf,
} from '../../../../../src/vision/engine/features/framing';
import {
  frameToModelInput,
  mirrorModelInput,
  pixelsToModelInput,
} from '../../../../../src/vision/engine/features/modelInput';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('framing geometry', () => {
  it('takes the largest centred square, in whole pixels', () => {
    expect(centreSquare(640, 480)).toEqual({ x: 80, y: 0, size: 480 });
    expect(centreSquare(480, 640)).toEqual({ x: 0, y: 80, size: 480 });
    expect(centreSquare(384, 288)).toEqual({ x: 48, y: 0, size: 288 });
    expect(centreSquare(5, 2)).toEqual({ x: 1, y: 0, size: 2 });
    expect(() => centreSquare(0, 10)).toThrow();
  });

  it('keeps the camera orientation: the right of the frame stays on the right of the input', () => {
    // 640x480 webcam: x = 80..560 becomes 0..224.
    expect(modelInputPointOf(80, 0, 640, 480)).toEqual({ x: 0, y: 0 });
    expect(modelInputPointOf(560, 480, 640, 480)).toEqual({ x: 224, y: 224 });
    expect(modelInputPointOf(500, 240, 640, 480).x).toBeGreaterThan(MODEL_INPUT_SIZE / 2);
    expect(modelInputPointOf(40, 240, 640, 480).x).toBeLessThan(0); // cropped away
  });

  it("puts the player's own left on the image's right, as in Pointing'04 photos", () => {
    expect(inputSideFacedWhenTurning('left')).toBe('right');
    expect(inputSideFacedWhenTurning('right')).toBe('left');
  });
});

describe('framing pixels', () => {
  /** A frame whose left half is red and right half blue (0..255). */
  function halfRedHalfBlue(width: number, height: number): tf.Tensor3D {
    const values = new Int32Array(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        if (x < width / 2) values[i] = 255;
        else values[i + 2] = 255;
      }
    }
    return tf.tensor3d(values, [height, width, 3], 'int32');
  }

  it('turns a frame into a 224x224 input in [0, 1] without flipping it', async () => {
    const frame = halfRedHalfBlue(640, 480);
    const input = frameToModelInput(frame);
    expect(input.shape).toEqual([224, 224, 3]);
    const pixels = (await input.array()) as number[][][];
    expect(pixels[112]?.[10]).toEqual([1, 0, 0]); // left stays red
    expect(pixels[112]?.[213]).toEqual([0, 0, 1]); // right stays blue
    const mirrored = (await mirrorModelInput(input).array()) as number[][][];
    expect(mirrored[112]?.[10]).toEqual([0, 0, 1]);
    tf.dispose([frame, input]);
  });

  it('crops the sides of a wide frame: a stripe outside the square never reaches the input', async () => {
    const width = 640;
    const values = new Int32Array(width * 480 * 3).fill(128);
    for (let y = 0; y < 480; y++) for (let x = 0; x < 80; x++) values[(y * width + x) * 3] = 255;
    const frame = tf.tensor3d(values, [480, width, 3], 'int32');
    const input = frameToModelInput(frame);
    expect((await tf.max(input).data())[0]).toBeCloseTo(128 / 255, 5);
    tf.dispose([frame, input]);
  });

  it('reads canvas RGBA pixels as RGB in [0, 1]', async () => {
    const rgba = new Uint8ClampedArray(224 * 224 * 4);
    rgba.set([255, 128, 0, 255], 0);
    const input = pixelsToModelInput({ data: rgba, width: 224, height: 224 });
    const first = (await tf.slice(input, [0, 0, 0], [1, 1, 3]).data()) as Float32Array;
    expect([...first].map((v) => Math.round(v * 255))).toEqual([255, 128, 0]);
    expect(() => pixelsToModelInput({ data: rgba, width: 100, height: 100 })).toThrow(/224/);
    input.dispose();
  });

  it('draws the centre square into the 224x224 canvas, unmirrored', () => {
    const calls: unknown[][] = [];
    const context = {
      imageSmoothingEnabled: false,
      imageSmoothingQuality: 'low',
      save() {},
      restore() {},
      translate: () => calls.push(['translate']),
      scale: () => calls.push(['scale']),
      drawImage: (...args: unknown[]) => calls.push(['drawImage', ...args.slice(1)]),
    };
    drawModelInput(
      context as unknown as CanvasRenderingContext2D,
      {} as CanvasImageSource,
      1280,
      720,
    );
    expect(calls).toEqual([['drawImage', 280, 0, 720, 720, 0, 0, 224, 224]]);
    expect(context.imageSmoothingQuality).toBe('high');
  });
});
