/**
 * The touch-up on Pointing'04, in Node, with the game's own rules (no TF.js here: the vectors
 * come from faceVectors.ts, the game's face pipeline):
 *
 *  1. The burst check (src/vision/engine/classifier/burstCheck.ts): per person, a calibration of
 *     one session (N shots per pose, with mirror images), then a touch-up from the other session,
 *     the poses in the game's order, each a "held" burst (heldBurst: a head held still where
 *     players hold the pose) judged when recorded, with the touch-up's earlier poses already added.
 *     A rejected burst is asked for again, at most BURST_RETRIES times. Counted: correct bursts
 *     rejected, wrong bursts kept (neutral shown when a direction was asked, another direction, a
 *     direction when neutral was asked, another person), and the agreement on the other session's
 *     photos not in any burst, before and after.
 *  2. A game: a calibrated player plays 150 s of the other session's clear photos (a pose held
 *     a few seconds, 30 frames a second) through the far rule (calibrationFit.ts) and
 *     FitWatch (fitWatch.ts). Each flip to "doesn't fit" is a touch-up offer (the notice); a
 *     hands-free touch-up starts when the notice has stood TOUCH_UP_AFTER_MS (a flip back to
 *     fitting hides it first), records a burst per pose, checked as in 1, and the watch
 *     starts afresh. Old: the notice comes back whenever the watch flips again; new: a
 *     completed touch-up that kept a burst keeps it quiet for the rest of the game.
 *
 * Both directions (calibrate on series 1, touch up and play on series 2, and the reverse).
 */
import {
  BURST_RETRIES,
  judgeBurst,
  type BurstVerdict,
} from '../../../src/vision/engine/classifier/burstCheck';
import {
  FAR_SHARE_NO_LONGER_FITS,
  farThreshold,
} from '../../../src/vision/engine/classifier/calibrationFit';
import { cosineSimilarity, voteOfNearest } from '../../../src/vision/engine/classifier/knnRule';
import { KNN_K } from '../../../src/vision/engine/recipe';
import {
  bestPerPose,
  nearestSimilarity,
  prepareShots,
  type PreparedShots,
} from '../../../src/vision/engine/classifier/shotSimilarity';
import { TOUCH_UP_AFTER_MS } from '../../../src/ui/touchUp/fitNotice';
import { FitWatch } from '../../../src/vision/steering/fitWatch';
import { POSES, mirroredPose, perPose, type Pose } from '../../../src/vision/poses';
import type { PoseSample, PoseSamples } from '../../../src/vision/poseSamples';
import { markdownTable } from '../../node/accuracyReport';
import type { PipelineVectors } from '../../node/faceVectors';
import { chooseShots, hashText, seededRandom, type Shots } from '../../node/knnEvaluation';
import type { PosePhoto } from '../../node/pointing04';

/** Photos per burst (a real burst is ~20 frames of one held pose: these stand for them). */
export const BURST_SIZE = 4;

/** Which shots a new burst is compared with. */
export type Reference = 'all others' | 'old shots only';

export interface KeepRule {
  readonly label: string;
  readonly reference: Reference;
  /** Whether a burst with `asPose` of its `shots` read as the pose asked for is kept. */
  keeps(asPose: number, shots: number): boolean;
}

const keepRule = (
  label: string,
  reference: Reference,
  keeps: (asPose: number, shots: number) => boolean,
): KeepRule => ({ label, reference, keeps });

/** The rules compared; the last is "no check" (every burst with a shot is kept). */
export const KEEP_RULES: readonly KeepRule[] = [
  keepRule('at least one shot reads as the pose', 'all others', (p) => p >= 1),
  keepRule('at least half', 'all others', (p, n) => 2 * p >= n),
  keepRule('more than half', 'all others', (p, n) => 2 * p > n),
  keepRule('all', 'all others', (p, n) => p === n),
  keepRule('old shots only: at least one', 'old shots only', (p) => p >= 1),
  keepRule('old shots only: at least half', 'old shots only', (p, n) => 2 * p >= n),
  keepRule('old shots only: more than half', 'old shots only', (p, n) => 2 * p > n),
  keepRule('no check (before this change)', 'all others', () => true),
];

