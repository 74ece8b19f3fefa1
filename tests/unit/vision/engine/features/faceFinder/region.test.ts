import { describe, expect, it } from 'vitest';
import {
  faceToFrame,
  letterboxRegion,
  pointToFrame,
  regionAroundBox,
  visiblePart,
} from '../../../../../../src/vision/engine/features/faceFinder/region';
import { faceAt } from './syntheticFaces';

describe('regions of the frame', () => {
  it('letterboxes a whole frame into a centred square of its longer side', () => {
    expect(letterboxRegion(640, 480)).toEqual({ x: 0, y: -80, size: 640 });
    expect(letterboxRegion(480, 640)).toEqual({ x: -80, y: 0, size: 640 });
    expect(letterboxRegion(384, 288)).toEqual({ x: 0, y: -48, size: 384 });
    expect(letterboxRegion(100, 100)).toEqual({ x: 0, y: 0, size: 100 });
    expect(() => letterboxRegion(0, 480)).toThrow();
  });

  it('makes a square factor x the longer side of a box, around its centre', () => {
    const box = { cx: 300, cy: 200, width: 50, height: 40 };
    expect(regionAroundBox(box, 3)).toEqual({ x: 225, y: 125, size: 150 });
    expect(regionAroundBox(box, 1.5)).toEqual({ x: 262.5, y: 162.5, size: 75 });
    expect(() => regionAroundBox(box, 0)).toThrow();
  });

  it('maps detector pixels (128) back to the frame through the letterbox', () => {
    const region = letterboxRegion(640, 480);
    expect(pointToFrame({ x: 0, y: 0 }, region, 128)).toEqual({ x: 0, y: -80 });
    expect(pointToFrame({ x: 64, y: 64 }, region, 128)).toEqual({ x: 320, y: 240 });
    expect(pointToFrame({ x: 128, y: 112 }, region, 128)).toEqual({ x: 640, y: 480 });
  });

  it('maps a whole face, box and keypoints, and keeps its score', () => {
    const region = { x: 100, y: 50, size: 256 }; // 2 frame pixels per input pixel
    const face = faceAt(64, 32, 20, 0.77);
    const inFrame = faceToFrame(face, region, 128);
    expect(inFrame.box).toEqual({ cx: 228, cy: 114, width: 40, height: 40 });
    expect(inFrame.score).toBe(0.77);
    inFrame.keypoints.forEach((point, k) => {
      expect(point.x).toBeCloseTo(100 + 2 * (face.keypoints[k]?.x as number), 9);
      expect(point.y).toBeCloseTo(50 + 2 * (face.keypoints[k]?.y as number), 9);
    });
  });

  it('knows which part of a region the frame can fill, and where it lands', () => {
    // Fully inside: everything, one to one at output size = region size.
    expect(visiblePart({ x: 10, y: 20, size: 100 }, 640, 480, 100)).toEqual({
      source: { x: 10, y: 20, width: 100, height: 100 },
      target: { x: 0, y: 0, width: 100, height: 100 },
    });
    // Letterboxed 640x480 into 128: the frame fills the middle 96 rows.
    expect(visiblePart(letterboxRegion(640, 480), 640, 480, 128)).toEqual({
      source: { x: 0, y: 0, width: 640, height: 480 },
      target: { x: 0, y: 16, width: 128, height: 96 },
    });
    // Hanging over the top-left corner by half.
    expect(visiblePart({ x: -50, y: -50, size: 100 }, 640, 480, 200)).toEqual({
      source: { x: 0, y: 0, width: 50, height: 50 },
      target: { x: 100, y: 100, width: 100, height: 100 },
    });
    // Entirely outside: nothing to draw.
    expect(visiblePart({ x: 700, y: 0, size: 50 }, 640, 480, 128)).toBeNull();
  });
});
