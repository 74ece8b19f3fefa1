import { describe, expect, it } from 'vitest';
import { intersectionOverUnion } from '../../../../../../src/vision/engine/features/faceFinder/face';
import {
  MERGE_OVERLAP,
  weightedNonMaxSuppression,
} from '../../../../../../src/vision/engine/features/faceFinder/weightedNms';
import { faceAt } from './syntheticFaces';

describe('weighted non-maximum suppression', () => {
  it('merges overlapping faces into their score-weighted mean, keeping the best score', () => {
    const strong = faceAt(50, 50, 40, 0.9);
    const weak = faceAt(54, 50, 40, 0.3); // IoU ~0.82
    const [merged, ...rest] = weightedNonMaxSuppression([weak, strong]);
    expect(rest).toEqual([]);
    expect(merged?.score).toBe(0.9);
    // (0.9 * 50 + 0.3 * 54) / 1.2 = 51
    expect(merged?.box.cx).toBeCloseTo(51, 6);
    expect(merged?.box.cy).toBeCloseTo(50, 6);
    expect(merged?.keypoints[2]?.x).toBeCloseTo(51, 6); // the nose moves with the box
  });

  it('keeps faces apart when they overlap by IoU 0.3 or less', () => {
    const left = faceAt(30, 60, 30, 0.7);
    const right = faceAt(100, 60, 30, 0.95);
    const result = weightedNonMaxSuppression([left, right]);
    expect(result).toHaveLength(2);
    expect(result[0]?.box.cx).toBe(100); // best first
    expect(result[1]?.box.cx).toBe(30);
  });

  it('draws the line at IoU 0.3: just above merges, just below does not', () => {
    const a = faceAt(50, 50, 40, 0.8);
    // Same height; a horizontal shift d gives IoU (40 - d) / (40 + d).
    const shiftFor = (iou: number): number => (40 * (1 - iou)) / (1 + iou);
    const above = faceAt(50 + shiftFor(MERGE_OVERLAP + 0.01), 50, 40, 0.6);
    const below = faceAt(50 + shiftFor(MERGE_OVERLAP - 0.01), 50, 40, 0.6);
    expect(intersectionOverUnion(a.box, above.box)).toBeGreaterThan(MERGE_OVERLAP);
    expect(weightedNonMaxSuppression([a, above])).toHaveLength(1);
    expect(weightedNonMaxSuppression([a, below])).toHaveLength(2);
  });

  it('leaves its input alone and answers nothing for nothing', () => {
    const faces = [faceAt(50, 50, 40, 0.5), faceAt(51, 50, 40, 0.9)];
    const copy = structuredClone(faces);
    weightedNonMaxSuppression(faces);
    expect(faces).toEqual(copy);
    expect(weightedNonMaxSuppression([])).toEqual([]);
  });
});
