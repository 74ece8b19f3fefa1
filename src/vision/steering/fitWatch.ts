/**
 * Whether the calibration still fits what the camera sees. Glasses on or off, another room,
 * another light: the frames drift away from every recorded shot (each prediction says so:
 * `far`, calibrationFit.ts), and whatever pose the classifier names is a guess. One far frame
 * means nothing; most of the last few seconds far means the player should hear of it and be
 * offered a touch-up. Hysteresis keeps the notice from blinking.
 */

/** Frames looked at (about two seconds of predictions). */
export const FIT_WINDOW = 60;
/** At least this many frames before judging (a fresh start says nothing). */
export const FIT_MIN_FRAMES = 30;
/** Share of far frames that says the calibration no longer fits. */
export const DRIFT_SHARE = 0.6;
/** Share of far frames below which it fits again. */
export const FITS_AGAIN_SHARE = 0.3;

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
    if (!this.drifting && share >= DRIFT_SHARE) this.drifting = true;
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
