import { describe, expect, it } from 'vitest';
import {
  MIN_FACE_SCORE,
  VALUES_PER_ANCHOR,
  decodeDetections,
  scoreOfLogit,
} from '../../../../../../src/vision/engine/features/faceFinder/decodeDetections';
import { emptyOutput, faceAt, logitOf, writeFace } from './syntheticFaces';

describe('decoding the detector output', () => {
  it('finds nothing in an output where every score is low', () => {
    expect(decodeDetections(emptyOutput())).toEqual([]);
  });

  it('turns offsets from the anchor back into a box and keypoints in input pixels', () => {
    const raw = emptyOutput();
    const face = faceAt(70, 50, 40, 0.8);
    writeFace(raw, 600, face, logitOf(0.8)); // a stride-16 anchor
    const [found, ...others] = decodeDetections(raw);
    expect(others).toEqual([]);
    expect(found?.score).toBeCloseTo(0.8, 6);
    expect(found?.box.cx).toBeCloseTo(70, 4);
    expect(found?.box.cy).toBeCloseTo(50, 4);
    expect(found?.box.width).toBeCloseTo(40, 4);
    face.keypoints.forEach((point, k) => {
      expect(found?.keypoints[k]?.x).toBeCloseTo(point.x, 4);
      expect(found?.keypoints[k]?.y).toBeCloseTo(point.y, 4);
    });
  });

  it("keeps scores from MediaPipe's 0.5 up and drops those below", () => {
    expect(MIN_FACE_SCORE).toBe(0.5);
    const raw = emptyOutput();
    writeFace(raw, 10, faceAt(40, 40, 30), logitOf(0.51));
    writeFace(raw, 700, faceAt(90, 90, 30), logitOf(0.49));
    const found = decodeDetections(raw);
    expect(found).toHaveLength(1);
    expect(found[0]?.box.cx).toBeCloseTo(40, 4);
    expect(decodeDetections(raw, 0.4)).toHaveLength(2);
  });

  it('clips extreme logits to +-100 before the sigmoid: never NaN, never exactly 0', () => {
    expect(scoreOfLogit(1e9)).toBe(scoreOfLogit(100));
    expect(scoreOfLogit(-1e9)).toBe(scoreOfLogit(-100));
    expect(scoreOfLogit(-1e9)).toBeGreaterThan(0);
    expect(scoreOfLogit(0)).toBe(0.5);
  });

  it('refuses an output of the wrong size', () => {
    expect(() => decodeDetections(new Float32Array(896 * VALUES_PER_ANCHOR - 1))).toThrow(/896/);
  });
});