export interface StudyData {
  readonly photos: readonly PosePhoto[];
  readonly vectors: PipelineVectors;
  /**
   * clear[i]: photo i has a face and is away from its class's edge (no photo of another pose
   * one grid step away in yaw or pitch): Pointing'04 labels every angle of its grid, so its
   * classes touch (neutral ends at 15 degrees, left starts at 30), and a photo at an edge is
   * as near to the other class as to its own.
   */
  readonly clear: readonly boolean[];
}

export function studyData(photos: readonly PosePhoto[], vectors: PipelineVectors): StudyData {
  const clear = photos.map((photo, i) => {
    if (!(vectors.usable?.[i] ?? true)) return false;
    return !photos.some(
      (other) =>
        other.person === photo.person &&
        other.series === photo.series &&
        other.pose !== photo.pose &&
        Math.abs(other.yaw - photo.yaw) <= 15 &&
        Math.abs(other.pitch - photo.pitch) <= 15,
    );
  });
  return { photos, vectors, clear };
}

const usable = (data: StudyData, i: number): boolean => data.vectors.usable?.[i] ?? true;
const vectorOf = (data: StudyData, i: number): Float32Array =>
  data.vectors.vectors[i] as Float32Array;

function sampleOf(data: StudyData, i: number): PoseSample {
  return { features: vectorOf(data, i), mirrored: vectorOf(data, i + data.photos.length) };
}

/** Photo indexes of a person's session, per pose (every photo, with a face or not). */
function sessionPhotos(data: StudyData, person: string, series: number): Record<Pose, number[]> {
  const byPose = perPose((): number[] => []);
  data.photos.forEach((photo, i) => {
    if (photo.person === person && photo.series === series) byPose[photo.pose].push(i);
  });
  return byPose;
}

/** A calibration of N shots per pose of a session, as the other tools draw it. */
function calibrationOf(
  data: StudyData,
  own: Record<Pose, number[]>,
  trial: { person: string; series: number; shots: Shots; draw: number },
  seed: number,
): PoseSamples {
  const photos = POSES.flatMap((pose) => own[pose].filter((i) => usable(data, i)));
  const chosen = chooseShots(data.photos, photos, trial, seed);
  return perPose((pose) => (chosen.get(pose) ?? []).map((i) => sampleOf(data, i)));
}

/**
 * Where a player holds each pose when asked (yaw, pitch in degrees): straight ahead, turned
 * about 45 degrees, tilted about 30.
 */
export const HELD_AT: Record<Pose, readonly [number, number]> = {
  neutral: [0, 0],
  left: [-45, 0],
  right: [45, 0],
  up: [0, 30],
  down: [0, -30],
};

/**
 * A head held still: a photo of the pose within 15 degrees of where players hold it
 * (HELD_AT), and the photos nearest to it in yaw and pitch (a held burst of the game is ~20
 * nearly equal frames; these vary more).
 */
export function heldBurst(
  photos: readonly PosePhoto[],
  candidates: readonly number[],
  random: () => number,
  size = BURST_SIZE,
): number[] {
  if (candidates.length === 0) return [];
  const from = (i: number, [yaw, pitch]: readonly [number, number]): number => {
    const photo = photos[i] as PosePhoto;
    return (photo.yaw - yaw) ** 2 + (photo.pitch - pitch) ** 2;
  };
  const held = HELD_AT[(photos[candidates[0] as number] as PosePhoto).pose];
  const near = candidates.filter((i) => from(i, held) <= 15 ** 2);
  const anchors = near.length > 0 ? near : candidates;
  const anchor = anchors[Math.floor(random() * anchors.length)] as number;
  const at = photos[anchor] as PosePhoto;
  const others = candidates
    .filter((i) => i !== anchor)
    .map((i) => ({ i, d: from(i, [at.yaw, at.pitch]), tie: random() }))
    .sort((a, b) => a.d - b.d || a.tie - b.tie);
  return [anchor, ...others.slice(0, size - 1).map((o) => o.i)];
}

function withBurst(samples: PoseSamples, pose: Pose, shots: readonly PoseSample[]): PoseSamples {
  return { ...samples, [pose]: [...samples[pose], ...shots] };
}

