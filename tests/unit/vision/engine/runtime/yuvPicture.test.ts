// A camera frame's planes to RGBA in the worker: BT.601 video-range colours, I420 (three
// planes) and NV12 (U and V interleaved) alike, rows padded past the picture's width, and a
// chroma sample shared by each 2x2 block of pixels.
import { describe, expect, it } from 'vitest';
import {
  convertsYuv,
  yuvToRgba,
  type Plane,
  type YuvFormat,
} from '../../../../../src/vision/engine/runtime/yuvPicture';

/** A frame of `width` x `height` whose every 2x2 block has the colour `colourAt(blockX, blockY)`. */
function frame(
  format: YuvFormat,
  width: number,
  height: number,
  colourAt: (bx: number, by: number) => [number, number, number],
  padding = 3,
): { bytes: Uint8Array; layout: Plane[] } {
  const yStride = width + padding;
  const cWidth = width / 2;
  const cHeight = height / 2;
  const cStride = (format === 'NV12' ? width : cWidth) + padding;
  const yPlane = { offset: 7, stride: yStride }; // a few bytes before the picture
  const first = { offset: yPlane.offset + yStride * height, stride: cStride };
  const second = { offset: first.offset + cStride * cHeight, stride: cStride };
  const bytes = new Uint8Array(second.offset + cStride * cHeight).fill(99);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      bytes[yPlane.offset + y * yStride + x] = colourAt(x >> 1, y >> 1)[0];
  }
  for (let by = 0; by < cHeight; by++) {
    for (let bx = 0; bx < cWidth; bx++) {
      const [, u, v] = colourAt(bx, by);
      if (format === 'NV12') {
        bytes[first.offset + by * cStride + 2 * bx] = u;
        bytes[first.offset + by * cStride + 2 * bx + 1] = v;
      } else {
        bytes[first.offset + by * cStride + bx] = u;
        bytes[second.offset + by * cStride + bx] = v;
      }
    }
  }
  return { bytes, layout: format === 'NV12' ? [yPlane, first] : [yPlane, first, second] };
}

function rgbaOf(
  format: YuvFormat,
  width: number,
  height: number,
  colourAt: Parameters<typeof frame>[3],
) {
  const { bytes, layout } = frame(format, width, height, colourAt);
  const rgba = new Uint8ClampedArray(width * height * 4);
  yuvToRgba(format, bytes, layout, width, height, rgba);
  return rgba;
}

const pixel = (rgba: Uint8ClampedArray, width: number, x: number, y: number): number[] => [
  ...rgba.slice((y * width + x) * 4, (y * width + x) * 4 + 4),
];

describe('camera planes to RGBA', () => {
  it.each(['I420', 'NV12'] as const)('%s: black, white, grey and the primaries', (format) => {
    // Y, U, V of BT.601 video range.
    const colours: Array<[[number, number, number], number[]]> = [
      [
        [16, 128, 128],
        [0, 0, 0, 255],
      ],
      [
        [235, 128, 128],
        [255, 255, 255, 255],
      ],
      [
        [126, 128, 128],
        [128, 128, 128, 255],
      ],
      [
        [81, 90, 240],
        [255, 0, 0, 255],
      ],
      [
        [145, 54, 34],
        [0, 255, 0, 255],
      ],
      [
        [41, 240, 110],
        [0, 0, 255, 255],
      ],
    ];
    const width = 2 * colours.length;
    const rgba = rgbaOf(format, width, 2, (bx) => colours[bx]?.[0] ?? [16, 128, 128]);
    colours.forEach(([, expected], bx) => {
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const got = pixel(rgba, width, 2 * bx + dx, dy);
        got
          .slice(0, 3)
          .forEach((channel, i) => expect(channel).toBeCloseTo(expected[i] ?? 0, -0.5));
        expect(got[3]).toBe(255);
      }
    });
  });

  it('reads every row at its stride and every block its own chroma, I420 and NV12 alike', () => {
    const colourAt = (bx: number, by: number): [number, number, number] => [
      40 + 20 * bx + 7 * by,
      100 + 10 * by,
      150 - 9 * bx,
    ];
    const i420 = rgbaOf('I420', 8, 6, colourAt);
    const nv12 = rgbaOf('NV12', 8, 6, colourAt);
    expect([...nv12]).toEqual([...i420]);
    // Blocks differ from one another: no block read another's samples.
    expect(pixel(i420, 8, 0, 0)).not.toEqual(pixel(i420, 8, 6, 4));
    expect(pixel(i420, 8, 6, 4)).toEqual(pixel(i420, 8, 7, 5));
  });

  it('converts only the planar forms it knows', () => {
    expect(convertsYuv('I420')).toBe(true);
    expect(convertsYuv('NV12')).toBe(true);
    expect(convertsYuv('RGBA')).toBe(false);
    expect(convertsYuv(null)).toBe(false);
    expect(() =>
      yuvToRgba(
        'I420',
        new Uint8Array(8),
        [{ offset: 0, stride: 2 }],
        2,
        2,
        new Uint8ClampedArray(16),
      ),
    ).toThrow(/1 planes/);
  });
});
