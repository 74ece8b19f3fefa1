/**
 * "The calibration no longer fits": the player has moved, the light has changed, someone
 * else sits in front of the camera. Then frames are far from every shot, further than the
 * shots are from each other: the player is being compared with someone, or some light, that
 * is no longer there.
 *
 *   nearest   = highest cosine similarity of the frame to any shot (own or mirrored)
 *   threshold = a low percentile of the shots' own leave-one-out nearest similarities (each
 *               shot against the others, its mirror image left out with it), times a factor
 *   far       = nearest < threshold
 *
 * Measured on Pointing'04 (tools/studies/measure-face-finder.ts; face pipeline, N=3 with mirror
 * images, 600 calibrations): share of far frames on the calibration's own session (photos
 * not used as shots), on the other session, and on another person (the next person's photos
 * of the same session); then the share of calibrations with more than 20 % of their frames
 * far (each calibration's ~50 test photos standing in for a stretch of play):
 *
 *   far when nearest <          same    other   another   calibrations flagged:
 *                               session session person    same / other / another person
 *   minimum                     3.3 %   6.1 %   42.0 %    1.8 / 8.5 / 56.8 %
 *   minimum x 0.98              1.4 %   2.1 %   23.4 %    0.2 / 0.7 / 34.5 %
 *   10th percentile             8.2 %   16.7 %  72.9 %    8.5 / 28.0 / 90.5 %
 *   10th percentile x 0.98 <-   2.9 %   5.0 %   44.9 %    0.7 / 4.7 / 66.5 %
 *   20th percentile x 0.98      4.6 %   8.9 %   61.2 %    1.5 / 10.5 / 87.0 %
 *
 * The rule in force flags 0.7 % of calibrations on their own session and two in three when
 * someone else sits down. What it does NOT do: predict errors. On the other session, far
 * frames are recognised about as often as the others (84 % vs 86 %); what makes a session's
 * frames far (person02: 24 % far, a much brighter second session) is not what makes poses
 * hard. Use it to suggest calibrating again; weigh single frames by the confidence
 * (poseConfidence.ts).
 * Caveat: Pointing'04's people sat in one room under one light; another person in another
 * room should look further still.
 */
import { POSES, type Pose } from '../../poses';
import { median } from './poseConfidence';
import {
  bestPerPose,
  nearestSimilarity,
  type BestPerPose,
  type PreparedShots,
} from './shotSimilarity';

export interface FarRule {
  /**
   * What a frame is compared with: each shot's nearest other shot ('leave-one-out', the
   * default), or each shot's nearest shot of another pose ('other-pose').
   */
  readonly reference?: 'leave-one-out' | 'other-pose';
  /** 0 = the minimum, 10 = the 10th percentile, ... of those similarities. */
  readonly percentile: number;
  /** Multiplies that percentile: below 1 tolerates frames a little further than any shot. */
  readonly factor: number;
}

/**
 * The rule in force: far = further from every shot than half the shots are from the nearest
 * shot of another pose. Not the leave-one-out rule measured above, because the game records
 * a shot ten times a second while the player holds a pose: a shot's nearest other shot is its
 * neighbour in the same burst, nearly the same picture, and the 10th percentile of those
 * (0.98 with Pointing'04 photos recorded in bursts of ten) called 96 % of person01's other
 * session far. Another pose is never in the same burst. With bursts (Node, scratch study:
 * person01 series 1 calibration, photos filling a 640x480 frame, share of frames far):
 *
 *   rule                       person01    person01 other   person02   persons 05, 07,
 *                              same photos session                     09, 13
 *   leave-one-out p10 x 0.98   0 %         96 %             100 %      100 %
 *   other-pose p10 x 0.98      0 %         0 %              2 %        0 %
 *   other-pose median  <-      0 %         4 %              100 %      28-45 %
 *   other-pose p90             0 %         26 %             100 %      96-100 %
 *
 * With "more than 20 % of recent frames far" (FAR_SHARE_NO_LONGER_FITS) the median rule keeps
 * the other session fitting and tells when someone else sits down.
 */
export const FAR_RULE: FarRule = { reference: 'other-pose', percentile: 50, factor: 1 };

/**
 * One far frame means little (a blink, a hand); the calibration no longer fits when more
 * than this share of the recent frames (a few seconds of play) are far.
 */
export const FAR_SHARE_NO_LONGER_FITS = 0.2;

/** Whether the recent frames' far flags say the calibration no longer fits. */
export function calibrationNoLongerFits(recentFar: readonly boolean[]): boolean {
  if (recentFar.length === 0) return false;
  const far = recentFar.filter(Boolean).length;
  return far / recentFar.length > FAR_SHARE_NO_LONGER_FITS;
}

/** Each shot's leave-one-out highest similarity per pose, in the shots' order. */
function neighboursOf(prepared: PreparedShots): BestPerPose[] {
  return prepared.shots.map((shot, index) => bestPerPose(prepared, shot.vector, index));
}

/** Each shot's highest similarity to the other shots (its own mirror image left out). */
export function leaveOneOutNearest(prepared: PreparedShots): number[] {
  return nearestOfNeighbours(neighboursOf(prepared));
}

/** Each shot's highest similarity to a shot of another pose (own or mirrored). */
export function nearestOtherPose(prepared: PreparedShots): number[] {
  return nearestOtherOfNeighbours(
    neighboursOf(prepared),
    prepared.shots.map((shot) => shot.pose),
  );
}

function nearestOfNeighbours(bests: readonly BestPerPose[]): number[] {
  return bests.map(nearestSimilarity).filter(Number.isFinite);
}

function nearestOtherOfNeighbours(bests: readonly BestPerPose[], poses: readonly Pose[]): number[] {
  const nearest: number[] = [];
  bests.forEach((best, index) => {
    const others = POSES.filter((pose) => pose !== poses[index]).map((pose) => best[pose]);
    const value = Math.max(...others);
    if (Number.isFinite(value)) nearest.push(value);
  });
  return nearest;
}

/** The p-th percentile (0..100), linear between the two nearest ranks; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (p === 50) return median(values);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(sorted.length - 1, below + 1);
  const weight = rank - below;
  return (sorted[below] as number) * (1 - weight) + (sorted[above] as number) * weight;
}

/**
 * The similarity below which a frame is far from this calibration; null when there are fewer
 * than two shots (no leave-one-out check possible).
 */
export function farThreshold(prepared: PreparedShots, rule: FarRule = FAR_RULE): number | null {
  return farLineOfNeighbours(
    neighboursOf(prepared),
    prepared.shots.map((shot) => shot.pose),
    rule,
  );
}

/**
 * The same from each shot's leave-one-out highest similarity per pose (`bests`, in the shots'
 * order; shotNeighbours.ts computes them once for this and the confidence's scale).
 */
export function farLineOfNeighbours(
  bests: readonly BestPerPose[],
  poses: readonly Pose[],
  rule: FarRule = FAR_RULE,
): number | null {
  const reference =
    rule.reference === 'other-pose'
      ? nearestOtherOfNeighbours(bests, poses)
      : nearestOfNeighbours(bests);
  const value = percentile(reference, rule.percentile);
  return value === null ? null : value * rule.factor;
}

export function isFarFromCalibration(nearest: number, threshold: number | null): boolean {
  return threshold !== null && nearest < threshold;
}
