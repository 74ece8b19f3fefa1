/**
 * How fast the hero answers a head turn, and how often it turns when the player did not, on
 * Pointing'04 with the game's face pipeline and its own classifier (PoseClassifier: knn,
 * confidence, mirror images) and smoother (PoseSmoother):
 *
 *  - calibration: one session, each pose one hold as the game records it (heldBurst: a head
 *    held still where players hold the pose, HOLD_SHOTS photos nearest to each other), so the
 *    confidence has the game's scale (a shot's nearest neighbour is in its own hold);
 *  - play: the other session, holds of 1-3 s that alternate straight ahead and a turn (a
 *    random direction), a new clear photo of the pose every second (a head never holds quite
 *    still), the camera at 30 frames a second, the classifier reading one frame in
 *    `everyFrames` (3 = 10 a second, the game's default rate on this machine);
 *  - counted: the classified frames and camera frames from the start of a turn to its request,
 *    turns never requested while held, and requests the player did not make (another direction,
 *    or any during a straight hold) per minute of play.
 *
 * Both directions (calibrate on series 1, play series 2, and the reverse), 15 people.
 */
import {
  PoseClassifier,
  type PosePrediction,
} from '../../../src/vision/engine/classifier/poseClassifier';
import { KNN_K } from '../../../src/vision/engine/recipe';
import { directionOfPose, perPose, type Pose } from '../../../src/vision/poses';
import type { PoseSamples } from '../../../src/vision/poseSamples';
import { PoseSmoother, type SmootherSettings } from '../../../src/vision/steering/smoother';
import { hashText, seededRandom } from '../../node/knnEvaluation';
import { heldBurst, type StudyData } from './touchUpStudy';

export const HOLD_SHOTS = 6;
export const PLAY_SECONDS = 120;
export const FRAMES_PER_SECOND = 30;
const DIRECTIONS: readonly Pose[] = ['left', 'right', 'up', 'down'];

/**
 * Which of the other session's photos a hold shows: 'clear' ones (a face, and no photo of
 * another pose one 15-degree step away: the middle of each pose), or 'all' with a face (a
 * straight head turned 15 degrees, a turn of only 30: the edges where poses meet).
 */
export type PhotosShown = 'clear' | 'all';

export interface SteeringVariant {
  readonly label: string;
  readonly settings: SmootherSettings;
}

export interface SteeringResult {
  readonly label: string;
  readonly everyFrames: number;
  /** Classified frames from a turn's start to its request, for each turn requested. */
  readonly reactionFrames: readonly number[];
  /** The same in camera frames (30 a second). */
  readonly reactionCameraFrames: readonly number[];
  readonly turns: number;
  readonly missed: number;
  /** Requests the player did not make. */
  readonly wrong: number;
  /** Of those, during a straight-ahead hold. */
  readonly wrongWhileStraight: number;
  readonly minutes: number;
}

function sessionPhotos(data: StudyData, person: string, series: number): Record<Pose, number[]> {
  const byPose = perPose((): number[] => []);
  data.photos.forEach((photo, i) => {
    if (photo.person === person && photo.series === series) byPose[photo.pose].push(i);
  });
  return byPose;
}

function sampleOf(data: StudyData, i: number) {
  return {
    features: data.vectors.vectors[i] as Float32Array,
    mirrored: data.vectors.vectors[i + data.photos.length] as Float32Array,
  };
}

/** Every frame of one game: the pose held and the photo the camera shows. */
function playScript(
  data: StudyData,
  today: Record<Pose, number[]>,
  random: () => number,
  photosShown: PhotosShown,
): { held: Pose; photo: number }[] {
  const clear = perPose((pose) =>
    today[pose].filter((i) =>
      photosShown === 'clear' ? data.clear[i] : (data.vectors.usable?.[i] ?? true),
    ),
  );
  const frames: { held: Pose; photo: number }[] = [];
  let straight = true;
  while (frames.length < PLAY_SECONDS * FRAMES_PER_SECOND) {
    const held = straight ? 'neutral' : (DIRECTIONS[Math.floor(random() * 4)] as Pose);
    straight = !straight;
    const holdFrames = Math.round((1 + 2 * random()) * FRAMES_PER_SECOND);
    let photo = -1;
    for (let f = 0; f < holdFrames; f++) {
      if (f % FRAMES_PER_SECOND === 0) {
        photo = clear[held][Math.floor(random() * clear[held].length)] as number;
      }
      frames.push({ held, photo });
    }
  }
  return frames;
}

/**
 * Plays every person's game once per calibration direction and `everyFrames`, each variant
 * on the same frames and the same predictions.
 */
