// The still check of the worker's camera reader: a frame's brightness plane looked at in the
// last face's square, 16x16, against the last predicted frame's.
import { describe, expect, it } from 'vitest';
import { lumaLook, type LumaPlane } from '../../../../../src/vision/engine/runtime/lumaLook';
import {
  PREDICTIONS_TO_SETTLE,
  StillHead,
  type FrameLook,
} from '../../../../../src/vision/engine/runtime/stillHead';
import { SMOOTHER_SETTINGS } from '../../../../../src/vision/steering/smootherSettings';

const WIDTH = 160;
const HEIGHT = 120;
const FACE = { x: 50, y: 30, width: 60, height: 60 };

/** A plane whose pixel at (x, y) is `value(x, y)` (video range), rows padded to a stride. */
function plane(value: (x: number, y: number) => number, stride = WIDTH + 32): LumaPlane {
  const data = new Uint8Array(8 + stride * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) data[8 + y * stride + x] = value(x, y);
  }
  return { data, offset: 8, stride, width: WIDTH, height: HEIGHT };
}

/** A face-like picture: light and dark bands, moved `shift` pixels to the side. */
function face(shift: number, noise: () => number = () => 0): LumaPlane {
  return plane((x, y) => {
    const light = Math.floor((x - shift) / 10) % 2 === Math.floor(y / 15) % 2;
    return Math.max(16, Math.min(235, (light ? 180 : 60) + noise()));
  });
}

/** Camera noise: each pixel off by up to `levels`, the same sequence every run. */
function noisy(levels: number): () => number {
  let seed = 7;
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.round(((seed / 2147483648) * 2 - 1) * levels);
  };
}

describe("the still check's picture of a frame", () => {
  it('is the brightness of the square, video range stretched to 0-255', () => {
    const black = lumaLook(
      plane(() => 16),
      { x: 0, y: 0, size: 64 },
    );
    const white = lumaLook(
      plane(() => 235),
      { x: 0, y: 0, size: 64 },
    );
    expect([black.width, black.height]).toEqual([16, 16]);
    expect(new Set(black.data.filter((_, i) => i % 4 !== 3))).toEqual(new Set([0]));
    expect(new Set(white.data.filter((_, i) => i % 4 !== 3))).toEqual(new Set([255]));
  });

  it('is mid grey where the square leaves the frame', () => {
    const look = lumaLook(
      plane(() => 16),
      { x: -64, y: 0, size: 128 },
    );
    const at = (column: number): number => look.data[(5 * 16 + column) * 4] ?? -1;
    expect(at(0)).toBe(128); // the left half lies left of the frame
    expect(at(7)).toBe(128);
    expect(at(8)).toBe(0);
    expect(at(15)).toBe(0);
  });
});

describe('whether the head holds still', () => {
  it('the settling count is what steering needs to take a new pose from a held one', () => {
    expect(PREDICTIONS_TO_SETTLE).toBe(SMOOTHER_SETTINGS.framesToStart);
  });

  it("is unknown before a prediction's face, and while no face is found", () => {
    const head = new StillHead();
    expect(head.look(face(0))).toBe('unknown');
    head.predicted(face(0), 'unknown');
    expect(head.look(face(0))).toBe('unknown'); // no answer yet
    head.answered(null);
    expect(head.look(face(0))).toBe('unknown');
  });

  it("through camera noise, holds still once seen settled; a move of the face's square is seen at once", () => {
    const head = new StillHead();
    const noise = noisy(6);
    head.predicted(face(0, noise), 'unknown');
    head.answered(FACE);
    const looks: FrameLook[] = [];
    for (let i = 0; i < 6; i++) {
      const look = head.look(face(0, noise));
      looks.push(look);
      head.predicted(face(0, noise), look);
      head.answered(FACE);
    }
    expect(looks).toEqual(['settling', 'settling', 'settling', 'still', 'still', 'still']);
    expect(head.look(face(4, noise))).toBe('moved'); // 4 px: 4 % of the face's square
  });

  it('a slow turn cannot creep past: each frame is compared with the last predicted one', () => {
    const head = new StillHead();
    head.predicted(face(0), 'unknown');
    head.answered(FACE);
    for (let i = 0; i < PREDICTIONS_TO_SETTLE; i++) head.predicted(face(0), 'settling');
    const looks: FrameLook[] = [];
    for (let shift = 0; shift <= 6; shift++) looks.push(head.look(face(shift)));
    expect(looks[0]).toBe('still');
    expect(looks.at(-1)).toBe('moved');
  });

  it('after a move, the new picture settles again before it is held back', () => {
    const head = new StillHead();
    head.predicted(face(0), 'unknown');
    head.answered(FACE);
    for (let i = 0; i < PREDICTIONS_TO_SETTLE; i++) head.predicted(face(0), 'settling');
    expect(head.look(face(0))).toBe('still');
    const moved = head.look(face(10));
    expect(moved).toBe('moved');
    head.predicted(face(10), moved);
    head.answered(FACE);
    expect(head.look(face(10))).toBe('settling');
    head.forget();
    expect(head.look(face(10))).toBe('unknown');
  });
});
