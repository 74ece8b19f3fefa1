/**
 * The measuring protocol of RECIPES.md, in plain JS for speed: per person, calibrate on one
 * series with N shots per pose, test on the other series, both directions.
 *
 * The nearest-neighbour rule is the one @tensorflow-models/knn-classifier applies (and so
 * PoseClassifier): cosine similarity, the k most similar examples vote (stable order on ties),
 * confidence = votes / k, the first pose in POSES order wins a tie of votes. measure-poses
 * re-runs the chosen candidate through the real PoseClassifier to prove the two agree.
 */
import { POSES, mirroredPose, type Pose } from '../../src/vision/poses';
import type { PosePhoto } from './pointing04';

export type Shots = number | 'all';

export interface Candidate {
  readonly name: string;
  /** vectors[i]: photo i as stored; vectors[i + photos.length]: its mirror image. */
  readonly vectors: readonly Float32Array[];
  readonly k: number;
  /** Add each calibration shot's mirror image as a shot of the mirrored pose. */
  readonly mirror: boolean;
  /** Subtract the calibration set's centre (mean of the per-pose means) before the cosine. */
  readonly centre: boolean;
}

export interface Protocol {
  readonly shots: readonly Shots[];
  /** Random draws of the N shots per (person, direction) when N is not 'all'. */
  readonly draws: number;
  readonly seed: number;
}

export interface PersonScore {
  readonly person: string;
  /** Fraction correct per shots setting, averaged over both directions and the draws. */
  readonly accuracy: ReadonlyMap<Shots, number>;
}

export interface Evaluation {
  readonly people: readonly PersonScore[];
  /** confusion.get(shots)[true pose][predicted pose], counts over everything. */
  readonly confusion: ReadonlyMap<Shots, Record<Pose, Record<Pose, number>>>;
}

/** Small seeded PRNG (mulberry32): the same draws for every candidate, run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashText(text: string): number {
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

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

function emptyConfusion(): Record<Pose, Record<Pose, number>> {
  const row = (): Record<Pose, number> => ({ up: 0, down: 0, left: 0, right: 0, neutral: 0 });
  return { up: row(), down: row(), left: row(), right: row(), neutral: row() };
}

/** The knn vote over similarities (see the file comment for the exact rule). */
export function knnVote(similarities: readonly number[], labels: readonly Pose[], k: number): Pose {
  const order = similarities.map((value, index) => ({ value, index }));
  order.sort((a, b) => b.value - a.value);
  const votes = new Map<Pose, number>();
  const kUsed = Math.min(k, order.length);
  for (let i = 0; i < kUsed; i++) {
    const label = labels[(order[i] as { index: number }).index] as Pose;
    votes.set(label, (votes.get(label) ?? 0) + 1);
  }
  let best: Pose = 'neutral';
  let bestVotes = 0;
  for (const pose of POSES) {
    const count = votes.get(pose) ?? 0;
    if (count > bestVotes) {
      best = pose;
      bestVotes = count;
    }
  }
  return best;
}

export function evaluate(
  photos: readonly PosePhoto[],
  candidate: Candidate,
  protocol: Protocol,
): Evaluation {
  const mirrorOffset = photos.length;
  const people = [...new Set(photos.map((photo) => photo.person))];
  const confusion = new Map(protocol.shots.map((shots) => [shots, emptyConfusion()]));
  const scores: PersonScore[] = [];

  for (const person of people) {
    // Every vector this person's evaluation touches: photos and their mirror images.
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
      for (const calibrationSeries of [1, 2]) {
        const calibration = own.filter((i) => photos[i]?.series === calibrationSeries);
        const tests = own.filter((i) => photos[i]?.series !== calibrationSeries);
        const draws = shots === 'all' ? 1 : protocol.draws;
        for (let draw = 0; draw < draws; draw++) {
          const random = seededRandom(
            protocol.seed ^ hashText(`${person}/${calibrationSeries}/${shots}/${draw}`),
          );
          const chosen = new Map<Pose, number[]>();
          for (const pose of POSES) {
            const ofPose = calibration.filter((i) => photos[i]?.pose === pose);
            chosen.set(pose, shots === 'all' ? ofPose : pick(ofPose, shots, random));
          }
          // Training examples grouped by pose in POSES order, as PoseClassifier feeds the knn.
          const examples: number[] = [];
          const labels: Pose[] = [];
          for (const pose of POSES) {
            for (const i of chosen.get(pose) ?? []) {
              examples.push(i);
              labels.push(pose);
            }
            if (candidate.mirror) {
              for (const i of chosen.get(mirroredPose(pose)) ?? []) {
                examples.push(i + mirrorOffset);
                labels.push(pose);
              }
            }
          }
          // Centre = mean of the per-pose means, as weights over the examples.
          const weights = new Map<number, number>();
          if (candidate.centre) {
            const posesPresent = POSES.filter((pose) => labels.includes(pose));
            for (const pose of posesPresent) {
              const ofPose = examples.filter((_, e) => labels[e] === pose);
              for (const i of ofPose) {
                weights.set(i, (weights.get(i) ?? 0) + 1 / ofPose.length / posesPresent.length);
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
          for (const [i, wi] of weighted)
            for (const [j, wj] of weighted) centreSquared += wi * wj * g(i, j);
          const exampleToCentre = examples.map(towardCentre);
          const exampleNorm = examples.map((i, e) =>
            Math.sqrt(
              Math.max(g(i, i) - 2 * (exampleToCentre[e] as number) + centreSquared, 1e-30),
            ),
          );
          const tally = confusion.get(shots) as Record<Pose, Record<Pose, number>>;
          for (const t of tests) {
            const testToCentre = towardCentre(t);
            const testNorm = Math.sqrt(Math.max(g(t, t) - 2 * testToCentre + centreSquared, 1e-30));
            const similarities = examples.map(
              (i, e) =>
                (g(t, i) - testToCentre - (exampleToCentre[e] as number) + centreSquared) /
                (testNorm * (exampleNorm[e] as number)),
            );
            const predicted = knnVote(similarities, labels, candidate.k);
            const truth = photos[t]?.pose as Pose;
            tally[truth][predicted]++;
            if (predicted === truth) correct++;
            total++;
          }
        }
      }
      accuracy.set(shots, correct / total);
    }
    scores.push({ person, accuracy });
  }
  return { people: scores, confusion };
}
