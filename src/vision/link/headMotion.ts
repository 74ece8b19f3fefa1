/**
 * Whether the head was on the move as of the engine's latest answers, for the page's own
 * reading of the camera (the default, camera/frameFeed.ts). While the rate governor holds
 * predictions back (a busy or slow device: frameGate.ts's least interval), a head on the move
 * is predicted on every frame anyway, so steering does not wait for the governor's turn; only a
 * head that holds still waits. The worker's own reading looks at each frame's pixels for this
 * (engine/runtime/stillHead.ts); the page cannot without spending the thread the governor
 * protects, so it judges from what the answers say: the head's angles.
 *
 *   on the move  the angles moved STILL_RADIANS or more from where the head last came to rest,
 *                or it has not been predicted SETTLE_PREDICTIONS times since (steering has not
 *                decided yet: the smoother may want more than one frame of the new pose);
 *   at rest      otherwise, and whenever the answers carry no angles (no face, no mesh): the
 *                governor's pace, as before.
 * Against where the head came to rest, never the answer before, so a slow turn cannot creep
 * past in steps under the limit.
 *
 * What it costs: the first answer that shows a turn still comes at the governor's pace; from
 * then on every frame goes until the head holds still again.
 */
import type { HeadAngles } from '../engine/features/faceMesh/headAngles';
import { STILL_RADIANS } from '../steering/headSteering';

/** Predictions of a head where it now is before it counts as at rest (stillHead.ts's too). */
export const SETTLE_PREDICTIONS = 4;

export class HeadMotion {
  /** Where the head came to rest (the first answer there); null: nothing to compare. */
  private rest: HeadAngles | null = null;
  /** Answers since it came there, that one included. */
  private seen = 0;

  /** One prediction's angles (null: no face or no mesh in that frame). */
  heard(angles: HeadAngles | null): void {
    if (angles === null) {
      this.rest = null;
      this.seen = 0;
      return;
    }
    const rest = this.rest;
    const moved =
      rest === null ||
      Math.abs(angles.yaw - rest.yaw) >= STILL_RADIANS ||
      Math.abs(angles.pitch - rest.pitch) >= STILL_RADIANS;
    if (moved) {
      this.rest = angles;
      this.seen = 1;
    } else {
      this.seen++;
    }
  }

  /** The answers carry the head's angles: a head on the move would be seen. */
  get watching(): boolean {
    return this.rest !== null;
  }

  /** The head is on the move: the next frame should not wait for the governor's turn. */
  get moving(): boolean {
    return this.rest !== null && this.seen < SETTLE_PREDICTIONS;
  }

  /** Nothing known any more (the feed stopped, the shots changed). */
  forget(): void {
    this.rest = null;
    this.seen = 0;
  }
}
