/**
 * Readers for the real-day study (tools/real-day.ts): the game's classifier, as it is or with
 * the angle rule's settings changed (PoseClassifierOptions), answering frame by frame.
 */
import type { Pose } from '../../src/vision/poses';
import type { SmootherSettings } from '../../src/vision/steering/smoother';
import type { PoseSamples } from '../../src/vision/poseSamples';
import { KNN_K } from '../../src/vision/engine/recipe';
import {
  PoseClassifier,
  type PoseClassifierOptions,
} from '../../src/vision/engine/classifier/poseClassifier';

/** Reads one frame against a calibration: the pose, or 'none' when too unsure to steer. */
export type Reading = Pose | 'none';
/** One frame's answer, as the smoother takes it (and the touch-up rule reads it). */
export interface FrameAnswer {
  readonly pose: Pose;
  readonly confidence: number;
  readonly far?: boolean;
  readonly gated?: boolean;
  /** Each pose's share of the picture's vote (the game's reader says). */
  readonly confidences?: Readonly<Record<Pose, number>>;
}
export interface Reader {
  readonly name: string;
  /** Its answer depends on the frame alone (no memory of earlier frames). */
  readonly stateless?: boolean;
  /** The smoother it plays through; absent: the game's. */
  readonly smoother?: SmootherSettings;
  /** A reader for this calibration. */
  calibrate(samples: PoseSamples): (frame: Float32Array) => Promise<FrameAnswer>;
  /** What it did since it was last asked (printed after each condition), if it says. */
  report?(): string;
}

/** The game's classifier, with the angle rule's settings given (PoseClassifierOptions). */
export function gameReader(name: string, options: PoseClassifierOptions = {}): Reader {
  return {
    name,
    stateless: true,
    calibrate(samples) {
      const classifier = new PoseClassifier(KNN_K, { anglesAtEnd: true, ...options });
      classifier.importSamples(samples);
      return (frame) => classifier.predict(frame);
    },
  };
}

/** The game as it is: PoseClassifier (knn, angle rule). */
export const GAME_READER: Reader = gameReader('the game');
