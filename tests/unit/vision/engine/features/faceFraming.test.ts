import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EYE_BAND,
  FACE_CROP_FACTOR,
  FACE_PREPROCESSING_ID,
  drawFaceModelInput,
  eyeBandRows,
  faceCropRegion,
} from '../../../../../src/vision/engine/features/faceFraming';
import { frameToFaceModelInput } from '../../../../../src/vision/engine/features/faceModelInput';
import { PREPROCESSING_ID } from '../../../../../src/vision/engine/features/framing';
import { recordingContext } from './faceFinder/fakeContext';
import { faceAt } from './faceFinder/syntheticFaces';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const GREY = 'rgb(128, 128, 128)';
const NO_BAND = null;

describe('the face square', () => {
  it('is 1.5x the detector box around its centre, in whole pixels', () => {
    expect(FACE_CROP_FACTOR).toBe(1.5);
    expect(faceCropRegion(faceAt(320, 240, 100))).toEqual({ x: 245, y: 165, size: 150 });
    const odd = faceCropRegion(faceAt(100.3, 80.6, 41.1));
    expect(odd).toEqual({ x: 69, y: 50, size: 62 });
    expect(Number.isInteger(odd.x) && Number.isInteger(odd.y)).toBe(true);
  });

  it('has its own preprocessing id: calibrations of the centre square cannot be mixed in', () => {
    expect(FACE_PREPROCESSING_ID).not.toBe(PREPROCESSING_ID);
  });
});

describe('the eye band', () => {
  it('is centred on the eye line, its height a share of the box, in whole input rows', () => {
    const face = faceAt(320, 240, 100); // eyes at y = 230; box height 100
    const region = faceCropRegion(face); // y 165, size 150: 224 / 150 input rows per pixel
    const rows = eyeBandRows(face, region, { height: 0.3, offset: 0 });
    const eyeRow = ((230 - 165) * 224) / 150; // 97.07
    const half = (0.3 * 100 * 224) / 150 / 2; // 22.4
    expect(rows).toEqual({ top: Math.round(eyeRow - half), bottom: Math.round(eyeRow + half) });
    const lower = eyeBandRows(face, region, { height: 0.3, offset: 0.1 });
    expect(lower?.top).toBe(Math.round(eyeRow + (10 * 224) / 150 - half));
  });

  it('is off when asked for none, and clipped to the input', () => {
    const face = faceAt(320, 240, 100);
    expect(eyeBandRows(face, faceCropRegion(face), NO_BAND)).toBeNull();
    const huge = eyeBandRows(face, faceCropRegion(face), { height: 5, offset: 0 });
    expect(huge).toEqual({ top: 0, bottom: 224 });
  });
});

describe('the canvas path', () => {
  it('fills grey, draws the visible part of the square, then the band', () => {
    const context = recordingContext();
    const face = faceAt(40, 240, 100); // the square hangs 35 px over the frame's left edge
    drawFaceModelInput(
      context as unknown as CanvasRenderingContext2D,
      {} as CanvasImageSource,
      640,
      480,
      face,
    );
    const rows = eyeBandRows(face, faceCropRegion(face), EYE_BAND);
    expect(rows).not.toBeNull();
    const scale = 224 / 150;
    expect(context.calls).toEqual([
      ['fillRect', GREY, 0, 0, 224, 224],
      ['drawImage', 0, 165, 115, 150, 35 * scale, 0, 115 * scale, 224],
      ['fillRect', GREY, 0, rows?.top, 224, (rows?.bottom ?? 0) - (rows?.top ?? 0)],
    ]);
  });

  it('leaves the band out when there is none', () => {
    const context = recordingContext();
    drawFaceModelInput(
      context as unknown as CanvasRenderingContext2D,
      {} as CanvasImageSource,
      640,
      480,
      faceAt(320, 240, 100),
      NO_BAND,
    );
    expect(context.calls).toHaveLength(2);
  });
});

describe('the tensor path', () => {
  /** A white 640x480 frame. */
  const white = (): tf.Tensor3D => tf.fill([480, 640, 3], 255, 'int32') as tf.Tensor3D;

  it('cuts the same square as the canvas: grey where it leaves the frame, [0, 1]', async () => {
    const frame = white();
    const face = faceAt(40, 240, 100);
    const input = frameToFaceModelInput(frame, face, NO_BAND);
    expect(input.shape).toEqual([224, 224, 3]);
    const pixels = (await input.array()) as number[][][];
    const edge = 35 * (224 / 150); // where the canvas path starts drawing: 52.3
    expect(pixels[100]?.[Math.floor(edge) - 1]?.[0]).toBeCloseTo(128 / 255, 5);
    expect(pixels[100]?.[Math.ceil(edge) + 1]?.[0]).toBeCloseTo(1, 5);
    tf.dispose([frame, input]);
  });

  it('greys exactly the band rows the canvas path greys', async () => {
    const frame = white();
    const face = faceAt(320, 240, 100);
    const rows = eyeBandRows(face, faceCropRegion(face), EYE_BAND);
    const input = frameToFaceModelInput(frame, face);
    const column = ((await input.array()) as number[][][]).map((row) => row[112]?.[1]);
    const greyRows = column.flatMap((value, y) =>
      Math.abs((value as number) - 128 / 255) < 1e-6 ? [y] : [],
    );
    expect(greyRows[0]).toBe(rows?.top);
    expect(greyRows[greyRows.length - 1]).toBe((rows?.bottom as number) - 1);
    expect(greyRows).toHaveLength((rows?.bottom as number) - (rows?.top as number));
    tf.dispose([frame, input]);
  });

  it('leaves no tensor behind', () => {
    const frame = white();
    const before = tf.memory().numTensors;
    frameToFaceModelInput(frame, faceAt(320, 240, 100)).dispose();
    expect(tf.memory().numTensors).toBe(before);
    frame.dispose();
  });
});
