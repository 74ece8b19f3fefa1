/**
 * The still check's picture of a camera frame (features/faceFinder/stillFace.ts: the face's
 * square shrunk to 16x16 and compared by brightness), taken straight from the frame's Y plane
 * as VideoFrame.copyTo gives it: no conversion to RGBA, no canvas. The worker's camera reader
 * looks at a frame this way before deciding whether it is worth a prediction (stillHead.ts).
 *
 * Each cell is the mean of up to SAMPLES_A_SIDE x SAMPLES_A_SIDE pixels spread over it, so the
 * cost stays near 16k reads whatever the face's size (0.1 ms), and the mean of many pixels
 * keeps the camera's noise well under STILL_LIMIT. Where the square leaves the frame the
 * picture is OUTSIDE_GREY, as the engine's own cut of the square is.
 *
 * Y is video range (16-235, as webcams send): it is stretched to 0-255, the scale of the
 * brightness stillFace.ts compares, so STILL_LIMIT means here what it means there. Pure.
 */
import { OUTSIDE_GREY, type Region } from '../features/faceFinder/region';
import type { RgbaPixels } from '../features/faceFinder/regionPixels';
import { STILL_CHECK_SIZE } from '../features/faceFinder/stillFace';

/** The brightness plane of a frame: `data[offset + row * stride + column]`. */
export interface LumaPlane {
  readonly data: Uint8Array;
  readonly offset: number;
  readonly stride: number;
  readonly width: number;
  readonly height: number;
}

const SAMPLES_A_SIDE = 8;

/** Video-range Y (16-235) as brightness 0-255. */
function brightnessOf(y: number): number {
  const value = ((y - 16) * 255) / 219;
  return value < 0 ? 0 : value > 255 ? 255 : value;
}

/** `region` of the frame, size x size, grey (R = G = B = brightness), as stillFace compares. */
export function lumaLook(
  plane: LumaPlane,
  region: Region,
  size: number = STILL_CHECK_SIZE,
): RgbaPixels {
  const data = new Uint8ClampedArray(size * size * 4);
  const cell = region.size / size;
  const samples = Math.max(1, Math.min(SAMPLES_A_SIDE, Math.floor(cell)));
  const step = cell / samples;
  for (let cellRow = 0; cellRow < size; cellRow++) {
    for (let cellColumn = 0; cellColumn < size; cellColumn++) {
      let total = 0;
      for (let i = 0; i < samples; i++) {
        const y = Math.floor(region.y + cellRow * cell + (i + 0.5) * step);
        const inRows = y >= 0 && y < plane.height;
        const rowStart = plane.offset + y * plane.stride;
        for (let j = 0; j < samples; j++) {
          const x = Math.floor(region.x + cellColumn * cell + (j + 0.5) * step);
          total +=
            inRows && x >= 0 && x < plane.width
              ? brightnessOf(plane.data[rowStart + x] ?? 16)
              : OUTSIDE_GREY;
        }
      }
      const value = total / (samples * samples);
      const at = (cellRow * size + cellColumn) * 4;
      data[at] = value;
      data[at + 1] = value;
      data[at + 2] = value;
      data[at + 3] = 255;
    }
  }
  return { data, width: size, height: size };
}
