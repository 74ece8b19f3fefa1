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
 * Measured on Pointing'04 (tools/measure-face-finder.ts; face pipeline, N=3 with mirror
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
import { median } from './poseConfidence';
import { bestPerPose, nearestSimilarity, type PreparedShots } from './shotSimilarity';

export interface FarRule {
  /** 0 = the minimum, 10 = the 10th percentile, ... of the leave-one-out nearest similarities. */
  readonly percentile: number;
  /** Multiplies that percentile: below 1 tolerates frames a little further than any shot. */
  readonly factor: number;
}

export const FAR_RULE: FarRule = { percentile: 10, factor: 0.98 };

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

/** Each shot's highest similarity to the other shots (its own mirror image left out). */
export function leaveOneOutNearest(prepared: PreparedShots): number[] {
  const nearest: number[] = [];
  prepared.shots.forEach((shot, index) => {
    const value = nearestSimilarity(bestPerPose(prepared, shot.vector, index));
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
  const value = percentile(leaveOneOutNearest(prepared), rule.percentile);
  return value === null ? null : value * rule.factor;
}

export function isFarFromCalibration(nearest: number, threshold: number | null): boolean {
  return threshold !== null && nearest < threshold;
}
