/**
 * Issue 4's accuracy protocol as one report: the project's pipeline (engine/recipe.ts features,
 * k and mirror shots; smoother off) and, beside it, the webcam Pac-Man demo's dense head
 * (layersBaseline.ts). Per person: calibrate on one series with N shots per pose, test on the
 * other series, both directions. Shared by `npm run bench` and `npm run eval:poses`.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  combineParts,
  featureLength,
  type FeatureRecipe,
} from '../../src/vision/engine/features/features';
import { POSES, type Pose } from '../../src/vision/poses';
import { FEATURE_RECIPE, KNN_K, RECORD_MIRROR_IMAGES } from '../../src/vision/engine/recipe';
import { pooledMapsOf } from './embeddingCache';
import {
  chooseShots,
  emptyConfusion,
  evaluate,
  type Candidate,
  type Confusion,
  type Shots,
} from './knnEvaluation';
import { demoMapsOf, predictClasses, trainDemoHead } from './layersBaseline';
import type { PosePhoto } from './pointing04';

export const SHOTS: readonly Shots[] = [1, 3, 'all'];
export const KNN_DRAWS = 20;
export const DEMO_SEEDS = 3;
const SEED = 2004;

export interface MethodResult {
  readonly method: string;
  /** Per N: mean and worst person (fractions), which person was worst. */
  readonly byShots: Record<string, { mean: number; worst: number; worstPerson: string }>;
  readonly perPerson: Record<string, Record<string, number>>;
  /** Per N: recall of each pose (fraction of its test photos classified as it). */
  readonly recall: Record<string, Record<Pose, number>>;
  readonly confusion: Record<string, Confusion>;
  /** The demo only: ms to train one head, median over trials, per N. */
  readonly trainMsMedian?: Record<string, number>;
  readonly seconds: number;
}

function summarise(
  method: string,
  people: ReadonlyArray<{ person: string; accuracy: ReadonlyMap<Shots, number> }>,
  confusion: ReadonlyMap<Shots, Confusion>,
  seconds: number,
): MethodResult {
  const byShots: MethodResult['byShots'] = {};
  const perPerson: MethodResult['perPerson'] = {};
  const recall: MethodResult['recall'] = {};
  const confusionOut: MethodResult['confusion'] = {};
  for (const shots of SHOTS) {
    const key = String(shots);
    const values = people.map((p) => ({ person: p.person, value: p.accuracy.get(shots) ?? 0 }));
    const worst = values.reduce((a, b) => (b.value < a.value ? b : a));
    byShots[key] = {
      mean: values.reduce((sum, v) => sum + v.value, 0) / values.length,
      worst: worst.value,
      worstPerson: worst.person,
    };
    for (const v of values) (perPerson[v.person] ??= {})[key] = v.value;
    const table = confusion.get(shots) ?? emptyConfusion();
    confusionOut[key] = table;
    recall[key] = Object.fromEntries(
      POSES.map((truth) => {
        const row = POSES.reduce((sum, p) => sum + table[truth][p], 0);
        return [truth, row === 0 ? 0 : table[truth][truth] / row];
      }),
    ) as Record<Pose, number>;
  }
  return { method, byShots, perPerson, recall, confusion: confusionOut, seconds };
}

/** The game's features (engine/recipe.ts) for every photo and its mirror image. */
export async function projectVectors(
  photos: readonly PosePhoto[],
  cacheDir: string,
  recipe: FeatureRecipe = FEATURE_RECIPE,
): Promise<Float32Array[]> {
  const { pooled } = await pooledMapsOf(photos, (line) => console.error(line), cacheDir);
  const parts = recipe.parts.map((part) => {
    const maps = pooled.get(`${part.layer}@${part.grid}`);
    if (maps === undefined) throw new Error(`not cached: ${part.layer}@${part.grid}`);
    return maps;
  });
  return Array.from({ length: photos.length * 2 }, (_, i) =>
    combineParts(
      recipe,
      parts.map((maps) => maps[i] as Float32Array),
    ),
  );
}

