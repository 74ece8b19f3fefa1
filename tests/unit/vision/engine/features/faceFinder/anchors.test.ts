import { describe, expect, it } from 'vitest';
import {
  ANCHOR_COUNT,
  DETECTOR_INPUT_SIZE,
  FACE_ANCHORS,
} from '../../../../../../src/vision/engine/features/faceFinder/anchors';

describe('the short-range detector anchors', () => {
  it('are 896: 16x16 cells x 2 at stride 8, then 8x8 cells x 6 at stride 16', () => {
    expect(ANCHOR_COUNT).toBe(896);
    expect(16 * 16 * 2 + 8 * 8 * 6).toBe(896);
  });

  it('sit at the cell centres, row by row, the anchors of a cell side by side', () => {
    expect(FACE_ANCHORS[0]).toEqual({ x: 4, y: 4 });
    expect(FACE_ANCHORS[1]).toEqual({ x: 4, y: 4 });
    expect(FACE_ANCHORS[2]).toEqual({ x: 12, y: 4 }); // next column
    expect(FACE_ANCHORS[32]).toEqual({ x: 4, y: 12 }); // next row: 16 cells x 2
    expect(FACE_ANCHORS[511]).toEqual({ x: 124, y: 124 });
    // The stride-16 grid starts at 512, six anchors per cell.
    expect(FACE_ANCHORS[512]).toEqual({ x: 8, y: 8 });
    expect(FACE_ANCHORS[517]).toEqual({ x: 8, y: 8 });
    expect(FACE_ANCHORS[518]).toEqual({ x: 24, y: 8 });
    expect(FACE_ANCHORS[512 + 8 * 6]).toEqual({ x: 8, y: 24 });
    expect(FACE_ANCHORS[895]).toEqual({ x: 120, y: 120 });
  });

  it('all lie inside the 128x128 input', () => {
    for (const anchor of FACE_ANCHORS) {
      expect(anchor.x).toBeGreaterThan(0);
      expect(anchor.x).toBeLessThan(DETECTOR_INPUT_SIZE);
      expect(anchor.y).toBeGreaterThan(0);
      expect(anchor.y).toBeLessThan(DETECTOR_INPUT_SIZE);
    }
  });
});
