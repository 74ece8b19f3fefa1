/**
 * findFace with a fake detector that "sees" a known face through whatever region it is shown:
 * it writes the face into a raw [1, 896, 17] output in that region's 128-input pixels and
 * decodes it with the real decoder and merging, so the whole way back to frame pixels
 * (letterbox, second pass, tracking) is checked against the truth.
 */
import { describe, expect, it } from 'vitest';
import { DETECTOR_INPUT_SIZE } from '../../../../../../src/vision/engine/features/faceFinder/anchors';
import { decodeDetections } from '../../../../../../src/vision/engine/features/faceFinder/decodeDetections';
import type { Face } from '../../../../../../src/vision/engine/features/faceFinder/face';
import {
  SECOND_PASS_FACTOR,
  findFace,
  type FaceDetectorLike,
} from '../../../../../../src/vision/engine/features/faceFinder/findFace';
import type { Region } from '../../../../../../src/vision/engine/features/faceFinder/region';
import type { RegionReader } from '../../../../../../src/vision/engine/features/faceFinder/regionPixels';
import { weightedNonMaxSuppression } from '../../../../../../src/vision/engine/features/faceFinder/weightedNms';
import { emptyOutput, faceAt, logitOf, nearestAnchor, writeFace } from './syntheticFaces';

/** A camera that shows `truth` (frame pixels) or nobody, and a detector that sees it. */
function scene(truth: Face | null) {
  const shown: Region[] = [];
  let current: Region | null = null;
  const readRegion: RegionReader = async (region, size) => {
    shown.push(region);
    current = region;
    return { data: new Uint8ClampedArray(size * size * 4), width: size, height: size };
  };
  const detector: FaceDetectorLike = {
    async detect() {
      const raw = emptyOutput();
      const region = current as Region;
      const scale = DETECTOR_INPUT_SIZE / region.size;
      const toInput = (x: number, y: number) => ({
        x: (x - region.x) * scale,
        y: (y - region.y) * scale,
      });
      if (truth !== null) {
        const centre = toInput(truth.box.cx, truth.box.cy);
        const inside =
          centre.x > 0 &&
          centre.y > 0 &&
          centre.x < DETECTOR_INPUT_SIZE &&
          centre.y < DETECTOR_INPUT_SIZE;
        if (inside) {
          const seen: Face = {
            box: {
              cx: centre.x,
              cy: centre.y,
              width: truth.box.width * scale,
              height: truth.box.height * scale,
            },
            keypoints: truth.keypoints.map((p) => toInput(p.x, p.y)),
            score: truth.score,
          };
          writeFace(raw, nearestAnchor(centre), seen, logitOf(truth.score));
        }
      }
      return weightedNonMaxSuppression(decodeDetections(raw));
    },
  };
  return { detector, readRegion, shown };
}

function expectSameFace(found: Face | null, truth: Face): void {
  expect(found).not.toBeNull();
  expect(found?.box.cx).toBeCloseTo(truth.box.cx, 3);
  expect(found?.box.cy).toBeCloseTo(truth.box.cy, 3);
  expect(found?.box.width).toBeCloseTo(truth.box.width, 3);
  expect(found?.box.height).toBeCloseTo(truth.box.height, 3);
  truth.keypoints.forEach((point, k) => {
    expect(found?.keypoints[k]?.x).toBeCloseTo(point.x, 3);
    expect(found?.keypoints[k]?.y).toBeCloseTo(point.y, 3);
  });
  expect(found?.score).toBeCloseTo(truth.score, 5);
}

describe('findFace', () => {
  it('finds a small far face in two passes and gives it back in frame pixels', async () => {
    const truth = faceAt(520, 130, 48, 0.93); // sitting back, to one side of a 640x480 frame
    const { detector, readRegion, shown } = scene(truth);
    const search = await findFace(detector, readRegion, 640, 480);
    expectSameFace(search.face, truth);
    expect(search.passes).toBe(2);
    expect(search.tracked).toBe(false);
    // Pass 1: the letterboxed frame. Pass 2: 3x the box found, around it.
    expect(shown[0]).toEqual({ x: 0, y: -80, size: 640 });
    expect(shown[1]?.size).toBeCloseTo(SECOND_PASS_FACTOR * 48, 3);
    expect((shown[1]?.x as number) + (shown[1]?.size as number) / 2).toBeCloseTo(520, 3);
    expect((shown[1]?.y as number) + (shown[1]?.size as number) / 2).toBeCloseTo(130, 3);
  });

  it('answers null, after one pass, for a frame with nobody in it', async () => {
    const { detector, readRegion, shown } = scene(null);
    const search = await findFace(detector, readRegion, 640, 480);
    expect(search).toEqual({ face: null, passes: 1, tracked: false });
    expect(shown).toHaveLength(1);
  });

  it('tracks: with the last face known, one pass around it is enough', async () => {
    const truth = faceAt(300, 260, 120, 0.88);
    const last = faceAt(290, 250, 110, 0.9); // where the face was a frame ago
    const { detector, readRegion, shown } = scene(truth);
    const search = await findFace(detector, readRegion, 640, 480, last);
    expectSameFace(search.face, truth);
    expect(search).toMatchObject({ passes: 1, tracked: true });
    expect(shown[0]).toEqual({ x: 290 - 165, y: 250 - 165, size: 330 });
  });

  it('falls back to a fresh look when the face has left the tracked square', async () => {
    const truth = faceAt(100, 380, 60, 0.9);
    const last = faceAt(540, 100, 60, 0.9); // far away: not in the square around it
    const { detector, readRegion, shown } = scene(truth);
    const search = await findFace(detector, readRegion, 640, 480, last);
    expectSameFace(search.face, truth);
    expect(search).toMatchObject({ passes: 3, tracked: false });
    expect(shown[1]).toEqual({ x: 0, y: -80, size: 640 });
  });

  it('answers null after two passes (tracked square, then the whole frame) when the face is gone', async () => {
    const { detector, readRegion } = scene(null);
    const search = await findFace(detector, readRegion, 640, 480, faceAt(300, 200, 80));
    expect(search).toEqual({ face: null, passes: 2, tracked: false });
  });
});
