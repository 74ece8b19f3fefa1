/**
 * What a touch-up does for the game that was offered one (tools/real-day.ts
 * `--touch-up-effect`): each game is played as the study plays it; where the game's watch
 * (steering/fitWatch.ts, the disagreements of a head held still) first says steering is in
 * trouble, the player records a touch-up there, on the day of play: each turn asked for is a
 * burst of one of today's photos of that turn (a still head's 20 shots), straight ahead a
 * look round the screen as the touch-up's travelling dot asks (20 shots over every straight
 * photo the day plays, as the study's calibration records it), judged by the game's
 * burst check against the shots from before (burstCheck.ts), asked again with another photo
 * up to BURST_RETRIES times, kept shots joining the calibration. The rest of the game is then
 * played again with the touched-up calibration, and with none, so each touch-up is judged by
 * what it changed after it:
 *  - every pose (the touch-up until now),
 *  - every pose, asked again fewer times;
 *  - the poses in trouble (straight and the turns that carry a share of the trouble in the
 *    watch's window: `posesInTrouble`), at a few shares.
 * (2026-12-07: the poses in trouble alone did worse than every pose and was not taken; the
 * game's watch does not keep which turn each disagreement was about.)
 * A recording takes a 3-2-1 and 2 s (ui/calibration/handsFreeTiming.ts): its seconds are the
 * touch-up's length.
 */
import { BURST_RETRIES, judgeBurst } from '../../src/vision/engine/classifier/burstCheck';
import { COUNTDOWN_SECONDS, HANDS_FREE_RECORD_MS } from '../../src/ui/calibration/handsFreeTiming';
import { FitWatch, STEERING_IN_TROUBLE, troubleIn } from '../../src/vision/steering/fitWatch';
import { winnerOf } from '../../src/vision/engine/classifier/knnRule';
import { POSES, perPose, type Pose } from '../../src/vision/poses';
import type { PoseSample, PoseSamples } from '../../src/vision/poseSamples';
import { mulberry32 } from '../../src/game/random';
import type { FrameAnswer } from './studyReaders';
import { BURST } from './burstChecks';

/** Seconds one recording of a touch-up takes. */
export const RECORDING_SECONDS = COUNTDOWN_SECONDS + HANDS_FREE_RECORD_MS / 1000;

/**
 * The turn a disagreement is about (every one is between straight and a turn): the turn the
 * picture named where the head had not made it (read as straight; the picture's own vote is
 * the winner of its confidences), or the turn the angles took that the picture called
 * straight. Null where the two agree.
 */
export function turnInTrouble(prediction: {
  readonly pose: Pose;
  readonly gated: boolean;
  readonly confidences: Readonly<Record<Pose, number>>;
}): Pose | null {
  if (!prediction.gated) return null;
  if (prediction.pose !== 'neutral') return prediction.pose;
  const pictured = winnerOf(prediction.confidences);
  return pictured === 'neutral' ? null : pictured;
}

/** The trouble in the watch's window, by the turn it was about. */
export interface Trouble {
  readonly byTurn: Readonly<Record<Pose, number>>;
}

/**
 * Straight, and each turn that carries at least `share` of the trouble, in POSES order; every
 * pose when the trouble says nothing of its turns.
 */
export function posesInTrouble(trouble: Trouble, share: number): Pose[] {
  const told = POSES.reduce((sum, pose) => sum + trouble.byTurn[pose], 0);
  if (told <= 1e-9) return [...POSES];
  return POSES.filter((pose) => pose === 'neutral' || trouble.byTurn[pose] >= share * told);
}

/** Which poses a touch-up records, by name. */
export interface TouchUpScope {
  readonly label: string;
  /** null: none (the game goes on untouched). */
  choose(trouble: Trouble): readonly Pose[] | null;
  /** A burst not kept is asked again this many times (absent: BURST_RETRIES). */
  readonly retries?: number;
}

export const TOUCH_UP_SCOPES: readonly TouchUpScope[] = [
  { label: 'no touch-up', choose: () => null },
  { label: 'every pose (before)', choose: () => POSES },
  { label: 'every pose, asked again once', choose: () => POSES, retries: 1 },
  { label: 'every pose, never asked again', choose: () => POSES, retries: 0 },
  ...[0.1, 0.2, 0.34].map((share) => ({
    label: `the poses in trouble, a turn from ${share} of it`,
    choose: (trouble: Trouble) => posesInTrouble(trouble, share),
  })),
];

/**
 * Where the game's watch first says steering is in trouble: the frame's index, and the trouble
 * in its window then. `photos[i]`: the photo frame i showed (a head moved where it changed).
 */
export function firstTrouble(
  answers: ReadonlyArray<FrameAnswer | null>,
  photos: readonly number[],
): { frame: number; trouble: Trouble } | null {
  const watch = new FitWatch(STEERING_IN_TROUBLE);
  // The watch's window, as it keeps it: one entry per answer with a face.
  const recent: Array<{ weight: number; turn: Pose | null }> = [];
  const byTurn = perPose(() => 0);
  for (let i = 0; i < answers.length; i++) {
    const answer = answers[i];
    if (answer === null || answer === undefined) continue;
    const still = i > 0 && photos[i - 1] === photos[i];
    const prediction = {
      pose: answer.pose,
      gated: answer.gated === true,
      confidences: answer.confidences ?? perPose(() => 0),
    };
    const weight = still ? troubleIn(prediction) : 0;
    const turn = weight > 0 ? turnInTrouble(prediction) : null;
    recent.push({ weight, turn });
    if (turn !== null) byTurn[turn] += weight;
    if (recent.length > STEERING_IN_TROUBLE.window) {
      const gone = recent.shift();
      if (gone?.turn) byTurn[gone.turn] -= gone.weight;
    }
    if (watch.frame(weight) && !watch.fits) return { frame: i, trouble: { byTurn } };
  }
  return null;
}

/** A touch-up of `poses` recorded from today's photos: the shots after it, and its recordings. */
export function touchUp(
  samples: PoseSamples,
  poses: readonly Pose[],
  today: Readonly<Record<Pose, readonly number[]>>,
  vector: (photo: number) => PoseSample | null,
  seed: number,
  retries: number = BURST_RETRIES,
): { samples: PoseSamples; recordings: number; kept: number } {
  const before = perPose((pose) => samples[pose].length);
  let current: PoseSamples = perPose((pose) => [...samples[pose]]);
  let recordings = 0;
  let kept = 0;
  for (const pose of poses) {
    // The same pose is shown the same way whichever scope records it: one stream per pose.
    const random = mulberry32(seed + POSES.indexOf(pose));
    const shown = today[pose];
    for (let attempt = 0; attempt <= retries && shown.length > 0; attempt++) {
      recordings++;
      const held =
        pose === 'neutral' ? shown : [shown[Math.floor(random() * shown.length)] as number];
      const shots = held.map(vector).filter((shot): shot is PoseSample => shot !== null);
      if (shots.length === 0) continue;
      const burst = Array.from({ length: BURST }, (_, i) => shots[i % shots.length] as PoseSample);
      const withBurst = perPose((p) => (p === pose ? [...current[p], ...burst] : current[p]));
      const verdict = judgeBurst(withBurst, pose, current[pose].length, {
        anglesAtEnd: true,
        touchUpFrom: before,
      });
      if (verdict.kept) {
        current = withBurst;
        kept++;
        break;
      }
    }
  }
  return { samples: current, recordings, kept };
}
