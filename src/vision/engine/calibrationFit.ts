/**
 * "The calibration no longer fits": the player has moved, the light has changed, someone
 * else sits in front of the camera. Then frames are far from every shot, further than the
 * shots are from each other, and whatever pose the classifier names is a guess.
 *
 *   nearest   = highest cosine similarity of the frame to any shot (own or mirrored)
 *   threshold = a low percentile of the shots' own leave-one-out nearest similarities (each
 *               shot against the others, its mirror image left out with it), times a factor
 *   far       = nearest < threshold
 *
 * The percentile and factor in force (FAR_RULE) were chosen on Pointing'04
 * (tools/measure-face-finder.ts): far frames should be rare in the calibration's own session
 * and common when the calibration comes from another session.
 */
import { median } from './poseConfidence';
import { bestPerPose, nearestSimilarity, type PreparedShots } from './shotSimilarity';

export interface FarRule {
  /** 0 = the minimum, 10 = the 10th percentile, ... of the leave-one-out nearest similarities. */
  readonly percentile: number;
  /** Multiplies that percentile: below 1 tolerates frames a little further than any shot. */
  readonly factor: number;
}

export const FAR_RULE: FarRule = { percentile: 0, factor: 1 };

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