export function knnResult(
  photos: readonly PosePhoto[],
  vectors: readonly Float32Array[],
  label: string,
  options: Partial<Pick<Candidate, 'k' | 'mirror' | 'usable' | 'vote'>> = {},
): MethodResult {
  const start = performance.now();
  const evaluation = evaluate(
    photos,
    {
      vectors,
      k: options.k ?? KNN_K,
      mirror: options.mirror ?? (RECORD_MIRROR_IMAGES ? 'all' : 'none'),
      centre: false,
      ...(options.usable === undefined ? {} : { usable: options.usable }),
      ...(options.vote === undefined ? {} : { vote: options.vote }),
    },
    { shots: SHOTS, draws: KNN_DRAWS, seed: SEED },
  );
  return summarise(
    label,
    evaluation.people,
    evaluation.confusion,
    (performance.now() - start) / 1000,
  );
}

export function projectLabel(recipe: FeatureRecipe = FEATURE_RECIPE): string {
  const mirror = RECORD_MIRROR_IMAGES ? ' + mirror shots' : '';
  return `centre square (before the face finder): ${recipe.id} (${featureLength(recipe)}-d), knn k=${KNN_K}${mirror}`;
}

/** One share of the demo baseline's work: the trials of some people. */
export interface DemoPart {
  readonly scores: Array<{ person: string; accuracy: Record<string, number> }>;
  readonly confusion: Record<string, Confusion>;
  readonly trainMs: Record<string, number[]>;
}

/**
 * The demo's method for the people whose index % partCount === partIndex: a dense head per
 * calibration, trained as the demo trained it.
 */
export async function demoPart(
  photos: readonly PosePhoto[],
  cacheDir: string,
  partIndex: number,
  partCount: number,
  log: (line: string) => void,
): Promise<DemoPart> {
  const { maps } = await demoMapsOf(
    photos.map((p) => p.path),
    cacheDir,
    log,
  );
  const people = [...new Set(photos.map((p) => p.person))].filter(
    (_, i) => i % partCount === partIndex,
  );
  const confusion = Object.fromEntries(SHOTS.map((shots) => [String(shots), emptyConfusion()]));
  const trainMs = Object.fromEntries(SHOTS.map((shots): [string, number[]] => [String(shots), []]));
  const scores: DemoPart['scores'] = [];
  for (const person of people) {
    const own = photos.flatMap((photo, i) => (photo.person === person ? [i] : []));
    const accuracy: Record<string, number> = {};
    for (const shots of SHOTS) {
      let correct = 0;
      let total = 0;
      for (const series of [1, 2]) {
        const calibration = own.filter((i) => photos[i]?.series === series);
        const tests = own.filter((i) => photos[i]?.series !== series);
        if (tests.length === 0) continue;
        for (let seed = 0; seed < DEMO_SEEDS; seed++) {
          const chosen = chooseShots(
            photos,
            calibration,
            { person, series, shots, draw: seed },
            SEED,
          );
          const examples: number[] = [];
          const classes: number[] = [];
          POSES.forEach((pose, c) => {
            for (const i of chosen.get(pose) ?? []) {
              examples.push(i);
              classes.push(c);
            }
          });
          if (examples.length === 0) continue;
          const { head, trainMs: ms } = await trainDemoHead(
            examples.map((i) => maps[i] as Float32Array),
            classes,
            POSES.length,
            SEED + 1000 * seed,
          );
          trainMs[String(shots)]?.push(ms);
          const predicted = await predictClasses(
            head,
            tests.map((i) => maps[i] as Float32Array),
          );
          head.dispose();
          const tally = confusion[String(shots)] as Confusion;
          tests.forEach((i, t) => {
            const truth = photos[i]?.pose as Pose;
            const guess = POSES[predicted[t] as number] as Pose;
            tally[truth][guess]++;
            if (guess === truth) correct++;
            total++;
          });
        }
      }
      accuracy[String(shots)] = total === 0 ? 0 : correct / total;
    }
    scores.push({ person, accuracy });
    log(`  demo baseline: ${person} done (${tf.memory().numTensors} tensors alive)`);
  }
  return { scores, confusion, trainMs };
}

