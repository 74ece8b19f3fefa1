/**
 * A confidence for one frame's pose, from the similarities alone: how much nearer the frame
 * is to the predicted pose's shots than to any other pose's, measured against what is usual
 * for this very calibration.
 *
 *   margin     = s_win - s_other   (s_win: highest similarity to a shot of the predicted
 *                                   pose, own or mirrored; s_other: highest to another pose)
 *   scale      = median margin of the shots' own leave-one-out check (each shot classified
 *                by the other shots, its mirror image left out with it), over the shots it
 *                recognised correctly
 *   confidence = clamp(margin / scale, 0, 1)
 *
 * Why relative to the calibration: cosine similarities depend on the person, the room and the
 * features; a margin of 0.02 is a clear call for one player and noise for another. The
 * knn's vote share (1 of 1 at k=1) says nothing about this.
 *
 * Measured on Pointing'04 (tools/studies/measure-face-finder.ts): the face pipeline (pipeline.ts's
 * CURRENT_PIPELINE), N=3 shots per pose with mirror images, 600 calibrations (15 people x 2
 * sessions x 20 draws), 31,700 predictions on the other session. Scales: median 0.035 (10th-90th
 * percentile 0.022-0.059); every calibration had one.
 *
 *   confidence   frames above   accuracy above   accuracy below
 *   (any)        100 %          85.9 %
 *   > 0.1         92.3 %        88.8 %           51.4 %
 *   > 0.2         85.6 %        91.2 %           54.7 %
 *   > 0.3         79.4 %        93.1 %           58.1 %
 *   > 0.5         68.0 %        96.2 %           64.0 %
 *
 * So a frame under 0.2 is a coin toss (55 %) where one above is right 9 times in 10: a
 * smoother can hold the last direction through such frames instead of acting on them.
 */
import { POSES, type Pose } from '../../poses';
import { bestPerPose, nearestPose, type BestPerPose, type PreparedShots } from './shotSimilarity';

/** A cosine similarity can go no lower: s_other when no other pose has shots. */
const LOWEST_SIMILARITY = -1;

export interface SimilarityMargin {
  readonly pose: Pose;
  /** s_win: highest similarity to the pose's shots. */
  readonly winning: number;
  /** s_other: highest similarity to any other pose's shots (-1 when there is none). */
  readonly other: number;
  /** s_win - s_other; negative when `pose` was not the nearest pose. */
  readonly margin: number;
}

/**
 * The margin of `predicted` (default: the nearest pose, the k=1 prediction); null when the
 * calibration has no shots, or none of `predicted`.
 */
export function similarityMargin(best: BestPerPose, predicted?: Pose): SimilarityMargin | null {
  const pose = predicted ?? nearestPose(best);
  if (pose === null || best[pose] === Number.NEGATIVE_INFINITY) return null;
  let other = LOWEST_SIMILARITY;
  for (const rival of POSES) if (rival !== pose) other = Math.max(other, best[rival]);
  return { pose, winning: best[pose], other, margin: best[pose] - other };
}

/** The middle value (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The calibration's own scale of margins: the median leave-one-out margin of the shots it
 * recognises. Null when no shot is recognised (then no confidence can be given: ask the
 * player to calibrate again).
 */
export function confidenceScale(prepared: PreparedShots): number | null {
  return scaleOfNeighbours(
    prepared.shots.map((shot, index) => bestPerPose(prepared, shot.vector, index)),
    prepared.shots.map((shot) => shot.pose),
  );
}

/**
 * The same from each shot's leave-one-out highest similarity per pose (`bests`, in the shots'
 * order; shotNeighbours.ts computes them once for this and the fit).
 */
export function scaleOfNeighbours(
  bests: readonly BestPerPose[],
  poses: readonly Pose[],
): number | null {
  const margins: number[] = [];
  bests.forEach((best, index) => {
    const result = similarityMargin(best);
    if (result !== null && result.pose === poses[index]) margins.push(result.margin);
  });
  const scale = median(margins);
  return scale !== null && scale > 0 ? scale : null;
}

/** clamp(margin / scale, 0, 1). */
export function poseConfidence(margin: number, scale: number): number {
  if (!(scale > 0)) throw new Error(`the scale must be positive, got ${scale}`);
  return Math.min(1, Math.max(0, margin / scale));
}
