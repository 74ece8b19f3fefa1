/**
 * The measuring protocol of RECIPES.md, in plain JS for speed: per person, calibrate on one
 * series with N shots per pose, test on the other series, both directions (or, for the
 * "same session" variant, test on the rest of the same series).
 *
 * The nearest-neighbour rule is src/vision/engine/classifier/knnRule.ts, the one PoseClassifier
 * applies on top of knn-classifier; measure-poses re-runs the chosen candidate through the real
 * PoseClassifier to show the two give the same answers.
 */
import { voteOfNearest, type Vote } from '../../src/vision/engine/classifier/knnRule';
import { POSES, mirroredPose, perPose, type Pose } from '../../src/vision/poses';
import type { PosePhoto } from './pointing04';
import { mulberry32 } from '../../src/game/random';

export type Shots = number | 'all';

export interface Candidate {
  /** vectors[i]: photo i as stored; vectors[i + photos.length]: its mirror image. */
  readonly vectors: readonly Float32Array[];
  readonly k: number;
  /** Which shots also count mirrored, as the mirrored pose: none, all, or left/right only. */
  readonly mirror: 'none' | 'all' | 'left-right';
  /** Subtract the calibration set's centre (mean of the per-pose means) before the cosine. */
  readonly centre: boolean;
  /**
   * usable[i] false: photo i gave no vector (the face finder found no face). It is never a
   * shot, and as a test photo it counts as 'neutral', what the game does without a face (the
   * hero keeps going). Absent: every photo is usable.
   */
  readonly usable?: readonly boolean[];
  /** Another decision than the nearest-neighbour vote (a margin, a gate); absent: the vote. */
  readonly vote?: VoteRule;
}

/**
 * Decides a test photo from its similarities to the calibration's examples: labels[i] and
 * examples[i] (a vector index: a photo, or photos.length + a photo for its mirror image) belong
 * to similarities[i]; `test` is the test photo's index.
 */
export type VoteRule = (
  similarities: readonly number[],
  labels: readonly Pose[],
  k: number,
  context: { readonly test: number; readonly examples: readonly number[] },
) => Vote;

export interface Protocol {
  readonly shots: readonly Shots[];
  /** Random draws of the N shots per (person, series) when N is not 'all'. */
  readonly draws: number;
  readonly seed: number;
  /** Test on the calibration series itself (photos not used as shots; 'all' = leave one out). */
  readonly sameSession?: boolean;
}

export interface PersonScore {
  readonly person: string;
  /** Fraction correct per shots setting, averaged over both series and the draws. */
  readonly accuracy: ReadonlyMap<Shots, number>;
}

export type Confusion = Record<Pose, Record<Pose, number>>;

export interface Evaluation {
  readonly people: readonly PersonScore[];
  /** Counts over everything, per shots setting: confusion[truth][predicted]. */
  readonly confusion: ReadonlyMap<Shots, Confusion>;
}

/** One calibration as the protocol draws it, and what it predicted for each test photo. */
export interface Trial {
  readonly person: string;
  readonly shots: Shots;
  readonly series: number;
  readonly draw: number;
  /** Photo indexes used as shots, per pose. */
  readonly chosen: ReadonlyMap<Pose, readonly number[]>;
  /** Photo index -> predicted pose and its confidence (share of the k votes). */
  readonly predictions: ReadonlyMap<number, { pose: Pose; confidence: number }>;
}

/** The same seeded generator as the game's, so every candidate sees the same draws. */
export const seededRandom = mulberry32;

