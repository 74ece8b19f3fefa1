/**
 * Whether the head in front of the camera holds still, for the worker's camera reader: while
 * the rate governor holds predictions back (a slow device, link/frameGate.ts's least interval),
 * only the predictions of a head that holds still are held back. A head that turns is
 * predicted on every frame, so steering never waits for the governor's turn.
 *
 * A frame is looked at cheaply first: the last face's square in it against the same square in
 * the last predicted frame, 16x16, by brightness (lumaLook.ts, features/faceFinder/stillFace.ts
 * and its STILL_LIMIT: well above a camera's noise, below a 15-degree turn). Against the last
 * predicted frame, never the frame before, so a slow turn cannot creep past unseen: once it
 * has moved the square by STILL_LIMIT it is predicted.
 *
 *   'moved'     the square changed: predict now;
 *   'settling'  alike, but the head has not been predicted PREDICTIONS_TO_SETTLE times where it
 *               now is: predict now (steering has not decided yet);
 *   'still'     alike, and seen there often enough: may wait for the governor's turn;
 *   'unknown'   nothing to compare (no face found yet, or frames whose planes cannot be read
 *               here): the governor's pace, as before.
 *
 * Why settle for 4 predictions: from a held turn the smoother takes a new pose once 4 of its
 * last 6 frames show it (steering/smootherSettings.ts, framesToStart; a unit test holds the
 * two equal). A head that moved and then holds still therefore needs 4 predictions of the new
 * picture before it steers; held to 10 a second those would cost 300 ms more.
 */
import type { FaceBox } from '../../headView';
import { regionAroundBox, type Region } from '../features/faceFinder/region';
import type { RgbaPixels } from '../features/faceFinder/regionPixels';
import { pictureChange, STILL_LIMIT } from '../features/faceFinder/stillFace';
import { FACE_CROP_FACTOR } from '../features/faceFraming';
import { lumaLook, type LumaPlane } from './lumaLook';

export type FrameLook = 'moved' | 'settling' | 'still' | 'unknown';

/** Predictions of a head where it now is before it counts as holding still. */
export const PREDICTIONS_TO_SETTLE = 4;

export class StillHead {
  /** The last predicted frame's brightness, copied (the camera's buffers go back at once). */
  private reference: LumaPlane | null = null;
  /** The last face's square (faceFraming.ts: the one MobileNet sees), from the last answer. */
  private square: Region | null = null;
  /** The reference's look at `square`, kept until either changes. */
  private referenceLook: RgbaPixels | null = null;
  /** Predictions in a row of the picture as it now is (the first one that showed it too). */
  private seen = 0;

  /** How a frame (its brightness plane) compares with the last predicted one. */
  look(plane: LumaPlane): FrameLook {
    const reference = this.reference;
    const square = this.square;
    if (reference === null || square === null) return 'unknown';
    if (reference.width !== plane.width || reference.height !== plane.height) return 'moved';
    this.referenceLook ??= lumaLook(reference, square);
    if (pictureChange(lumaLook(plane, square), this.referenceLook) > STILL_LIMIT) return 'moved';
    return this.seen >= PREDICTIONS_TO_SETTLE ? 'still' : 'settling';
  }

  /** The frame of `plane`, looked at as `look`, goes to the engine. */
  predicted(plane: LumaPlane, look: FrameLook): void {
    this.seen = look === 'still' || look === 'settling' ? this.seen + 1 : 1;
    this.reference = copyOf(plane, this.reference);
    this.referenceLook = null;
  }

  /** The engine's answer to the last predicted frame: the face it found there, or none. */
  answered(face: FaceBox | null): void {
    this.square =
      face === null
        ? null
        : regionAroundBox(
            {
              cx: face.x + face.width / 2,
              cy: face.y + face.height / 2,
              width: face.width,
              height: face.height,
            },
            FACE_CROP_FACTOR,
          );
    this.referenceLook = null;
  }

  /** Forget the head (the governor lets every frame go, or the reading starts over). */
  forget(): void {
    this.reference = null;
    this.square = null;
    this.referenceLook = null;
    this.seen = 0;
  }
}

/** `plane`'s pixels, row after row, into `into`'s buffer when it is large enough. */
function copyOf(plane: LumaPlane, into: LumaPlane | null): LumaPlane {
  const { width, height } = plane;
  const data =
    into !== null && into.data.length >= width * height
      ? into.data
      : new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const from = plane.offset + row * plane.stride;
    data.set(plane.data.subarray(from, from + width), row * width);
  }
  return { data, offset: 0, stride: width, width, height };
}
