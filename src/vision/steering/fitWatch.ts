/**
 * Whether the calibration still fits what the camera sees. Glasses on or off, another room,
 * another light, someone else: the frames drift away from every recorded shot (each
 * prediction says so: `far`, engine/classifier/calibrationFit.ts). One far frame means nothing;
 * more than FAR_SHARE_NO_LONGER_FITS of the last few seconds far means the player should hear of it
 * and be offered a touch-up (the rule measured on Pointing'04: it flags 0.7 % of calibrations on
 * their own session, 4.7 % on the other session, two in three when someone else sits down).
 * Hysteresis keeps the notice from blinking.
 */
import { FAR_SHARE_NO_LONGER_FITS } from '../engine/classifier/calibrationFit';

/** Frames looked at (about three seconds of predictions at 30 a second). */
export const FIT_WINDOW = 90;
/** At least this many frames before judging (a fresh start says nothing). */
export const FIT_MIN_FRAMES = 45;
/** More far frames than this share: the calibration no longer fits (as measured). */
export const DRIFT_SHARE = FAR_SHARE_NO_LONGER_FITS;
/** This share or fewer: it fits again. */
export const FITS_AGAIN_SHARE = FAR_SHARE_NO_LONGER_FITS / 2;

export class FitWatch {
  private readonly recent: boolean[] = [];
  private far = 0;
  private drifting = false;

  get fits(): boolean {
    return !this.drifting;
  }

  /** One prediction's verdict; returns true when `fits` changed. */
  frame(far: boolean): boolean {
    this.recent.push(far);
    if (far) this.far++;
    if (this.recent.length > FIT_WINDOW && this.recent.shift() === true) this.far--;
    if (this.recent.length < FIT_MIN_FRAMES) return false;
    const share = this.far / this.recent.length;
    const before = this.drifting;
    if (!this.drifting && share > DRIFT_SHARE) this.drifting = true;
    else if (this.drifting && share <= FITS_AGAIN_SHARE) this.drifting = false;
    return this.drifting !== before;
  }

  /** The shots changed (a touch-up, a new calibration): judge afresh. */
  reset(): boolean {
    const changed = this.drifting;
    this.recent.length = 0;
    this.far = 0;
    this.drifting = false;
    return changed;
  }
}
