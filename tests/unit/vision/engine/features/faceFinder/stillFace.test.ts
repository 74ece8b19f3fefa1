import { describe, expect, it } from 'vitest';
import {
  pictureChange,
  STILL_LIMIT,
} from '../../../../../../src/vision/engine/features/faceFinder/stillFace';

/** A width x height RGBA picture whose pixel i has the colour colourOf(i). */
function picture(size: number, colourOf: (i: number) => [number, number, number]) {
  const data = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    data.set([...colourOf(i), 255], 4 * i);
  }
  return { data, width: size, height: size };
}

describe('pictureChange', () => {
  it('is 0 for the same picture and the mean brightness difference otherwise', () => {
    const grey = picture(4, () => [100, 100, 100]);
    expect(pictureChange(grey, grey)).toBe(0);
    expect(
      pictureChange(
        grey,
        picture(4, () => [110, 110, 110]),
      ),
    ).toBeCloseTo(10, 6);
    // Half the pixels 40 levels brighter: 20 on average.
    const half = picture(4, (i) => (i < 8 ? [140, 140, 140] : [100, 100, 100]));
    expect(pictureChange(grey, half)).toBeCloseTo(20, 6);
  });

  it('weighs the colours as brightness (green most, blue least)', () => {
    const black = picture(2, () => [0, 0, 0]);
    expect(
      pictureChange(
        black,
        picture(2, () => [0, 100, 0]),
      ),
    ).toBeCloseTo(58.7, 6);
    expect(
      pictureChange(
        black,
        picture(2, () => [0, 0, 100]),
      ),
    ).toBeCloseTo(11.4, 6);
  });

  it('calls small noise still and a moved face not', () => {
    const face = (shift: number) =>
      picture(16, (i) => {
        const x = (i % 16) + shift;
        const v = x >= 5 && x < 11 ? 200 : 60; // a bright face between dark hair and room
        return [v, v, v];
      });
    const noisy = picture(16, (i) => {
      const v = (i % 16 >= 5 && i % 16 < 11 ? 200 : 60) + (i % 3) - 1;
      return [v, v, v];
    });
    expect(pictureChange(face(0), noisy)).toBeLessThanOrEqual(STILL_LIMIT);
    expect(pictureChange(face(0), face(2))).toBeGreaterThan(STILL_LIMIT);
  });

  it('never calls pictures of different sizes alike', () => {
    expect(
      pictureChange(
        picture(2, () => [0, 0, 0]),
        picture(4, () => [0, 0, 0]),
      ),
    ).toBe(Number.POSITIVE_INFINITY);
  });
});
