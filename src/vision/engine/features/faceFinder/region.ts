/**
 * Geometry between the camera frame and the square images the detector and MobileNet see.
 * A `Region` is a square of the frame, in frame pixels, that may reach outside the frame:
 * what lies outside counts as mid grey (OUTSIDE_GREY), on the canvas path and the tensor path
 * alike, so a face at the edge of the picture is framed the same as one in the middle.
 *
 * Why squares: both networks take square inputs; stretching a frame into one changes the
 * face's proportions, which is exactly what a head turn changes too.
 */
import type { Face, FaceBox, Point } from './face';

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/**
 * The pixel value (0..255, every channel) of whatever a region covers outside the frame.
 * Mid grey, not black: black is a strong feature for both networks (a dark doorway, hair),
 * grey is the least informative colour for an input normalised around 128.
 */
export const OUTSIDE_GREY = 128;

/**
 * The whole frame centred in a square of side max(width, height): a 640x480 frame becomes
 * {x: 0, y: -80, size: 640}. Nothing of the frame is cut, nothing stretched.
 */
export function letterboxRegion(frameWidth: number, frameHeight: number): Region {
  if (!(frameWidth > 0 && frameHeight > 0)) {
    throw new Error(`empty frame ${frameWidth}x${frameHeight}`);
  }
  const size = Math.max(frameWidth, frameHeight);
  return { x: (frameWidth - size) / 2, y: (frameHeight - size) / 2, size };
}

/** A square `factor` x the box's longer side, centred on the box (fractional pixels). */
export function regionAroundBox(box: FaceBox, factor: number): Region {
  if (!(factor > 0)) throw new Error(`factor must be positive, got ${factor}`);
  const size = factor * Math.max(box.width, box.height);
  return { x: box.cx - size / 2, y: box.cy - size / 2, size };
}

/** A point of an inputSize x inputSize image cut from `region` -> frame pixels. */
export function pointToFrame(point: Point, region: Region, inputSize: number): Point {
  const scale = region.size / inputSize;
  return { x: region.x + point.x * scale, y: region.y + point.y * scale };
}

/**
 * A face found in an inputSize x inputSize image cut from `region` -> the same face in frame
 * pixels (box and keypoints; the score is unchanged).
 */
export function faceToFrame(face: Face, region: Region, inputSize: number): Face {
  const scale = region.size / inputSize;
  const centre = pointToFrame({ x: face.box.cx, y: face.box.cy }, region, inputSize);
  return {
    box: {
      cx: centre.x,
      cy: centre.y,
      width: face.box.width * scale,
      height: face.box.height * scale,
    },
    keypoints: face.keypoints.map((point) => pointToFrame(point, region, inputSize)),
    score: face.score,
  };
}

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The part of `region` inside the frame (`source`, frame pixels) and where it lands in an
 * outputSize x outputSize image of the region (`target`); null when the region misses the
 * frame entirely (the image is then all grey). The canvas path draws exactly this.
 */
export function visiblePart(
  region: Region,
  frameWidth: number,
  frameHeight: number,
  outputSize: number,
): { source: Rectangle; target: Rectangle } | null {
  const left = Math.max(0, region.x);
  const top = Math.max(0, region.y);
  const right = Math.min(frameWidth, region.x + region.size);
  const bottom = Math.min(frameHeight, region.y + region.size);
  if (right <= left || bottom <= top) return null;
  const scale = outputSize / region.size;
  return {
    source: { x: left, y: top, width: right - left, height: bottom - top },
    target: {
      x: (left - region.x) * scale,
      y: (top - region.y) * scale,
      width: (right - left) * scale,
      height: (bottom - top) * scale,
    },
  };
}
