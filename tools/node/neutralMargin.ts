/**
 * Rules that keep a head that is nearly straight from reading as a turn (issue 17's "per-pose
 * neutral margin"), for the knn evaluation (knnEvaluation.ts VoteRule). Each takes the game's
 * nearest-neighbour vote and, when it names a turn, asks whether the frame is far enough from
 * straight to be one; if not, the frame reads as neutral (no pose held: the hero keeps going).
 * Every threshold is relative to the player's own shots, not a fixed angle.
 */
import {
  cosineSimilarity,
  voteOfNearest,
  type Vote,
} from '../../src/vision/engine/classifier/knnRule';
import type { Pose } from '../../src/vision/poses';
import { angleCentres, angleReading, nearEnds } from '../../src/vision/engine/classifier/angleGate';
import type { HeadAngles } from '../../src/vision/engine/features/faceMesh/headAngles';
import type { VoteRule } from './knnEvaluation';

const straight = (vote: Vote): Vote => ({ pose: 'neutral', confidences: vote.confidences });

function nearestOf(similarities: readonly number[], labels: readonly Pose[], pose: Pose): number {
  let best = -Infinity;
  labels.forEach((label, i) => {
    if (label === pose) best = Math.max(best, similarities[i] as number);
  });
  return best;
}

/**
 * A turn counts only when its nearest shot is nearer than the nearest neutral shot by
 * `share` of how far that turn's own shots are from neutral's (1 - their mean similarity to
 * their nearest neutral shot): a player whose turns are small gets a small margin.
 */
export function similarityMargin(share: number, vectors: readonly Float32Array[]): VoteRule {
  const spreads = new Map<string, Map<Pose, number>>();
  const spreadOf = (examples: readonly number[], labels: readonly Pose[], pose: Pose): number => {
    const key = examples.join(',');
    let perPose = spreads.get(key);
    if (perPose === undefined) spreads.set(key, (perPose = new Map()));
    let spread = perPose.get(pose);
    if (spread === undefined) {
      const neutral = examples.filter((_, i) => labels[i] === 'neutral');
      const turned = examples.filter((_, i) => labels[i] === pose);
      const nearest = turned.map((t) =>
        Math.max(
          ...neutral.map((n) =>
            cosineSimilarity(vectors[t] as Float32Array, vectors[n] as Float32Array),
          ),
        ),
      );
      spread = 1 - nearest.reduce((sum, s) => sum + s, 0) / Math.max(1, nearest.length);
      perPose.set(pose, spread);
    }
    return spread;
  };
  return (similarities, labels, k, { examples }) => {
    const vote = voteOfNearest(similarities, labels, k);
    if (vote.pose === 'neutral') return vote;
    const margin =
      nearestOf(similarities, labels, vote.pose) - nearestOf(similarities, labels, 'neutral');
    return margin >= share * spreadOf(examples, labels, vote.pose) ? vote : straight(vote);
  };
}

/**
 * The game's angle rule (src/vision/engine/classifier/angleGate.ts) on these examples, as
 * PoseClassifier applies it: the centres from every example (mirror images included, as in the
 * knn), each turn measured from where the player's own shots of it begin (examples below
 * `photoCount` are the photos themselves; the rest their mirror images), a turn counted once
 * the head has gone `share` of that way, a turn the head has clearly made taken where the
 * picture says straight. Without `photoCount`, every example counts as the player's own.
 */
export function angleGate(
  share: number,
  anglesOf: (vectorIndex: number) => HeadAngles | null,
  photoCount: number = Number.POSITIVE_INFINITY,
): VoteRule {
  return (similarities, labels, k, { test, examples }) => {
    const vote = voteOfNearest(similarities, labels, k);
    const angles = examples.map((i) => anglesOf(i));
    const own = examples.flatMap((i, at) => (i < photoCount ? [at] : []));
    const places = nearEnds(
      own.map((at) => labels[at] as Pose),
      own.map((at) => angles[at] ?? null),
      angleCentres(labels, angles),
    );
    const pose = angleReading(vote.pose, anglesOf(test), places, share).pose;
    return pose === vote.pose ? vote : { pose, confidences: vote.confidences };
  };
}