/** Share of photos the knn (k = KNN_K) recognises: those with a face, and the clear ones. */
export interface Agreement {
  readonly all: number;
  readonly clear: number;
}

export function agreement(
  data: StudyData,
  samples: PoseSamples,
  tests: readonly number[],
): Agreement {
  const vectors: Float32Array[] = [];
  const labels: Pose[] = [];
  for (const pose of POSES) {
    for (const s of samples[pose]) {
      vectors.push(s.features);
      labels.push(pose);
    }
    for (const s of samples[mirroredPose(pose)]) {
      if (s.mirrored === null) continue;
      vectors.push(s.mirrored);
      labels.push(pose);
    }
  }
  const right = { all: 0, clear: 0 };
  const total = { all: 0, clear: 0 };
  for (const t of tests) {
    if (!usable(data, t)) continue;
    const v = vectorOf(data, t);
    const { pose } = voteOfNearest(
      vectors.map((e) => cosineSimilarity(v, e)),
      labels,
      KNN_K,
    );
    const correct = pose === data.photos[t]?.pose ? 1 : 0;
    right.all += correct;
    total.all++;
    if (data.clear[t] === true) {
      right.clear += correct;
      total.clear++;
    }
  }
  return {
    all: total.all === 0 ? Number.NaN : right.all / total.all,
    clear: total.clear === 0 ? Number.NaN : right.clear / total.clear,
  };
}

/**
 * Whether `rule` keeps `shots` of `pose` recorded on top of `samples`, through the game's
 * judgeBurst (`old`: the calibration before the touch-up).
 */
export function judgeWith(
  rule: KeepRule,
  samples: PoseSamples,
  old: PoseSamples,
  pose: Pose,
  shots: readonly PoseSample[],
): { kept: boolean; verdict: BurstVerdict } {
  const touchUpFrom = rule.reference === 'old shots only' ? countsOf(old) : {};
  const verdict = judgeBurst(withBurst(samples, pose, shots), pose, samples[pose].length, {
    touchUpFrom,
  });
  const kept = verdict.shots > 0 && rule.keeps(verdict.readAs[pose], verdict.shots);
  return { kept, verdict };
}

function countsOf(samples: PoseSamples): Record<Pose, number> {
  return perPose((pose) => samples[pose].length);
}

export interface TouchUpOutcome {
  readonly samples: PoseSamples;
  /** Photo indexes of every burst recorded (kept or not). */
  readonly used: Set<number>;
  /** Per pose: each try, in order. */
  readonly tries: Record<Pose, Array<{ kept: boolean; noFace: boolean }>>;
}

/**
 * A touch-up as the game runs it: each pose in turn, a burst judged by `rule` against the
 * calibration so far, asked for again (at most BURST_RETRIES times more) when not kept.
 * `before(pose, samples)`: called before each pose's first try (the wrong-burst probes).
 */
export function runTouchUp(
  data: StudyData,
  calibration: PoseSamples,
  burstOf: (pose: Pose) => number[],
  rule: KeepRule,
  before?: (pose: Pose, samples: PoseSamples) => void,
): TouchUpOutcome {
  let samples = calibration;
  const used = new Set<number>();
  const tries = perPose((): Array<{ kept: boolean; noFace: boolean }> => []);
  for (const pose of POSES) {
    before?.(pose, samples);
    for (let attempt = 0; attempt <= BURST_RETRIES; attempt++) {
      const burst = burstOf(pose);
      for (const i of burst) used.add(i);
      const shots = burst.filter((i) => usable(data, i)).map((i) => sampleOf(data, i));
      const { kept } = judgeWith(rule, samples, calibration, pose, shots);
      tries[pose].push({ kept, noFace: shots.length === 0 });
      if (kept) {
        samples = withBurst(samples, pose, shots);
        break;
      }
    }
  }
  return { samples, used, tries };
}

