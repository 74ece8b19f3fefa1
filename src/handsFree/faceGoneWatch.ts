/**
 * Pausing and resuming a game with the head alone. While playing, a face the camera has not
 * seen for 2 s pauses the game ("we can't see you"): the player left, or looked away on
 * purpose to pause. To resume, the face must be back and held straight (neutral) for 1 s, then
 * a visible 3-2-1 runs and the game goes on. A face that comes back turned does not resume (the
 * player may be talking to someone); losing the face again, or turning during the straight
 * hold, starts the wait over. Pure: the caller feeds it what the head shows and the time.
 */
import type { Pose } from '../vision/poses';

export interface FaceWatchTiming {
  /** A face unseen this long pauses the game. */
  readonly goneMs: number;
  /** A face back and straight this long starts the countdown. */
  readonly steadyMs: number;
  /** The 3-2-1, in whole seconds. */
  readonly countdownSeconds: number;
}

export const FACE_WATCH_TIMING: FaceWatchTiming = {
  goneMs: 2000,
  steadyMs: 1000,
  countdownSeconds: 3,
};

export type FaceWatchPhase =
  /** The game runs (the face may be lost for less than `goneMs`). */
  | { readonly kind: 'playing' }
  /** Paused, waiting for the face to come back straight. */
  | { readonly kind: 'waiting'; readonly faceSeen: boolean }
  /** The face is back and straight: `fill` (0 to 1) of the hold that starts the countdown. */
  | { readonly kind: 'steadying'; readonly fill: number }
  /** 3, 2, 1 ... */
  | { readonly kind: 'counting'; readonly secondsLeft: number };

export interface FaceSample {
  readonly faceSeen: boolean;
  readonly pose: Pose | null;
}

export type FaceWatchEvent = 'pause' | 'resume';

export class FaceGoneWatch {
  private state: 'playing' | 'waiting' | 'steadying' | 'counting' = 'playing';
  /** When the current stretch began: face lost (playing), straight hold, countdown. */
  private since: number | null = null;
  private now = 0;
  private faceSeen = true;

  constructor(readonly timing: FaceWatchTiming = FACE_WATCH_TIMING) {}

  get phase(): FaceWatchPhase {
    switch (this.state) {
      case 'playing':
        return { kind: 'playing' };
      case 'waiting':
        return { kind: 'waiting', faceSeen: this.faceSeen };
      case 'steadying':
        return { kind: 'steadying', fill: Math.min(1, this.elapsed() / this.timing.steadyMs) };
      case 'counting':
        return {
          kind: 'counting',
          secondsLeft: Math.max(
            1,
            this.timing.countdownSeconds - Math.floor(this.elapsed() / 1000),
          ),
        };
    }
  }

  /** Back to playing with nothing pending (a new game, or a resume by keys). */
  reset(): void {
    this.state = 'playing';
    this.since = null;
  }

  /** One look at the camera at time `now`; says when the game should pause or resume. */
  update(sample: FaceSample, now: number): FaceWatchEvent | null {
    this.now = now;
    this.faceSeen = sample.faceSeen;
    const straight = sample.faceSeen && sample.pose === 'neutral';
    switch (this.state) {
      case 'playing':
        if (sample.faceSeen) {
          this.since = null;
          return null;
        }
        this.since ??= now;
        if (this.elapsed() < this.timing.goneMs) return null;
        this.enter('waiting');
        return 'pause';
      case 'waiting':
        if (straight) this.enter('steadying');
        return null;
      case 'steadying':
        if (!straight) {
          this.enter('waiting');
          return null;
        }
        if (this.elapsed() >= this.timing.steadyMs) this.enter('counting');
        return null;
      case 'counting':
        // Turning to get ready is fine; losing the face is not.
        if (!sample.faceSeen) {
          this.enter('waiting');
          return null;
        }
        if (this.elapsed() < this.timing.countdownSeconds * 1000) return null;
        this.reset();
        return 'resume';
    }
  }

  private enter(state: 'waiting' | 'steadying' | 'counting'): void {
    this.state = state;
    this.since = this.now;
  }

  private elapsed(): number {
    return this.since === null ? 0 : Math.max(0, this.now - this.since);
  }
}
