/**
 * How close a frame is to the player's calibration shots, pose by pose: the highest cosine
 * similarity to any shot of each pose (own shots and mirror images alike). The confidence
 * (poseConfidence.ts) and the "calibration no longer fits" signal (calibrationFit.ts) are both
 * read off these numbers, so they are computed in one place, the same way for the player's
 * frames and for the shots' own leave-one-out check.
 *
 * Plain numbers, no tensors: a calibration holds tens of shots, and a frame costs one dot
 * product per example (~100 x 1036 multiplications), far below a millisecond.
 */
import { POSES, mirroredPose, perPose, type Pose } from '../../poses';
import type { PoseSamples } from '../../poseSamples';
import { unitLength } from '../unitLength';
import { dotProduct } from './dotProduct';

interface Example {
  /** Unit length, so a dot product is the cosine similarity. */
  readonly vector: Float32Array;
  readonly pose: Pose;
  /** The shot it comes from (its own vector or its mirror image): left out together. */
  readonly shot: number;
}

/** A calibration prepared for comparisons: build once when the shots change. */
export interface PreparedShots {
  /** Each shot's own vector (unit length) and pose, in POSES order. */
  readonly shots: ReadonlyArray<{ readonly vector: Float32Array; readonly pose: Pose }>;
  readonly examples: readonly Example[];
}

export function prepareShots(samples: PoseSamples): PreparedShots {
  const shots: Array<{ vector: Float32Array; pose: Pose }> = [];
  const examples: Example[] = [];
  for (const pose of POSES) {
    for (const sample of samples[pose]) {
      const shot = shots.length;
      const vector = unitLength(sample.features);
      shots.push({ vector, pose });
      examples.push({ vector, pose, shot });
      if (sample.mirrored !== null) {
        examples.push({ vector: unitLength(sample.mirrored), pose: mirroredPose(pose), shot });
      }
    }
  }
  return { shots, examples };
}

/** Highest similarity per pose; -Infinity for a pose with no example. */
export type BestPerPose = Record<Pose, number>;

/**
 * The highest cosine similarity of `features` to each pose's examples. `leaveOut`: a shot
 * index whose own vector and mirror image are skipped (the leave-one-out check).
 */
export function bestPerPose(
  prepared: PreparedShots,
  features: Float32Array,
  leaveOut: number | null = null,
): BestPerPose {
  const unit = unitLength(features);
  const best = perPose(() => Number.NEGATIVE_INFINITY);
  for (const example of prepared.examples) {
    if (example.shot === leaveOut) continue;
    if (example.vector.length !== unit.length) {
      throw new Error(`vector has ${unit.length} numbers, the shots ${example.vector.length}`);
    }
    const similarity = dotProduct(unit, example.vector);
    if (similarity > best[example.pose]) best[example.pose] = similarity;
  }
  return best;
}

/** The pose of the nearest example (a tie goes to the earlier pose in POSES), or null. */
export function nearestPose(best: BestPerPose): Pose | null {
  let winner: Pose | null = null;
  for (const pose of POSES) {
    if (best[pose] === Number.NEGATIVE_INFINITY) continue;
    if (winner === null || best[pose] > best[winner]) winner = pose;
  }
  return winner;
}

/** The highest similarity to any example: how near the frame is to the calibration at all. */
export function nearestSimilarity(best: BestPerPose): number {
  return Math.max(...POSES.map((pose) => best[pose]));
}