/** Whether a frame of photo i is far from the calibration (calibrationFit.ts, the rule in force). */
function farJudge(data: StudyData, samples: PoseSamples): (i: number) => boolean {
  const prepared: PreparedShots = prepareShots(samples);
  const threshold = farThreshold(prepared);
  const known = new Map<number, boolean>();
  return (i) => {
    let far = known.get(i);
    if (far === undefined) {
      far =
        threshold !== null &&
        nearestSimilarity(bestPerPose(prepared, vectorOf(data, i))) < threshold;
      known.set(i, far);
    }
    return far;
  };
}

// ---- 1. the burst check ----

type WrongKind =
  | 'neutral shown, a direction asked'
  | 'another direction shown'
  | 'a direction shown, neutral asked'
  | 'another person, the pose asked';

const WRONG_KINDS: readonly WrongKind[] = [
  'neutral shown, a direction asked',
  'another direction shown',
  'a direction shown, neutral asked',
  'another person, the pose asked',
];

const DIRECTIONS: readonly Pose[] = ['left', 'right', 'up', 'down'];

interface Tally {
  n: number;
  hits: number;
}
const tally = (): Tally => ({ n: 0, hits: 0 });
const count = (t: Tally, hit: boolean): void => {
  t.n++;
  if (hit) t.hits++;
};

interface Mean {
  sum: number;
  n: number;
}
const addTo = (m: Mean, value: number): void => {
  if (!Number.isFinite(value)) return;
  m.sum += value;
  m.n++;
};
const meanOf = (m: Mean): number => (m.n === 0 ? Number.NaN : m.sum / m.n);

export interface RuleResult {
  readonly rule: KeepRule;
  readonly shots: Shots;
  /** Correct bursts rejected at their first try, and those of them with no face at all. */
  readonly firstTryRejected: Tally;
  readonly firstTryNoFace: Tally;
  /** The same, on calibrations the far rule finds no longer fit the other session. */
  readonly firstTryRejectedFlagged: Tally;
  readonly firstTryRejectedPerPose: Record<Pose, Tally>;
  /** Poses that got no new shots after every try. */
  readonly posesLeft: Tally;
  readonly wrongKept: Map<WrongKind, Tally>;
  /** Mean agreement on the other session's photos not in any burst, before and after. */
  readonly before: Agreement;
  readonly after: Agreement;
  readonly calibrations: number;
}