/** Joins the parts (in any order) into the demo's result. */
export function demoResultOf(parts: readonly DemoPart[], seconds: number): MethodResult {
  const people = parts
    .flatMap((part) => part.scores)
    .sort((a, b) => a.person.localeCompare(b.person))
    .map((s) => ({
      person: s.person,
      accuracy: new Map(SHOTS.map((shots) => [shots, s.accuracy[String(shots)] ?? 0])),
    }));
  const confusion = new Map(
    SHOTS.map((shots) => {
      const sum = emptyConfusion();
      for (const part of parts) {
        const table = part.confusion[String(shots)] as Confusion;
        for (const truth of POSES) for (const p of POSES) sum[truth][p] += table[truth][p];
      }
      return [shots, sum];
    }),
  );
  const result = summarise(
    `webcam Pac-Man demo: conv_pw_13 7x7x256 -> dense 100 relu -> softmax, Adam 1e-4, batch 0.4, 20 epochs, ${DEMO_SEEDS} seeds`,
    people,
    confusion,
    seconds,
  );
  const median = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return {
    ...result,
    trainMsMedian: Object.fromEntries(
      SHOTS.map((s) => [String(s), median(parts.flatMap((p) => p.trainMs[String(s)] ?? []))]),
    ),
  };
}

// ---- tables ----

const pct = (value: number): string => (100 * value).toFixed(1);

/**
 * The wrong turns at N shots a pose: the share of straight photos read as a turn, of turned
 * photos read as another turn, and of turned photos read as straight (a missed turn).
 */
export function wrongTurns(
  result: MethodResult,
  shots = '3',
): { straight: number; turned: number; missed: number } {
  const table = result.confusion[shots];
  if (table === undefined) return { straight: Number.NaN, turned: Number.NaN, missed: Number.NaN };
  const turns = POSES.filter((p) => p !== 'neutral');
  const row = (truth: Pose): number => POSES.reduce((sum, p) => sum + table[truth][p], 0);
  const straightWrong = turns.reduce((sum, p) => sum + table.neutral[p], 0);
  let turnedWrong = 0;
  let turned = 0;
  let missed = 0;
  for (const truth of turns) {
    turned += row(truth);
    missed += table[truth].neutral;
    turnedWrong += turns.filter((p) => p !== truth).reduce((sum, p) => sum + table[truth][p], 0);
  }
  return {
    straight: straightWrong / row('neutral'),
    turned: turnedWrong / turned,
    missed: missed / turned,
  };
}

export function markdownTable(columns: string[], rows: string[][]): string {
  return [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

export function accuracyTable(results: readonly MethodResult[]): string {
  return markdownTable(
    [
      'method',
      ...SHOTS.map((s) => `N=${s}: mean (worst person)`),
      'train ms per calibration (N=1 / 3 / all)',
    ],
    results.map((r) => [
      r.method,
      ...SHOTS.map((s) => {
        const cell = r.byShots[String(s)];
        return cell === undefined ? '–' : `${pct(cell.mean)} (${pct(cell.worst)})`;
      }),
      r.trainMsMedian === undefined
        ? 'none (knn: adding a shot is storing a vector)'
        : SHOTS.map((s) => (r.trainMsMedian?.[String(s)] ?? 0).toFixed(0)).join(' / '),
    ]),
  );
}

export function recallTable(results: readonly MethodResult[], shots: Shots): string {
  return markdownTable(
    ['method', ...POSES.map((p) => `${p} recall`)],
    results.map((r) => [
      r.method,
      ...POSES.map((p) => `${pct(r.recall[String(shots)]?.[p] ?? 0)} %`),
    ]),
  );
}

export function confusionTable(result: MethodResult, shots: Shots): string {
  const table = result.confusion[String(shots)] ?? emptyConfusion();
  return markdownTable(
    ['truth \\ predicted', ...POSES],
    POSES.map((truth) => [truth, ...POSES.map((p) => String(table[truth][p]))]),
  );
}
