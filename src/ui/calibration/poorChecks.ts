/**
 * No loop for a hands-free player. A poor quality check highlights "Record X again", and a
 * player who holds the start pose records X again; some poses stay poor however often they are
 * recorded (a camera that sees the turn badly, a player who cannot make it), and a first visit
 * was seen still re-recording poses 4 minutes after the page opened. So the check is asked
 * again once only: the second poor check in a row of one calibration run (a pose was recorded
 * again and the check is still poor) becomes "still weak", and the choices highlight Play and
 * name the weak pose (headChoices.ts). Record again and Menu stay reachable.
 *
 * Counts the checks of a complete calibration it is given (the screen checks between poses
 * too, and those say nothing about the result); a good check starts the count over.
 */
import type { Pose } from '../../vision/poses';
import type { QualityVerdict } from './qualityVerdict';

/** How many poor checks in a row still ask for a pose to be recorded again. */
export const POOR_CHECKS_BEFORE_PLAY = 1;

/** A quality verdict as the choices offer it. */
export type OfferedVerdict =
  | QualityVerdict
  /** Poor again after a recording again: play with it; `weak` was recognised `recognised`. */
  | { readonly kind: 'still-weak'; readonly weak: Pose; readonly recognised: number };

export class PoorChecks {
  private inARow = 0;

  /** One check of a complete calibration: what the choices should offer after it. */
  judge(verdict: QualityVerdict): OfferedVerdict {
    if (verdict.kind !== 'poor') {
      this.inARow = 0;
      return verdict;
    }
    this.inARow++;
    if (this.inARow <= POOR_CHECKS_BEFORE_PLAY) return verdict;
    return { kind: 'still-weak', weak: verdict.redo, recognised: verdict.recognised };
  }

  /** A new calibration run (the screen opens, Forget me, an imported calibration). */
  startOver(): void {
    this.inARow = 0;
  }
}
