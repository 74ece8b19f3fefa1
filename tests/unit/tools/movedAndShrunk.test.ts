import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MOVED_FRAME,
  MOVED_SCALE,
  pasteIntoFrame,
  placementOf,
} from '../../../tools/node/movedAndShrunk';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the moved-and-shrunk frames', () => {
  it('place a photo by its name and the seed alone, the same every time', () => {
    expect(placementOf('person01146+0+0.jpg', 384, 288)).toEqual(
      placementOf('person01146+0+0.jpg', 384, 288),
    );
    expect(placementOf('person01146+0+0.jpg', 384, 288)).not.toEqual(
      placementOf('person01147+0+0.jpg', 384, 288),
    );
    expect(placementOf('a.jpg', 384, 288, 1)).not.toEqual(placementOf('a.jpg', 384, 288, 2));
  });

  it('shrink to 0.6-1.0 and keep the whole photo inside the 640x480 frame', () => {
    const scales: number[] = [];
    for (let i = 0; i < 500; i++) {
      const p = placementOf(`photo${i}.jpg`, 384, 288);
      scales.push(p.scale);
      expect(p.scale).toBeGreaterThanOrEqual(MOVED_SCALE.min);
      expect(p.scale).toBeLessThanOrEqual(MOVED_SCALE.max);
      expect(p.width).toBe(Math.round(384 * p.scale));
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x + p.width).toBeLessThanOrEqual(MOVED_FRAME.width);
      expect(p.y + p.height).toBeLessThanOrEqual(MOVED_FRAME.height);
    }
    // Spread over the whole range, not stuck at one end.
    expect(Math.min(...scales)).toBeLessThan(0.65);
    expect(Math.max(...scales)).toBeGreaterThan(0.95);
  });

  it('fit a photo larger than the frame before shrinking it', () => {
    const p = placementOf('big.jpg', 1280, 720);
    expect(p.width).toBeLessThanOrEqual(640);
    expect(p.height / p.width).toBeCloseTo(720 / 1280, 2);
  });

  it('paste the photo at its place in a mid-grey frame', async () => {
    const photo = tf.fill([288, 384, 3], 250, 'int32') as tf.Tensor3D;
    const placement = { x: 100, y: 50, width: 192, height: 144, scale: 0.5 };
    const frame = pasteIntoFrame(photo, placement);
    expect(frame.shape).toEqual([480, 640, 3]);
    const pixels = (await frame.array()) as number[][][];
    expect(pixels[49]?.[150]).toEqual([128, 128, 128]);
    expect(pixels[50]?.[100]).toEqual([250, 250, 250]);
    expect(pixels[193]?.[291]).toEqual([250, 250, 250]);
    expect(pixels[194]?.[291]).toEqual([128, 128, 128]);
    tf.dispose([photo, frame]);
  });
});