export function burstCheckStudy(
  data: StudyData,
  rules: readonly KeepRule[],
  options: { shots: Shots; draws: number; seed: number },
): RuleResult[] {
  const { photos } = data;
  const people = [...new Set(photos.map((p) => p.person))];
  return rules.map((rule) => {
    const firstTryRejected = tally();
    const firstTryNoFace = tally();
    const firstTryRejectedFlagged = tally();
    const perPoseRejected = perPose(tally);
    const posesLeft = tally();
    const wrongKept = new Map(WRONG_KINDS.map((kind) => [kind, tally()]));
    const before = { all: { sum: 0, n: 0 }, clear: { sum: 0, n: 0 } };
    const after = { all: { sum: 0, n: 0 }, clear: { sum: 0, n: 0 } };
    let calibrations = 0;
    people.forEach((person, p) => {
      const stranger = people[(p + 1) % people.length] as string;
      for (const series of [1, 2]) {
        const own = sessionPhotos(data, person, series);
        const today = sessionPhotos(data, person, 3 - series);
        const strangerToday = sessionPhotos(data, stranger, 3 - series);
        const draws = options.shots === 'all' ? 1 : options.draws;
        for (let draw = 0; draw < draws; draw++) {
          const trial = { person, series, shots: options.shots, draw };
          const calibration = calibrationOf(data, own, trial, options.seed);
          // The same bursts for every rule: seeded by the calibration, not by the rule.
          const key = `${person}/${series}/${options.shots}/${draw}`;
          const random = seededRandom(options.seed ^ hashText(`touch-up/${key}`));
          const probe = seededRandom(options.seed ^ hashText(`wrong/${key}`));
          const held = (from: Record<Pose, number[]>, pose: Pose): PoseSample[] =>
            heldBurst(photos, from[pose], probe)
              .filter((i) => usable(data, i))
              .map((i) => sampleOf(data, i));
          const wrong = (
            kind: WrongKind,
            samples: PoseSamples,
            asked: Pose,
            shots: PoseSample[],
          ) => {
            if (shots.length === 0) return;
            const { kept } = judgeWith(rule, samples, calibration, asked, shots);
            count(wrongKept.get(kind) as Tally, kept);
          };
          const pick = (poses: readonly Pose[]): Pose =>
            poses[Math.floor(probe() * poses.length)] as Pose;
          const outcome = runTouchUp(
            data,
            calibration,
            (pose) => heldBurst(photos, today[pose], random),
            rule,
            (asked, samples) => {
              if (asked === 'neutral') {
                wrong(
                  'a direction shown, neutral asked',
                  samples,
                  asked,
                  held(today, pick(DIRECTIONS)),
                );
              } else {
                wrong('neutral shown, a direction asked', samples, asked, held(today, 'neutral'));
                const others = DIRECTIONS.filter((d) => d !== asked);
                wrong('another direction shown', samples, asked, held(today, pick(others)));
              }
              wrong('another person, the pose asked', samples, asked, held(strangerToday, asked));
            },
          );
          const isFar = farJudge(data, calibration);
          const clearToday = POSES.flatMap((pose) => today[pose]).filter((i) => data.clear[i]);
          const flagged =
            clearToday.filter(isFar).length > FAR_SHARE_NO_LONGER_FITS * clearToday.length;
          for (const pose of POSES) {
            const tries = outcome.tries[pose];
            const first = tries[0];
            if (first !== undefined) {
              count(firstTryRejected, !first.kept);
              count(perPoseRejected[pose], !first.kept);
              count(firstTryNoFace, !first.kept && first.noFace);
              if (flagged) count(firstTryRejectedFlagged, !first.kept);
            }
            count(
              posesLeft,
              tries.every((t) => !t.kept),
            );
          }
          const tests = POSES.flatMap((pose) => today[pose]).filter((i) => !outcome.used.has(i));
          const was = agreement(data, calibration, tests);
          const now = agreement(data, outcome.samples, tests);
          addTo(before.all, was.all);
          addTo(before.clear, was.clear);
          addTo(after.all, now.all);
          addTo(after.clear, now.clear);
          calibrations++;
        }
      }
    });
    return {
      rule,
      shots: options.shots,
      firstTryRejected,
      firstTryNoFace,
      firstTryRejectedFlagged,
      firstTryRejectedPerPose: perPoseRejected,
      posesLeft,
      wrongKept,
      before: { all: meanOf(before.all), clear: meanOf(before.clear) },
      after: { all: meanOf(after.all), clear: meanOf(after.clear) },
      calibrations,
    };
  });
}

const pct = (value: number): string => (Number.isFinite(value) ? (100 * value).toFixed(1) : '–');
const share = (t: Tally): string => (t.n === 0 ? '–' : `${pct(t.hits / t.n)} %`);
const change = (before: number, after: number): string => `${pct(before)} → ${pct(after)}`;

export function burstCheckTable(results: readonly RuleResult[]): string {
  return markdownTable(
    [
      'N',
      'burst kept when',
      'correct bursts rejected (1st try)',
      'the same, calibrations that no longer fit',
      'poses without new shots after 3 tries',
      ...WRONG_KINDS.map((kind) => `wrong kept: ${kind}`),
      'agreement before → after: all / clear photos (%)',
    ],
    results.map((r) => [
      String(r.shots),
      r.rule.label,
      share(r.firstTryRejected),
      `${share(r.firstTryRejectedFlagged)} (${r.firstTryRejectedFlagged.n / POSES.length} calibrations)`,
      share(r.posesLeft),
      ...WRONG_KINDS.map((kind) => share(r.wrongKept.get(kind) as Tally)),
      `${change(r.before.all, r.after.all)} / ${change(r.before.clear, r.after.clear)}`,
    ]),
  );
}

export function rejectedPerPoseTable(results: readonly RuleResult[]): string {
  return markdownTable(
    ['N', 'burst kept when', ...POSES.map((pose) => `${pose} rejected`), 'no face'],
    results.map((r) => [
      String(r.shots),
      r.rule.label,
      ...POSES.map((pose) => share(r.firstTryRejectedPerPose[pose])),
      share(r.firstTryNoFace),
    ]),
  );
}

// ---- 2. a game ----

