/**
 * The touch-up's check of what it just recorded: does the new burst of a pose look like that
 * pose to the calibration it joins? Each new shot is classified (knnRule.ts, k = KNN_K, the
 * mirror images counting as shots of the mirrored pose as in calibrationReport.ts) against
 * the calibration's shots, never the burst's own (nor their mirror images, which would vote
 * for the burst itself). The burst is kept when at least BURST_KEEP_SHARE of its shots read as
 * the pose asked for; a burst with no shot at all (no face in any frame) is not kept.
 *
 * Which shots it is compared with: those from before the touch-up (`touchUpFrom`), not the
 * touch-up's own shots of the poses recorded before it. The touch-up exists because today is
 * another day (light, glasses, room): today's shots of neutral are nearer to today's "down"
 * than the old day's "down" shots are, and a burst compared with them is thrown away for
 * looking like today, not for showing the wrong pose. Measured (tools/studies/measure-touch-up.ts,
 * Pointing'04, 15 people, calibrated on one session with N=3 shots per pose, touched up from
 * the other with bursts of 4 photos held where players hold each pose, judged in the game's
 * order; both directions, 10 draws):
 *
 *                                 correct      poses left   wrong bursts kept:
 *                                 bursts       after 3      neutral shown    a direction
 *   compared with, kept when      rejected     tries        for a direction  for neutral
 *   all others, >= 1 of 4         4.1 %        2.7 %        5.2 %            39.3 %
 *   all others, >= half           17.7 %       12.2 %       0.5 %            14.0 %
 *     (of which "down", last)     38.0 %
 *   old shots only, >= 1 of 4     1.1 %        0.3 %        17.1 %           39.3 %
 *   old shots only, >= half  <-   8.9 %        5.4 %        3.8 %            14.0 %
 *     (of which "down", last)     15.3 %
 *   old shots only, > half        22.0 %       13.4 %       0.7 %            4.7 %
 *
 * Compared with all others, "down" (recorded last, after today's four other poses) is thrown
 * away two and a half times as often. Neither rule tells another person doing the pose asked
 * from the player (76 % of such bursts kept): this checks poses, not faces.
 */
import { cosineSimilarity, voteOfNearest } from './knnRule';
import { KNN_K } from '../recipe';
import { POSES, mirroredPose, perPose, type Pose } from '../../poses';
import type { PoseSamples } from '../../poseSamples';

/** Share of a burst's shots that must read as the pose asked for, for it to be kept. */
export const BURST_KEEP_SHARE = 0.5;

/** A burst not kept is asked for again at most this many times; then the pose keeps its old shots. */
export const BURST_RETRIES = 2;

export interface BurstVerdict {
  readonly kept: boolean;
  /** Why not: no shot at all ('no-face'), or too few read as the pose ('other-pose'). */
  readonly reason: 'no-face' | 'other-pose' | null;
  /** The burst's shots. */
  readonly shots: number;
  /** How many of them each pose won (all zeros when there was nothing to compare with). */
  readonly readAs: Record<Pose, number>;
  /** The other pose the burst read as most often (for "it looked like ..."), if any. */
  readonly lookedLike: Pose | null;
}

export interface BurstCheckOptions {
  /**
   * Per pose, how many shots it had when the touch-up began: its shots from that index on are
   * the touch-up's and are not compared with. Absent: every shot but the burst's is.
   */
  readonly touchUpFrom?: Readonly<Partial<Record<Pose, number>>>;
  readonly k?: number;
  readonly keepShare?: number;
}

/**
 * Judges the shots of `pose` from index `burstFrom` on (the new burst) against the rest of
 * `samples`. With nothing to compare with, a burst with shots is kept.
 */
export function judgeBurst(
  samples: PoseSamples,
  pose: Pose,
  burstFrom: number,
  options: BurstCheckOptions = {},
): BurstVerdict {
  const k = options.k ?? KNN_K;
  const keepShare = options.keepShare ?? BURST_KEEP_SHARE;
  const start = Math.max(0, burstFrom);
  const burst = samples[pose].slice(start);
  const readAs = perPose(() => 0);
  if (burst.length === 0) {
    return { kept: false, reason: 'no-face', shots: 0, readAs, lookedLike: null };
  }

  // The knn's examples in PoseClassifier's order (each pose's own shots, then the mirror
  // images that show it), so that equal similarities break the same way.
  const compared = (of: Pose, index: number): boolean =>
    index < Math.min(of === pose ? start : Infinity, options.touchUpFrom?.[of] ?? Infinity);
  const vectors: Float32Array[] = [];
  const labels: Pose[] = [];
  for (const shown of POSES) {
    samples[shown].forEach((sample, index) => {
      if (!compared(shown, index)) return;
      vectors.push(sample.features);
      labels.push(shown);
    });
    const source = mirroredPose(shown);
    samples[source].forEach((sample, index) => {
      if (!compared(source, index) || sample.mirrored === null) return;
      vectors.push(sample.mirrored);
      labels.push(shown);
    });
  }
  if (vectors.length === 0) {
    return { kept: true, reason: null, shots: burst.length, readAs, lookedLike: null };
  }

  for (const shot of burst) {
    const similarities = vectors.map((vector) => cosineSimilarity(shot.features, vector));
    readAs[voteOfNearest(similarities, labels, k).pose]++;
  }
  let lookedLike: Pose | null = null;
  for (const other of POSES) {
    if (other === pose || readAs[other] === 0) continue;
    if (lookedLike === null || readAs[other] > readAs[lookedLike]) lookedLike = other;
  }
  const kept = readAs[pose] >= keepShare * burst.length;
  return { kept, reason: kept ? null : 'other-pose', shots: burst.length, readAs, lookedLike };
}
