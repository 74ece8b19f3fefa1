/**
 * The k-nearest-neighbour vote, written out once in plain numbers: the k most similar
 * examples (cosine similarity) vote, a pose's confidence is its votes / k, and a tie of votes
 * goes to the pose that comes first in POSES (neutral first: when unsure, keep going).
 *
 * @tensorflow-models/knn-classifier computes the similarities and votes the same way (a test
 * checks the two agree); the game uses this file: PoseClassifier, the leave-one-out report
 * and tools/studies/measure-poses.ts.
 */
import { POSES, perPose, type Pose } from '../../poses';

export interface Vote {
  readonly pose: Pose;
  readonly confidences: Record<Pose, number>;
}

/** Highest confidence wins; a tie goes to the earlier pose in POSES. */
export function winnerOf(confidences: Readonly<Record<Pose, number>>): Pose {
  let best: Pose = POSES[0] as Pose;
  for (const pose of POSES) if (confidences[pose] > confidences[best]) best = pose;
  return best;
}

/**
 * similarities[i] belongs to an example labelled labels[i]. Equal similarities keep their
 * order (the sort is stable), as in knn-classifier.
 */
export function voteOfNearest(
  similarities: ArrayLike<number>,
  labels: readonly Pose[],
  k: number,
): Vote {
  const count = Math.min(similarities.length, labels.length);
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => (similarities[b] as number) - (similarities[a] as number));
  const kUsed = Math.min(k, count);
  const votes = perPose(() => 0);
  for (let i = 0; i < kUsed; i++) votes[labels[order[i] as number] as Pose]++;
  const confidences = perPose((pose) => (kUsed === 0 ? 0 : votes[pose] / kUsed));
  return { pose: winnerOf(confidences), confidences };
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}