export async function steeringStudy(
  data: StudyData,
  variants: readonly SteeringVariant[],
  options: { everyFrames: readonly number[]; seed: number; photosShown: PhotosShown },
): Promise<SteeringResult[]> {
  const results = new Map<string, SteeringResult>();
  const people = [...new Set(data.photos.map((p) => p.person))];
  for (const person of people) {
    for (const series of [1, 2]) {
      const random = seededRandom(options.seed ^ hashText(`steer/${person}/${series}`));
      const own = sessionPhotos(data, person, series);
      const today = sessionPhotos(data, person, 3 - series);
      const samples: PoseSamples = perPose((pose) =>
        heldBurst(
          data.photos,
          own[pose].filter((i) => data.vectors.usable?.[i] ?? true),
          random,
          HOLD_SHOTS,
        ).map((i) => sampleOf(data, i)),
      );
      const classifier = new PoseClassifier(KNN_K);
      classifier.importSamples(samples);
      const script = playScript(data, today, random, options.photosShown);
      const predictions = new Map<number, PosePrediction | null>();
      for (const { photo } of script) {
        if (predictions.has(photo)) continue;
        const usable = data.vectors.usable?.[photo] ?? true;
        predictions.set(
          photo,
          usable ? await classifier.predict(data.vectors.vectors[photo] as Float32Array) : null,
        );
      }
      classifier.dispose();
      for (const everyFrames of options.everyFrames) {
        for (const variant of variants) {
          const key = `${variant.label}/${everyFrames}`;
          const result = results.get(key) ?? {
            label: variant.label,
            everyFrames,
            reactionFrames: [],
            reactionCameraFrames: [],
            turns: 0,
            missed: 0,
            wrong: 0,
            wrongWhileStraight: 0,
            minutes: 0,
          };
          const played = playOnce(script, predictions, variant.settings, everyFrames);
          results.set(key, {
            ...result,
            reactionFrames: [...result.reactionFrames, ...played.reactionFrames],
            reactionCameraFrames: [...result.reactionCameraFrames, ...played.reactionCameraFrames],
            turns: result.turns + played.turns,
            missed: result.missed + played.missed,
            wrong: result.wrong + played.wrong,
            wrongWhileStraight: result.wrongWhileStraight + played.wrongWhileStraight,
            minutes: result.minutes + PLAY_SECONDS / 60,
          });
        }
      }
    }
  }
  return [...results.values()];
}

function playOnce(
  script: readonly { held: Pose; photo: number }[],
  predictions: ReadonlyMap<number, PosePrediction | null>,
  settings: SmootherSettings,
  everyFrames: number,
): Omit<SteeringResult, 'label' | 'everyFrames' | 'minutes'> & {
  reactionFrames: number[];
  reactionCameraFrames: number[];
} {
  const smoother = new PoseSmoother(settings);
  const reactionFrames: number[] = [];
  const reactionCameraFrames: number[] = [];
  let turns = 0;
  let missed = 0;
  let wrong = 0;
  let wrongWhileStraight = 0;
  let holdStart = 0;
  let classifiedInHold = 0;
  let requested = false;
  const closeHold = (held: Pose): void => {
    if (held === 'neutral') return;
    turns++;
    if (!requested) missed++;
  };
  script.forEach(({ held, photo }, frame) => {
    const before = script[frame - 1]?.held;
    if (before !== undefined && held !== before) {
      closeHold(before);
      holdStart = frame;
      classifiedInHold = 0;
      requested = false;
    }
    if (frame % everyFrames !== 0) return;
    classifiedInHold++;
    const prediction = predictions.get(photo) ?? null;
    // No face: no pose (the engine sends none, the smoother sees nothing).
    if (prediction === null) return;
    const request = smoother.update({ pose: prediction.pose, confidence: prediction.confidence });
    if (request === null) return;
    if (request === directionOfPose(held)) {
      if (!requested) {
        reactionFrames.push(classifiedInHold);
        reactionCameraFrames.push(frame - holdStart + 1);
      }
      requested = true;
    } else {
      wrong++;
      if (held === 'neutral') wrongWhileStraight++;
    }
  });
  closeHold(script.at(-1)?.held as Pose);
  return { reactionFrames, reactionCameraFrames, turns, missed, wrong, wrongWhileStraight };
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
};

export function steeringTable(results: readonly SteeringResult[]): string {
  const rows = results.map((r) => {
    const p50 = percentile(r.reactionFrames, 0.5);
    const p95 = percentile(r.reactionFrames, 0.95);
    const c50 = percentile(r.reactionCameraFrames, 0.5);
    const c95 = percentile(r.reactionCameraFrames, 0.95);
    return `| ${r.label} | ${30 / r.everyFrames} | ${p50} / ${p95} | ${c50} / ${c95} (${Math.round((c50 * 1000) / 30)} ms) | ${(100 * (1 - r.missed / r.turns)).toFixed(1)} % | ${(r.wrong / r.minutes).toFixed(2)} | ${(r.wrongWhileStraight / r.minutes).toFixed(2)} |`;
  });
  return [
    '| smoother | classified / s | reaction, classified frames p50 / p95 | camera frames p50 / p95 | turns requested | wrong requests / min | of them while straight / min |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
