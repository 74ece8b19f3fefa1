/**
 * Whether the picture around the last face found still looks the same: the frame reader lets
 * the detector rest on such frames (frameReader.ts) and looks again as soon as it does not.
 *
 * The picture is the face's square (the one MobileNet sees) shrunk to STILL_CHECK_SIZE
 * pixels a side, compared by mean absolute brightness (0..255). Measured on Pointing'04
 * (scratch study, 120 pairs of one person's photos, face square 1.5x the face, 16x16):
 *
 *   what changed                                     mean difference, p10 / p50 / p90
 *   nothing, camera noise of 6 levels a pixel        0.57 / 0.65 / 0.72
 *   the face 10 px aside (6 % of its square)         13.9 / 16.8 / 21.7
 *   the head turned 15 degrees                       11.8 / 18.2 / 24.5
 *
 * STILL_LIMIT sits well above the noise and below the smallest turn: a face that moved or
 * turned is looked for afresh on the very next frame, instead of MobileNet reading a stale
 * square for up to two frames (a player who leans or turns quickly, or a clip whose photo
 * jumps).
 *
 * Pure: no tfjs, no DOM.
 */
import type { RgbaPixels } from './regionPixels';

export const STILL_CHECK_SIZE = 16;

/** Mean brightness difference (0..255) up to which the face counts as still. */
export const STILL_LIMIT = 8;

/**
 * Up to this difference MobileNet may rest as well (frameReader.ts `restPicture`): the
 * picture then adds nothing (camera noise is under 1), where between this and STILL_LIMIT a
 * small change the box and the angles may ignore could still be the start of a turn that the
 * picture sees first. (With STILL_LIMIT for both, the in-play trial's camera change → acted
 * pose went 254 → 318 ms p50 for two people, 2026-12-07.)
 */
export const PICTURE_REST_LIMIT = 3;

/** Mean absolute difference of the two pictures' brightness, 0..255 (same size). */
export function pictureChange(a: RgbaPixels, b: RgbaPixels): number {
  if (a.width !== b.width || a.height !== b.height) return Number.POSITIVE_INFINITY;
  const count = a.width * a.height;
  if (count === 0) return 0;
  let total = 0;
  for (let i = 0; i < count * 4; i += 4) {
    total += Math.abs(brightness(a.data, i) - brightness(b.data, i));
  }
  return total / count;
}

function brightness(data: RgbaPixels['data'], i: number): number {
  return 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
}