export const PLAY_SECONDS = 150;
export const FRAMES_PER_SECOND = 30;

/** How the simulated player plays: how long a pose is held, whether the head moves in a hold. */
export interface PlayModel {
  readonly label: string;
  /** A hold lasts between these many seconds (uniform). */
  readonly holdSeconds: readonly [number, number];
  /** A new photo of the held pose every second (the head moves a little), or one per hold. */
  readonly newPhotoEverySecond: boolean;
}

export const PLAY_MODELS: readonly PlayModel[] = [
  { label: 'a photo per hold of 2-4 s', holdSeconds: [2, 4], newPhotoEverySecond: false },
  {
    label: 'holds of 1-4 s, a new photo every second',
    holdSeconds: [1, 4],
    newPhotoEverySecond: true,
  },
];

export interface GameResult {
  readonly person: string;
  /** Notices shown ("doesn't match"), with the old and the new behaviour. */
  readonly offersOld: number;
  readonly offersNew: number;
  /** Touch-ups that ran (the notice stood TOUCH_UP_AFTER_MS). */
  readonly touchUpsOld: number;
  readonly touchUpsNew: number;
  /** Flips to "doesn't fit" the new behaviour kept quiet. */
  readonly quietedNew: number;
  /** Share of the game's frames far from the calibration in force: without touch-ups, old, new. */
  readonly farBefore: number;
  readonly farOld: number;
  readonly farNew: number;
  /** Agreement on the other session's photos not in any burst: start, end (old), end (new). */
  readonly before: Agreement;
  readonly afterOld: Agreement;
  readonly afterNew: Agreement;
}

interface Played {
  readonly offers: number;
  readonly touchUps: number;
  readonly quieted: number;
  readonly farShare: number;
  /** The same frames' far share with the calibration the game began with. */
  readonly farBefore: number;
  readonly samples: PoseSamples;
  readonly used: Set<number>;
}

/** One game of PLAY_SECONDS; `quiet`: a completed touch-up silences the notice. */
function playGame(
  data: StudyData,
  calibration: PoseSamples,
  today: Record<Pose, number[]>,
  rule: KeepRule,
  seed: number,
  quiet: boolean,
  play: PlayModel,
): Played {
  const random = seededRandom(seed);
  const bursts = seededRandom(seed ^ 0x9e3779b9);
  const clear = perPose((pose) => today[pose].filter((i) => data.clear[i]));
  let samples = calibration;
  let isFar = farJudge(data, samples);
  const isFarBefore = isFar;
  let farBefore = 0;
  const watch = new FitWatch();
  const used = new Set<number>();
  let offers = 0;
  let touchUps = 0;
  let quieted = 0;
  let farFrames = 0;
  let silenced = false;
  /** The frame at which a shown notice starts the touch-up; null when none is shown. */
  let startsAt: number | null = null;
  const total = PLAY_SECONDS * FRAMES_PER_SECOND;
  const noticeFrames = (TOUCH_UP_AFTER_MS / 1000) * FRAMES_PER_SECOND;
  let frame = 0;
  let holdNeutral = true;
  while (frame < total) {
    const pose = holdNeutral ? 'neutral' : (DIRECTIONS[Math.floor(random() * 4)] as Pose);
    holdNeutral = !holdNeutral;
    const [shortest, longest] = play.holdSeconds;
    const seconds = shortest + (longest - shortest) * random();
    const holdFrames = Math.round(seconds * FRAMES_PER_SECOND);
    let photo = -1;
    for (let f = 0; f < holdFrames && frame < total; f++, frame++) {
      if (f === 0 || (play.newPhotoEverySecond && f % FRAMES_PER_SECOND === 0)) {
        photo = clear[pose][Math.floor(random() * clear[pose].length)] as number;
      }
      const far = isFar(photo);
      if (far) farFrames++;
      if (isFarBefore(photo)) farBefore++;
      if (watch.frame(far)) {
        if (watch.fits)
          startsAt = null; // fits again: the notice hides, its countdown too
        else if (silenced) quieted++;
        else {
          offers++;
          startsAt = frame + noticeFrames;
        }
      }
      if (startsAt !== null && frame >= startsAt) {
        // The game pauses for the touch-up: no play time passes.
        startsAt = null;
        touchUps++;
        const outcome = runTouchUp(
          data,
          samples,
          (asked) => heldBurst(data.photos, today[asked], bursts),
          rule,
        );
        for (const i of outcome.used) used.add(i);
        samples = outcome.samples;
        isFar = farJudge(data, samples);
        watch.reset();
        // As TouchUp does: a touch-up that kept a burst keeps the notice quiet.
        const keptAny = POSES.some((pose) => outcome.tries[pose].some((t) => t.kept));
        if (quiet && keptAny) silenced = true;
      }
    }
  }
  return {
    offers,
    touchUps,
    quieted,
    farShare: farFrames / total,
    farBefore: farBefore / total,
    samples,
    used,
  };
}

