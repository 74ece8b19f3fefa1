/**
 * How the smoother turns per-frame guesses into steering, simulated on real guesses: a player
 * holds neutral and the four directions in turn, 30 frames each (a second at 30 fps), and each
 * frame shows a random test photo of the pose held, classified as measure-poses classified it.
 *
 * Frames drawn independently are kinder than a camera: a real misread tends to last while the
 * head stays put. So read these numbers as a comparison of settings, not as a promise.
 */
import { PoseSmoother, type SmootherSettings } from '../../../src/vision/steering/smoother';
import { directionOfPose, type Pose } from '../../../src/vision/poses';
import { seededRandom, type Trial } from '../../node/knnEvaluation';
import type { PosePhoto } from '../../node/pointing04';

export interface SteeringScore {
  /** Share of held directions that were requested while held. */
  readonly turnsRecognised: number;
  /** Median frames from the start of a held direction to its request. */
  readonly medianLatency: number;
  /** Requests for a direction other than the one held (or during neutral), per 1000 frames. */
  readonly wrongPer1000Frames: number;
}

const SCRIPT: readonly Pose[] = [
  'neutral',
  'left',
  'neutral',
  'up',
  'right',
  'neutral',
  'down',
  'left',
  'neutral',
];
const FRAMES_PER_POSE = 30;

export function simulateSteering(
  photos: readonly PosePhoto[],
  trials: readonly Trial[],
  settings: SmootherSettings,
  seed: number,
): SteeringScore {
  const random = seededRandom(seed);
  const latencies: number[] = [];
  let turns = 0;
  let wrong = 0;
  let frames = 0;
  for (const trial of trials) {
    const byPose = new Map<Pose, number[]>();
    for (const index of trial.predictions.keys()) {
      const pose = photos[index]?.pose as Pose;
      byPose.set(pose, [...(byPose.get(pose) ?? []), index]);
    }
    const smoother = new PoseSmoother(settings);
    for (const held of SCRIPT) {
      const candidates = byPose.get(held) ?? [];
      let requestedAt: number | null = null;
      for (let frame = 0; frame < FRAMES_PER_POSE; frame++) {
        const photo = candidates[Math.floor(random() * candidates.length)] as number;
        const guess = trial.predictions.get(photo) as { pose: Pose; confidence: number };
        const request = smoother.update(guess);
        frames++;
        if (request === null) continue;
        if (request === directionOfPose(held)) requestedAt ??= frame;
        else wrong++;
      }
      if (held !== 'neutral') {
        turns++;
        if (requestedAt !== null) latencies.push(requestedAt + 1);
      }
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    turnsRecognised: latencies.length / turns,
    medianLatency: latencies[Math.floor(latencies.length / 2)] ?? Number.NaN,
    wrongPer1000Frames: (1000 * wrong) / frames,
  };
}
