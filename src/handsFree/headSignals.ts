/**
 * What the hands-free parts of the game need to know about the player's head, and nothing
 * more: whether head control is steering, the held pose, and whether the camera sees a face.
 * Screens read it every frame; `onChange` is for words that change rarely (the menu's hint).
 *
 * main.ts adapts head control to it (headControlSignals.ts); tests and other heads (a future
 * face detector) can stand behind the same few fields.
 */
import type { Pose } from '../vision/poses';

export interface HeadSignals {
  /**
   * Head control is on with a camera, a model and a full calibration: only then do `pose`
   * and `faceSeen` mean anything. While false, nothing hands-free happens (no dwell, no
   * face-gone pause): the game is played with keys and touch.
   */
  readonly steering: boolean;
  /** The held (smoothed) pose, or null before there is one. */
  readonly pose: Pose | null;
  /** False when the camera works but shows no face (the player looked away or left). */
  readonly faceSeen: boolean;
  /** Called when any of the above may have changed; returns the unsubscriber. */
  onChange(listener: () => void): () => void;
}
