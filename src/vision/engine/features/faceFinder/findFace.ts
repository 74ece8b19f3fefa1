/**
 * Where the player's face is in a camera frame: two passes of the detector, with tracking.
 *
 * Pass 1 shows the detector the whole frame, letterboxed into its 128x128 input. A player
 * sitting back is then only ~15 px tall there, too small for a good box and keypoints, so
 * pass 2 shows it a square 3x the face's box around the face: the face fills a third of the
 * input whatever its distance. With the last frame's face known, pass 2 runs around it first
 * (a head moves little between two frames) and only when that finds nothing do passes 1 and
 * 2 run again. So: 1 pass per frame while tracking, 2 on a first look, 3 when the face was
 * lost. No face is an answer in its own right (null): the engine must not guess a pose then.
 *
 * Measured on Pointing'04 (tools/studies/measure-face-finder.ts, each photo a first look): a face
 * in 99.7 % of the 1,590 photos (100 % of those turned at most 60 degrees; the misses are +-90
 * degree pitches), and 99.7 % of them moved and shrunk into a 640x480 frame. One pass costs what
 * the network costs (decoding and merging add ~0.3 ms): 9-11 ms p50 on tfjs wasm in Node on a busy
 * 2-core machine, 2.6-3.1 ms on a quiet one (RECIPES.md).
 *
 * Pure: no tfjs, no DOM. The detector and the pixels come in through two small interfaces
 * (faceDetector.ts and regionPixels.ts implement them).
 */
import { DETECTOR_INPUT_SIZE } from './anchors';
import type { Face } from './face';
import { faceToFrame, letterboxRegion, regionAroundBox, type Region } from './region';
import type { RegionReader, RgbaPixels } from './regionPixels';

/** What findFace needs of a detector: faces in a 128x128 image, best first. */
export interface FaceDetectorLike {
  detect(pixels: RgbaPixels): Promise<readonly Face[]>;
}

/**
 * The second pass's square, in detector boxes. The box covers the head; 3x leaves a head's
 * width of room each side (a turn moves the box toward the back of the head) and makes the
 * face about 43 px of the 128 input, mid-range for this model's anchors.
 */
export const SECOND_PASS_FACTOR = 3;

export interface FaceSearch {
  /** The best face in frame pixels, or null when there is none. */
  readonly face: Face | null;
  /** Detector passes run for this frame (1 to 3): the engine reports the cost. */
  readonly passes: number;
  /** True when the pass around the last face found it (tracking held). */
  readonly tracked: boolean;
}

export async function findFace(
  detector: FaceDetectorLike,
  readRegion: RegionReader,
  frameWidth: number,
  frameHeight: number,
  lastFace: Face | null = null,
): Promise<FaceSearch> {
  let passes = 0;
  const bestIn = async (region: Region): Promise<Face | null> => {
    passes++;
    const pixels = await readRegion(region, DETECTOR_INPUT_SIZE);
    const [best] = await detector.detect(pixels);
    return best === undefined ? null : faceToFrame(best, region, DETECTOR_INPUT_SIZE);
  };

  if (lastFace !== null) {
    const tracked = await bestIn(regionAroundBox(lastFace.box, SECOND_PASS_FACTOR));
    if (tracked !== null) return { face: tracked, passes, tracked: true };
  }
  const first = await bestIn(letterboxRegion(frameWidth, frameHeight));
  if (first === null) return { face: null, passes, tracked: false };
  const second = await bestIn(regionAroundBox(first.box, SECOND_PASS_FACTOR));
  // Pass 2 very rarely loses a face pass 1 saw (cut at the frame's edge); pass 1's face is
  // still a face, only a coarser one.
  return { face: second ?? first, passes, tracked: false };
}