export function gameStudy(
  data: StudyData,
  rule: KeepRule,
  options: { shots: Shots; games: number; seed: number; play: PlayModel },
): GameResult[] {
  const people = [...new Set(data.photos.map((p) => p.person))];
  const results: GameResult[] = [];
  for (const person of people) {
    for (const series of [1, 2]) {
      const own = sessionPhotos(data, person, series);
      const today = sessionPhotos(data, person, 3 - series);
      for (let game = 0; game < options.games; game++) {
        const trial = { person, series, shots: options.shots, draw: game };
        const calibration = calibrationOf(data, own, trial, options.seed);
        const seed = options.seed ^ hashText(`game/${person}/${series}/${options.shots}/${game}`);
        const old = playGame(data, calibration, today, rule, seed, false, options.play);
        const now = playGame(data, calibration, today, rule, seed, true, options.play);
        const tests = POSES.flatMap((pose) => today[pose]).filter(
          (i) => !old.used.has(i) && !now.used.has(i),
        );
        results.push({
          person,
          offersOld: old.offers,
          offersNew: now.offers,
          touchUpsOld: old.touchUps,
          touchUpsNew: now.touchUps,
          quietedNew: now.quieted,
          farBefore: old.farBefore,
          farOld: old.farShare,
          farNew: now.farShare,
          before: agreement(data, calibration, tests),
          afterOld: agreement(data, old.samples, tests),
          afterNew: agreement(data, now.samples, tests),
        });
      }
    }
  }
  return results;
}

const mean = (values: readonly number[]): number => {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
};

export function gameTable(results: readonly GameResult[]): string {
  const people = [...new Set(results.map((r) => r.person))];
  const avg = (rs: readonly GameResult[], of: (r: GameResult) => number): number =>
    mean(rs.map(of));
  const row = (label: string, rs: readonly GameResult[]): string[] => [
    label,
    String(rs.length),
    `${avg(rs, (r) => r.offersOld).toFixed(2)} / ${avg(rs, (r) => r.touchUpsOld).toFixed(2)}`,
    `${avg(rs, (r) => r.offersNew).toFixed(2)} / ${avg(rs, (r) => r.touchUpsNew).toFixed(2)}`,
    avg(rs, (r) => r.quietedNew).toFixed(2),
    `${pct(avg(rs, (r) => r.farBefore))} / ${pct(avg(rs, (r) => r.farOld))} / ${pct(avg(rs, (r) => r.farNew))}`,
    `${change(
      avg(rs, (r) => r.before.all),
      avg(rs, (r) => r.afterNew.all),
    )} / ${change(
      avg(rs, (r) => r.before.clear),
      avg(rs, (r) => r.afterNew.clear),
    )}`,
    `${pct(avg(rs, (r) => r.afterOld.all))} / ${pct(avg(rs, (r) => r.afterOld.clear))}`,
  ];
  return markdownTable(
    [
      'person',
      'games',
      'old: offers / touch-ups per game',
      'new: offers / touch-ups per game',
      'new: flips kept quiet per game',
      'far frames: no touch-up / old / new (%)',
      'agreement before → after (new): all / clear photos (%)',
      'after (old): all / clear (%)',
    ],
    [
      ...people.map((person) =>
        row(
          person.replace('pointing04_', ''),
          results.filter((r) => r.person === person),
        ),
      ),
      row('**mean**', results),
    ],
  );
}
