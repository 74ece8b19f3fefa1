/**
 * Face-aligned framing: what MobileNet sees once the face finder has found the face. The
 * centre square of framing.ts mostly shows the room, and where the face sits and how big it
 * is there changes the features more than the head's turn does; this square follows the face.
 *
 * Region: a square 1.5x the detector's box, centred on the box, in whole frame pixels (so the
 * canvas and tensor paths cut the same pixels), mid grey where it leaves the frame. 1.5x: the
 * box already covers the head; the margin keeps the chin, hair and ears in when the box lags
 * a turn. Scaled to 224x224 RGB in [0, 1], unmirrored (framing.ts says why).
 *
 * Eye band: a mid-grey band across the whole input over the eyes (its height and place from
 * EYE_BAND, measured below), so glasses on or off, and reflections in them, matter less: the
 * eyes' direction is still seen in the keypoints and in the head's outline.
 *
 * Lives beside framing.ts rather than inside faceFinder/: it is the engine's choice of what
 * the pose network sees; the face finder only says where the face is.
 * This file holds the geometry and the canvas path; faceModelInput.ts the tensor side.
 */
import { KEYPOINT_INDEX, type Face, type Point } from './faceFinder/face';
import { drawRegion, OUTSIDE_FILL, type Context2D } from './faceFinder/regionPixels';
import type { Region } from './faceFinder/region';
import { MODEL_INPUT_SIZE } from './framing';

/** MobileNet's square, in detector boxes. */
export const FACE_CROP_FACTOR = 1.5;

/**
 * The eye band, in the detector box's height: its centre `offset` box heights below the line
 * through the two eyes, its height `height` box heights. Measured on Pointing'04
 * (tools/studies/measure-face-finder.ts; photos as stored, face square + keypoints; mean % (worst
 * person); then the mean of the six people who wore glasses in one session only, and of the
 * nine others):
 *
 *   band                    all people                           glasses changed  others
 *                           N=1          N=3          N=all        N=3 / all        N=3 / all
 *   none                    79.0 (71.7)  85.2 (77.3)  90.4 (78.3)  83.5 / 89.0      86.3 / 91.4
 *   0.10 high, on the eyes  80.3 (72.0)  85.0 (76.1)  91.9 (84.0)
 *   0.15 high, on the eyes  80.3 (74.3)  85.6 (78.4)  92.2 (84.0)  84.8 / 92.3      86.2 / 92.1  <-
 *   0.25 high, on the eyes  80.1 (74.2)  85.6 (78.5)  91.9 (82.1)  84.3 / 90.6      86.4 / 92.8
 *   0.35 high, on the eyes  79.7 (72.7)  85.4 (79.4)  91.8 (83.0)
 *   0.25 high, 0.05 lower   79.9 (72.9)  85.4 (78.8)  92.2 (84.0)
 *
 * The band closes most of the gap of the people whose glasses changed (2.8 points at N=3
 * without it, 1.4 with 0.15) and helps the others a little too; wider bands hide more of the
 * face for no gain. On the moved-and-shrunk photos 0.15 and 0.25 tie (N=3: 85.0 vs 85.6,
 * N=all 91.1 vs 91.6, glasses changed 84.5 vs 84.6): within the noise of these draws.
 */
export interface EyeBandShape {
  readonly height: number;
  readonly offset: number;
}

export const EYE_BAND: EyeBandShape = { height: 0.15, offset: 0 };

/** Goes into calibration files: change it whenever anything in this file changes the pixels. */
export const FACE_PREPROCESSING_ID = 'face-square1.5-grey-eyeband0.15-224-rgb01-v1';

/** The square MobileNet sees, in whole frame pixels; it may reach outside the frame. */
export function faceCropRegion(face: Face, factor: number = FACE_CROP_FACTOR): Region {
  const size = Math.max(1, Math.round(factor * Math.max(face.box.width, face.box.height)));
  return {
    x: Math.round(face.box.cx - size / 2),
    y: Math.round(face.box.cy - size / 2),
    size,
  };
}

/** Rows [top, bottom) of the 224x224 input the eye band covers, or null for no band. */
export interface BandRows {
  readonly top: number;
  readonly bottom: number;
}

/**
 * Where the band falls in the input cut from `region`: whole rows, clipped to the input, so
 * both paths grey the very same rows. Null when the band is off or falls outside.
 */
export function eyeBandRows(
  face: Face,
  region: Region,
  band: EyeBandShape | null = EYE_BAND,
): BandRows | null {
  if (band === null || band.height <= 0) return null;
  const rightEye = face.keypoints[KEYPOINT_INDEX.rightEye] as Point;
  const leftEye = face.keypoints[KEYPOINT_INDEX.leftEye] as Point;
  const scale = MODEL_INPUT_SIZE / region.size;
  const centre = ((rightEye.y + leftEye.y) / 2 + band.offset * face.box.height - region.y) * scale;
  const half = (band.height * face.box.height * scale) / 2;
  const top = Math.max(0, Math.round(centre - half));
  const bottom = Math.min(MODEL_INPUT_SIZE, Math.round(centre + half));
  return bottom > top ? { top, bottom } : null;
}

/**
 * Browser path: draw the face's square of a video frame / ImageBitmap into a 224x224 canvas
 * context (grey, the visible part of the frame, then the band). Read it back with
 * getImageData and pass it to `pixelsToModelInput` (modelInput.ts).
 */
export function drawFaceModelInput(
  context: Context2D,
  source: CanvasImageSource,
  frameWidth: number,
  frameHeight: number,
  face: Face,
  band: EyeBandShape | null = EYE_BAND,
): void {
  const region = faceCropRegion(face);
  drawRegion(context, source, frameWidth, frameHeight, region, MODEL_INPUT_SIZE);
  const rows = eyeBandRows(face, region, band);
  if (rows === null) return;
  context.fillStyle = OUTSIDE_FILL;
  context.fillRect(0, rows.top, MODEL_INPUT_SIZE, rows.bottom - rows.top);
}
