/**
 * "The calibration follows the player, quietly" (issue 27), as a reader for the real-day study
 * (tools/real-day.ts --play-shots), not yet in the game: frames read during play with a clear
 * margin, not overruled by the angles, not far from the shots, with the head at rest (the
 * same pose as the frame before, its angles within STILL_RADIANS), join a small bounded set of
 * play shots per pose (the oldest goes), at most one a second per pose. The player's own shots
 * are never dropped. Here the classifier is rebuilt with own + play shots, so the angle rule's
 * places and the fit's scale move with the play shots too (the game would keep them its own).
 * `report()` says how many play shots were learnt since the last report: in the "someone else"
 * condition every one of them is someone else's.
 */
import { anglesOfVector } from '../../src/vision/engine/angleFeatures';
import { PoseClassifier } from '../../src/vision/engine/classifier/poseClassifier';
import { KNN_K } from '../../src/vision/engine/recipe';
import type { PoseSample } from '../../src/vision/poseSamples';
import { perPose } from '../../src/vision/poses';
import { STILL_RADIANS } from '../../src/vision/steering/headSteering';
import type { Reader } from './studyReaders';

export interface PlayShotRule {
  /** Least confidence of a frame worth keeping. */
  readonly confidence: number;
  /** Play shots kept per pose. */
  readonly perPose: number;
  /** Frames between two play shots of one pose (10 a second in the study). */
  readonly spacing: number;
}

export function playShotsReader(name: string, rule: PlayShotRule): Reader {
  let learnt = 0;
  let games = 0;
  return {
    name,
    report() {
      const line = `${learnt} play shots learnt in ${games} games`;
      learnt = 0;
      games = 0;
      return line;
    },
    calibrate(samples) {
      games++;
      const classifier = new PoseClassifier(KNN_K, { anglesAtEnd: true });
      classifier.importSamples(samples);
      const play = perPose(() => [] as PoseSample[]);
      const lastLearnt = perPose(() => Number.NEGATIVE_INFINITY);
      let before: { pose: string; yaw: number; pitch: number } | null = null;
      let frame = 0;
      return async (features) => {
        frame++;
        const p = await classifier.predict(features);
        const angles = anglesOfVector(features);
        const atRest =
          before !== null &&
          angles !== null &&
          before.pose === p.pose &&
          Math.abs(angles.yaw - before.yaw) < STILL_RADIANS &&
          Math.abs(angles.pitch - before.pitch) < STILL_RADIANS;
        before = angles === null ? null : { pose: p.pose, yaw: angles.yaw, pitch: angles.pitch };
        const worth =
          atRest &&
          !p.gated &&
          !p.far &&
          p.confidence >= rule.confidence &&
          frame - lastLearnt[p.pose] >= rule.spacing;
        if (worth) {
          lastLearnt[p.pose] = frame;
          play[p.pose].push({ features: new Float32Array(features), mirrored: null });
          if (play[p.pose].length > rule.perPose) play[p.pose].shift();
          classifier.importSamples(perPose((pose) => [...samples[pose], ...play[pose]]));
          learnt++;
        }
        return p;
      };
    },
  };
}