export function hashText(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** n distinct items picked at random (partial Fisher-Yates). */
function pick<T>(items: readonly T[], n: number, random: () => number): T[] {
  const pool = [...items];
  const count = Math.min(n, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}

/** The shots of one trial: the same for every candidate (seeded by person, series, N, draw). */
export function chooseShots(
  photos: readonly PosePhoto[],
  calibration: readonly number[],
  trial: { person: string; series: number; shots: Shots; draw: number },
  seed: number,
): Map<Pose, number[]> {
  const random = seededRandom(
    seed ^ hashText(`${trial.person}/${trial.series}/${trial.shots}/${trial.draw}`),
  );
  const chosen = new Map<Pose, number[]>();
  for (const pose of POSES) {
    const ofPose = calibration.filter((i) => photos[i]?.pose === pose);
    chosen.set(pose, trial.shots === 'all' ? ofPose : pick(ofPose, trial.shots, random));
  }
  return chosen;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

export function emptyConfusion(): Confusion {
  return perPose(() => perPose(() => 0));
}

export function evaluate(
  photos: readonly PosePhoto[],
  candidate: Candidate,
  protocol: Protocol,
  onTrial?: (trial: Trial) => void,
): Evaluation {
  const mirrorOffset = photos.length;
  const photoOf = (index: number): number => index % mirrorOffset;
  const people = [...new Set(photos.map((photo) => photo.person))];
  const usable = (index: number): boolean => candidate.usable?.[index] ?? true;
  const confusion = new Map(protocol.shots.map((shots) => [shots, emptyConfusion()]));
  const scores: PersonScore[] = [];

  for (const person of people) {
    // All dot products this person's trials need: photos and their mirror images.
    const own = photos.flatMap((photo, i) => (photo.person === person ? [i] : []));
    const members = [...own, ...own.map((i) => i + mirrorOffset)];
    const slot = new Map(members.map((index, s) => [index, s]));
    const gram = members.map(() => new Float64Array(members.length));
    for (let a = 0; a < members.length; a++) {
      const va = candidate.vectors[members[a] as number] as Float32Array;
      for (let b = a; b < members.length; b++) {
        const value = dot(va, candidate.vectors[members[b] as number] as Float32Array);
        (gram[a] as Float64Array)[b] = value;
        (gram[b] as Float64Array)[a] = value;
      }
    }
    const g = (i: number, j: number): number =>
      (gram[slot.get(i) as number] as Float64Array)[slot.get(j) as number] as number;

    const accuracy = new Map<Shots, number>();
    for (const shots of protocol.shots) {
      let correct = 0;
      let total = 0;
      for (const series of [1, 2]) {
        const session = own.filter((i) => photos[i]?.series === series);
        const calibration = session.filter(usable);
        const draws = shots === 'all' ? 1 : protocol.draws;
        for (let draw = 0; draw < draws; draw++) {
          const chosen = chooseShots(
            photos,
            calibration,
            { person, series, shots, draw },
            protocol.seed,
          );
          const used = new Set([...chosen.values()].flat());
          const tests = protocol.sameSession
            ? session.filter((i) => shots === 'all' || !used.has(i))
            : own.filter((i) => photos[i]?.series !== series);

          // Examples grouped by pose in POSES order, own shots before mirror images: the
          // order PoseClassifier feeds knn-classifier.
          const examples: number[] = [];
          const labels: Pose[] = [];
          for (const pose of POSES) {
            for (const i of chosen.get(pose) ?? []) {
              examples.push(i);
              labels.push(pose);
            }
            const source = mirroredPose(pose);
            const mirrors =
              candidate.mirror === 'all' ||
              (candidate.mirror === 'left-right' && (source === 'left' || source === 'right'));
            if (mirrors) {
              for (const i of chosen.get(source) ?? []) {
                examples.push(i + mirrorOffset);
                labels.push(pose);
              }
            }
          }

          // Centre = mean of the per-pose means, as weights over the examples.
          const weights = new Map<number, number>();
          if (candidate.centre) {
            const present = POSES.filter((pose) => labels.includes(pose));
            for (const pose of present) {
              const ofPose = examples.filter((_, e) => labels[e] === pose);
              for (const i of ofPose) {
                weights.set(i, (weights.get(i) ?? 0) + 1 / ofPose.length / present.length);
              }
            }
          }
          const weighted = [...weights.entries()];
          const towardCentre = (i: number): number => {
            let sum = 0;
            for (const [j, w] of weighted) sum += w * g(i, j);
            return sum;
          };
          let centreSquared = 0;
          for (const [i, wi] of weighted) {
            for (const [j, wj] of weighted) centreSquared += wi * wj * g(i, j);
          }
          const exampleToCentre = examples.map(towardCentre);
          const exampleNorm = examples.map((i, e) =>
            Math.sqrt(Math.max(g(i, i) - 2 * (exampleToCentre[e] as number) + centreSquared, 0)),
          );

          const tally = confusion.get(shots) as Confusion;
          const predictions = new Map<number, { pose: Pose; confidence: number }>();
          for (const t of tests) {
            if (!usable(t)) {
              predictions.set(t, { pose: 'neutral', confidence: 0 });
              tally[photos[t]?.pose as Pose].neutral++;
              if (photos[t]?.pose === 'neutral') correct++;
              total++;
              continue;
            }
            const testToCentre = towardCentre(t);
            const testNorm = Math.sqrt(Math.max(g(t, t) - 2 * testToCentre + centreSquared, 0));
            // Leave the test photo (and its mirror image) out of its own calibration.
            const keep = examples.map((i) => photoOf(i) !== t);
            const similarities = examples
              .map((i, e) => {
                const norms = testNorm * (exampleNorm[e] as number);
                const centred =
                  g(t, i) - testToCentre - (exampleToCentre[e] as number) + centreSquared;
                return norms === 0 ? 0 : centred / norms;
              })
              .filter((_, e) => keep[e]);
            const kept = labels.filter((_, e) => keep[e]);
            const vote = candidate.vote
              ? candidate.vote(similarities, kept, candidate.k, {
                  test: t,
                  examples: examples.filter((_, e) => keep[e]),
                })
              : voteOfNearest(similarities, kept, candidate.k);
            const predicted = vote.pose;
            predictions.set(t, { pose: predicted, confidence: vote.confidences[predicted] });
            const truth = photos[t]?.pose as Pose;
            tally[truth][predicted]++;
            if (predicted === truth) correct++;
            total++;
          }
          onTrial?.({ person, shots, series, draw, chosen, predictions });
        }
      }
      accuracy.set(shots, correct / total);
    }
    scores.push({ person, accuracy });
  }
  return { people: scores, confusion };
}
