/**
 * The player's calibration shots: for each pose, the feature vectors of the frames recorded
 * while holding it. This is what is saved, exported and imported; the classifier is rebuilt
 * from it, never the other way round (a classifier's internal copy is normalised and lossy).
 */
import { POSES, mirroredPose, perPose, type Pose } from './poses';

export interface PoseSample {
  /** The recorded frame's feature vector. */
  readonly features: Float32Array;
  /**
   * The feature vector of the same frame mirrored left/right, which shows the mirrored pose
   * (left <-> right; up, down, neutral unchanged). Counts as an extra example of that pose.
   * Kept with its original so that recording a pose again also replaces its mirror images.
   */
  readonly mirrored: Float32Array | null;
}

export type PoseSamples = Record<Pose, readonly PoseSample[]>;

export function emptySamples(): PoseSamples {
  return perPose(() => []);
}

/** A deep copy: callers can never change a classifier's or a file's vectors from outside. */
export function copySamples(samples: PoseSamples): PoseSamples {
  return perPose((pose) =>
    samples[pose].map((sample) => ({
      features: new Float32Array(sample.features),
      mirrored: sample.mirrored === null ? null : new Float32Array(sample.mirrored),
    })),
  );
}

export function countSamples(samples: PoseSamples): number {
  return POSES.reduce((total, pose) => total + samples[pose].length, 0);
}

/**
 * Why a vector cannot be compared by cosine similarity, or null when it can: wrong length,
 * a non-finite number, or all zeros (no direction at all).
 */
export function vectorProblem(vector: Float32Array, expectedLength: number | null): string | null {
  if (!(vector instanceof Float32Array)) return 'not a Float32Array';
  if (expectedLength !== null && vector.length !== expectedLength) {
    return `has ${vector.length} numbers, expected ${expectedLength}`;
  }
  if (vector.length === 0) return 'is empty';
  let anyNonZero = false;
  for (const value of vector) {
    if (!Number.isFinite(value)) return 'contains a number that is not finite';
    if (value !== 0) anyNonZero = true;
  }
  return anyNonZero ? null : 'is all zeros';
}

/** Every vector (own and mirrored) grouped by the pose it shows, for the classifier. */
export function examplesByPose(samples: PoseSamples): Record<Pose, Float32Array[]> {
  const examples = perPose((): Float32Array[] => []);
  for (const pose of POSES) {
    for (const sample of samples[pose]) examples[pose].push(sample.features);
  }
  // Mirror images after the pose's own shots, in the same order as measure-poses feeds them.
  for (const pose of POSES) {
    for (const sample of samples[pose]) {
      if (sample.mirrored !== null) examples[mirroredPose(pose)].push(sample.mirrored);
    }
  }
  return examples;
}
