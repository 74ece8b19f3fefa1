/**
 * Candidate readers for the real-day study (tools/real-day.ts): the game's knn on the same
 * vectors, then another rule for when a turn counts. Built from the engine's own parts
 * (similarities, vote, angle centres, confidence), so only the rule under study differs.
 */
import { anglesOfVector } from '../../src/vision/engine/angleFeatures';
import {
  angleCentres,
  shareOfTheWay,
  type AngleCentre,
} from '../../src/vision/engine/classifier/angleGate';
import { voteOfNearest } from '../../src/vision/engine/classifier/knnRule';
import {
  confidenceScale,
  poseConfidence,
  similarityMargin,
} from '../../src/vision/engine/classifier/poseConfidence';
import { prepareShots } from '../../src/vision/engine/classifier/shotSimilarity';
import {
  frameSimilarities,
  splitExamples,
} from '../../src/vision/engine/classifier/splitSimilarity';
import type { HeadAngles } from '../../src/vision/engine/features/faceMesh/headAngles';
import { POSES, mirroredPose, perPose, type Pose } from '../../src/vision/poses';
import type { SmootherSettings } from '../../src/vision/steering/smoother';
import type { PoseSamples } from '../../src/vision/poseSamples';
import { KNN_K } from '../../src/vision/engine/recipe';
import { PoseClassifier } from '../../src/vision/engine/classifier/poseClassifier';

/** Reads one frame against a calibration: the pose, or 'none' when too unsure to steer. */
export type Reading = Pose | 'none';
/** One frame's answer, as the smoother takes it (and the touch-up rule reads it). */
export interface FrameAnswer {
  readonly pose: Pose;
  readonly confidence: number;
  readonly far?: boolean;
  readonly gated?: boolean;
}
export interface Reader {
  readonly name: string;
  /** Its answer depends on the frame alone (no memory of earlier frames). */
  readonly stateless?: boolean;
  /** The smoother it plays through; absent: the game's. */
  readonly smoother?: SmootherSettings;
  /** A reader for this calibration. */
  calibrate(samples: PoseSamples): (frame: Float32Array) => Promise<FrameAnswer>;
}

/** The game as it is: PoseClassifier (knn, angle gate) and the smoother's confidence floor. */
export const GAME_READER: Reader = {
  name: 'the game',
  stateless: true,
  calibrate(samples) {
    const classifier = new PoseClassifier(KNN_K, { anglesAtEnd: true });
    classifier.importSamples(samples);
    return (frame) => classifier.predict(frame);
  },
};

/** What a rule sees of one frame. */
export interface FrameFacts {
  /** The knn's pose (k = 1, angles in the vector). */
  readonly voted: Pose;
  readonly confidence: number;
  readonly angles: HeadAngles | null;
  readonly centres: Readonly<Record<Pose, AngleCentre | null>>;
}

/** The pose a rule settles on for a frame. */
export type Rule = (facts: FrameFacts) => Pose;

export function ruleReader(name: string, rule: Rule): Reader {
  return {
    name,
    stateless: true,
    calibrate(samples: PoseSamples) {
      const raw: Float32Array[] = [];
      const labels: Pose[] = [];
      for (const pose of POSES) {
        for (const s of samples[pose]) {
          raw.push(s.features);
          labels.push(pose);
        }
      }
      for (const pose of POSES) {
        for (const s of samples[pose]) {
          if (s.mirrored === null) continue;
          raw.push(s.mirrored);
          labels.push(mirroredPose(pose));
        }
      }
      const examples = splitExamples(raw, true, true);
      const centres = angleCentres(labels, raw.map(anglesOfVector));
      const scale = confidenceScale(prepareShots(samples));
      return async (frame: Float32Array): Promise<FrameAnswer> => {
        const { similarities } = frameSimilarities(frame, examples);
        const vote = voteOfNearest(similarities, labels, 1);
        const best = perPose(() => Number.NEGATIVE_INFINITY);
        similarities.forEach((s, i) => {
          const pose = labels[i] as Pose;
          if (s > best[pose]) best[pose] = s;
        });
        const pose = rule({
          voted: vote.pose,
          confidence: 1,
          angles: anglesOfVector(frame),
          centres,
        });
        const margin = similarityMargin(best, pose);
        const confidence =
          scale === null || margin === null ? 1 : poseConfidence(margin.margin, scale);
        return { pose, confidence };
      };
    },
  };
}

/** Today's gate at another share: the knn's turn counts once the head went `share` of the way. */
export function gateRule(share: number): Rule {
  return ({ voted, angles, centres }) => {
    if (voted === 'neutral' || angles === null) return voted;
    const neutral = centres.neutral;
    const turn = centres[voted];
    if (neutral === null || turn === null) return voted;
    return shareOfTheWay(angles, neutral, turn) >= share ? voted : 'neutral';
  };
}
