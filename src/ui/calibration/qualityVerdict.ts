/**
 * Is the calibration good enough to play, and if not, which pose should be recorded again?
 * Read from the quality check (each shot classified by all the others, calibrationReport.ts),
 * which also names the pose (the one its advice names: of two poses taken for each other, the
 * one that is not neutral).
 * A hands-free player cannot read a paragraph of advice and press a button: the screen turns
 * this verdict into the choice that the head can take (headChoices.ts).
 *
 * The lines, measured through the screen (hands-free, a camera following the countdown with
 * Pointing'04 photos; each shot compared without its burst neighbours): good recordings of
 * persons 01, 02, 03 and 05 score 80-94 % overall, every pose at 50 % or more (down, with the
 * fewest faces found, the weakest); a player who looked straight when asked to turn left scores
 * 64-65 % overall, Left 35-40 % and Neutral 25 %. So a calibration under 75 % overall, or
 * with a pose under 45 %, is one play would misread.
 */
import {
  poseToRecordAgain,
  type CalibrationReport,
} from '../../vision/engine/classifier/calibrationReport';
import { POSES, type Pose } from '../../vision/poses';

/** Under this share of its shots recognised, a pose is worth recording again. */
export const POSE_GOOD_ENOUGH = 0.45;
/** Under this share of all shots recognised, the calibration is poor whatever the poses say. */
export const OVERALL_GOOD_ENOUGH = 0.75;

export type QualityVerdict =
  /** Good enough to play; `weakest`: the pose worth recording again if the player wants to. */
  | { readonly kind: 'good'; readonly weakest: Pose | null }
  /** Not good enough: `redo` should be recorded again (it was recognised `recognised` of times). */
  | { readonly kind: 'poor'; readonly redo: Pose; readonly recognised: number };

export function qualityVerdict(report: CalibrationReport): QualityVerdict {
  const shares = POSES.map((pose) => report.accuracyPerPose[pose]).filter(
    (share): share is number => share !== null,
  );
  const again = poseToRecordAgain(report.accuracyPerPose, report.mostConfused);
  if (report.accuracy === null || shares.length === 0 || again === null) {
    return { kind: 'good', weakest: again };
  }
  const poor = Math.min(...shares) < POSE_GOOD_ENOUGH || report.accuracy < OVERALL_GOOD_ENOUGH;
  if (!poor) return { kind: 'good', weakest: again };
  return { kind: 'poor', redo: again, recognised: report.accuracyPerPose[again] ?? 0 };
}
