/**
 * Whether the camera sees the player's face, as the game should act on it: a face missing
 * from one frame or two (a blink of the detector, a hand across the face) changes nothing;
 * only FACE_LOST_MS without any face counts as "the game cannot see your face". One frame
 * with a face is enough to count as seen again.
 */

/** How long without a face before the player is told, and the hero stops taking head turns. */
export const FACE_LOST_MS = 1000;

export type FaceSight = 'seen' | 'lost' | 'unknown';

export class FaceWatch {
  private lastSeenAt: number | null = null;
  private firstMissAt: number | null = null;
  private sight: FaceSight = 'unknown';

  get state(): FaceSight {
    return this.sight;
  }

  /** One frame's answer at `now` (ms): was a face found? Returns true when the state changed. */
  frame(faceFound: boolean, now: number): boolean {
    const before = this.sight;
    if (faceFound) {
      this.lastSeenAt = now;
      this.firstMissAt = null;
      this.sight = 'seen';
    } else {
      this.firstMissAt ??= now;
      const since = this.lastSeenAt ?? this.firstMissAt;
      if (now - since >= FACE_LOST_MS) this.sight = 'lost';
    }
    return this.sight !== before;
  }

  /** No frames for a while (camera paused, head control off): nothing is known. */
  reset(): void {
    this.lastSeenAt = null;
    this.firstMissAt = null;
    this.sight = 'unknown';
  }
}
