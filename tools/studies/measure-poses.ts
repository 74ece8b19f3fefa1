/**
 * Measures head-pose feature recipes on the Pointing'04 photos and prints markdown tables.
 *
 *   npx tsx tools/studies/measure-poses.ts   (first run embeds 3,180 images, ~1 min; ~4 min in all)
 *
 * Protocol (RECIPES.md): per person, calibrate on one series with N shots per pose (N = 1, 3,
 * all), test on the other series, both directions; N = 1 and 3 average 20 random draws of the
 * shots (the same draws for every candidate). A cell reads "mean over the 15 people (worst
 * person)", in % of test photos classified correctly.
 *
 * Photos: Gourier, Hall & Crowley, "Estimating Face Orientation from Robust Detection of
 * Salient Facial Features", Pointing 2004, ICPR workshop. Read from /work/shared, never copied.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadPoseEmbedder } from '../../src/vision/engine/features/embedder';
import {
  combineParts,
  featureLength,
  type FeatureRecipe,
  type LayerName,
} from '../../src/vision/engine/features/features';
import { frameToModelInput } from '../../src/vision/engine/features/modelInput';
import { PoseClassifier } from '../../src/vision/engine/classifier/poseClassifier';
import { POSES, perPose, type Pose } from '../../src/vision/poses';
import type { PoseSample } from '../../src/vision/poseSamples';
import { FEATURE_RECIPE, KNN_K, RECORD_MIRROR_IMAGES } from '../../src/vision/engine/recipe';
import { SMOOTHER_SETTINGS } from '../../src/vision/steering/smootherSettings';
import type { SmootherSettings } from '../../src/vision/steering/smoother';
import { pooledMapsOf, type PooledMaps } from '../node/embeddingCache';
import { readImage } from '../node/images';
import {
  evaluate,
  type Candidate,
  type Confusion,
  type Evaluation,
  type Protocol,
  type Shots,
  type Trial,
} from '../node/knnEvaluation';
import { modelFromDisk } from '../node/modelFromDisk';
import { readPointing04, type PosePhoto } from '../node/pointing04';
import { simulateSteering } from './node/steeringSimulation';
import { useWasmBackend } from '../node/wasmBackend';

const PROTOCOL: Protocol = { shots: [1, 3, 'all'], draws: 20, seed: 2004 };

type Mirror = Candidate['mirror'];

function single(layer: LayerName, grid: number): FeatureRecipe {
  return { id: `${layer}@${grid}`, parts: [{ layer, grid }], normalise: 'none' };
}

function combo(...parts: Array<[LayerName, number]>): FeatureRecipe {
  return {
    id: parts.map(([layer, grid]) => `${layer}@${grid}`).join('+'),
    parts: parts.map(([layer, grid]) => ({ layer, grid })),
    normalise: 'per-part',
  };
}

const percent = (value: number): string => (100 * value).toFixed(1);

class Measurer {
  private readonly vectorCache = new Map<string, Float32Array[]>();

  constructor(
    private readonly photos: readonly PosePhoto[],
    private readonly pooled: PooledMaps,
  ) {}

  vectorsOf(recipe: FeatureRecipe): Float32Array[] {
    const cached = this.vectorCache.get(recipe.id);
    if (cached !== undefined) return cached;
    const parts = recipe.parts.map((part) => {
      const maps = this.pooled.get(`${part.layer}@${part.grid}`);
      if (maps === undefined) throw new Error(`not cached: ${part.layer}@${part.grid}`);
      return maps;
    });
    const vectors = Array.from({ length: this.photos.length * 2 }, (_, i) =>
      combineParts(
        recipe,
        parts.map((maps) => maps[i] as Float32Array),
      ),
    );
    this.vectorCache.set(recipe.id, vectors);
    return vectors;
  }

  evaluate(
    recipe: FeatureRecipe,
    k: number,
    mirror: Mirror,
    centre: boolean,
    protocol: Protocol = PROTOCOL,
    onTrial?: (trial: Trial) => void,
  ): Evaluation {
    return evaluate(
      this.photos,
      { vectors: this.vectorsOf(recipe), k, mirror, centre },
      protocol,
      onTrial,
    );
  }
}

function name(recipe: FeatureRecipe, k: number, mirror: Mirror, centre: boolean): string {
  const mirrorText = mirror === 'none' ? '' : mirror === 'all' ? ', mirror' : ', mirror l/r';
  return `${recipe.id}, k=${k}${mirrorText}${centre ? ', centred' : ''}`;
}

function cells(result: Evaluation, shots: readonly Shots[] = PROTOCOL.shots): string[] {
  return shots.map((n) => {
    const values = result.people.map((p) => p.accuracy.get(n) ?? 0);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return `${percent(mean)} (${percent(Math.min(...values))})`;
  });
}

function table(title: string, columns: string[], rows: string[][]): void {
  console.log(`\n### ${title}\n`);
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** Wrong turns: a direction other than the truth. Missed: a direction taken for neutral. */
function errorKinds(confusion: Confusion): { wrongTurn: number; missed: number } {
  let total = 0;
  let wrongTurn = 0;
  let missed = 0;
  for (const truth of POSES) {
    for (const predicted of POSES) {
      const count = confusion[truth][predicted];
      total += count;
      if (predicted !== 'neutral' && predicted !== truth) wrongTurn += count;
      if (truth !== 'neutral' && predicted === 'neutral') missed += count;
    }
  }
  return { wrongTurn: wrongTurn / total, missed: missed / total };
}

/** Accuracy per pose and size of the turn (yaw for left/right, pitch for up/down). */
function byTurnSize(photos: readonly PosePhoto[], trials: readonly Trial[]): string[][] {
  const groups = new Map<string, { correct: number; total: number }>();
  for (const trial of trials) {
    for (const [index, predicted] of trial.predictions) {
      const photo = photos[index] as PosePhoto;
      const angle =
        photo.pose === 'neutral'
          ? photo.yaw === 0 && photo.pitch === 0
            ? '0, 0'
            : 'one or both 15'
          : String(
              Math.abs(photo.pose === 'left' || photo.pose === 'right' ? photo.yaw : photo.pitch),
            );
      const key = `${photo.pose}|${angle}`;
      const group = groups.get(key) ?? { correct: 0, total: 0 };
      group.total++;
      if (predicted.pose === photo.pose) group.correct++;
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => {
      const [poseA, angleA] = a.split('|') as [Pose, string];
      const [poseB, angleB] = b.split('|') as [Pose, string];
      return POSES.indexOf(poseA) - POSES.indexOf(poseB) || parseFloat(angleA) - parseFloat(angleB);
    })
    .map(([key, { correct, total }]) => {
      const [pose, angle] = key.split('|') as [string, string];
      return [pose, angle, `${percent(correct / total)} %`, String(total)];
    });
}

async function msPerEmbedding(photos: readonly PosePhoto[]): Promise<number> {
  const embedder = await loadPoseEmbedder(modelFromDisk(), FEATURE_RECIPE);
  const frame = readImage((photos[0] as PosePhoto).path);
  const input = frameToModelInput(frame);
  await embedder.embed(input);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    await embedder.embed(input);
    times.push(performance.now() - start);
  }
  tf.dispose([frame, input]);
  embedder.dispose();
  times.sort((a, b) => a - b);
  return times[15] as number;
}

/** Re-run trials through the real PoseClassifier (knn-classifier inside): same answers? */
async function confirmWithPoseClassifier(
  photos: readonly PosePhoto[],
  vectors: readonly Float32Array[],
  trials: readonly Trial[],
): Promise<{ compared: number; differing: number }> {
  let compared = 0;
  let differing = 0;
  for (const trial of trials) {
    const classifier = new PoseClassifier(KNN_K);
    classifier.importSamples(
      perPose((pose: Pose) =>
        (trial.chosen.get(pose) ?? []).map((i): PoseSample => ({
          features: vectors[i] as Float32Array,
          mirrored: RECORD_MIRROR_IMAGES ? (vectors[i + photos.length] as Float32Array) : null,
        })),
      ),
    );
    for (const [photo, expected] of trial.predictions) {
      const actual = await classifier.predict(vectors[photo] as Float32Array);
      compared++;
      if (actual.pose !== expected.pose) differing++;
    }
    classifier.dispose();
  }
  return { compared, differing };
}

async function main(): Promise<void> {
  const photos = readPointing04();
  await useWasmBackend();
  const { pooled } = await pooledMapsOf(photos, (line) => console.error(line));
  const measurer = new Measurer(photos, pooled);
  const header = ['candidate', 'dim', 'N=1', 'N=3', 'N=all'];
  const row = (recipe: FeatureRecipe, k: number, mirror: Mirror, centre: boolean): string[] => [
    name(recipe, k, mirror, centre),
    String(featureLength(recipe)),
    ...cells(measurer.evaluate(recipe, k, mirror, centre)),
  ];

  console.log(`## Head-pose features on Pointing'04 (15 people, ${photos.length} photos)`);
  console.log('Cells: mean % correct over people (worst person). Other series for testing.');

  const singles = [
    single('conv13', 1),
    single('conv13', 2),
    single('conv13', 3),
    single('conv12', 2),
    single('conv12', 3),
    single('conv11', 2),
    single('conv11', 3),
    single('conv11', 4),
    single('conv9', 3),
    single('conv9', 4),
    single('conv7', 4),
    single('conv5', 4),
  ];
  table(
    'Which layer: one layer, average-pooled to a grid (conv13@1 = the 256-d global pool), k=1',
    header,
    singles.map((recipe) => row(recipe, 1, 'none', false)),
  );

  const combos = [
    combo(['conv13', 2], ['conv12', 2]),
    combo(['conv13', 3], ['conv12', 3]),
    combo(['conv13', 2], ['conv13', 3]),
    combo(['conv13', 2], ['conv11', 3]),
    combo(['conv13', 3], ['conv11', 4]),
    combo(['conv13', 1], ['conv13', 2], ['conv13', 3]),
  ];
  table(
    'Two or three layers joined, each part scaled to unit length, k=1',
    header,
    combos.flatMap((recipe) => [row(recipe, 1, 'none', false), row(recipe, 1, 'all', false)]),
  );

  const finalists = [single('conv13', 2), single('conv13', 3), combo(['conv13', 2], ['conv12', 2])];
  const variants: Array<[number, Mirror, boolean]> = [
    [1, 'none', false],
    [1, 'left-right', false],
    [1, 'all', false],
    [1, 'none', true],
    [1, 'all', true],
    [3, 'all', false],
    [5, 'all', false],
  ];
  table(
    'k, mirror images of the shots (as the mirrored pose), centring on the calibration mean',
    header,
    finalists.flatMap((recipe) =>
      variants.map(([k, mirror, centre]) => row(recipe, k, mirror, centre)),
    ),
  );

  // The settings in force, and the kinds of errors they make.
  const chosenMirror: Mirror = RECORD_MIRROR_IMAGES ? 'all' : 'none';
  const trials: Trial[] = [];
  const chosen = measurer.evaluate(
    FEATURE_RECIPE,
    KNN_K,
    chosenMirror,
    false,
    PROTOCOL,
    (trial) => {
      if (trial.shots === 3) trials.push(trial);
    },
  );
  const sameSession = measurer.evaluate(FEATURE_RECIPE, KNN_K, chosenMirror, false, {
    ...PROTOCOL,
    sameSession: true,
  });
  const chosenName = name(FEATURE_RECIPE, KNN_K, chosenMirror, false);
  table(
    `Settings in force (engine/recipe.ts: ${chosenName}): kinds of error`,
    [
      'N',
      'correct, other session',
      'wrong direction',
      'direction missed (taken for neutral)',
      'correct, same session',
    ],
    PROTOCOL.shots.map((shots, i) => {
      const kinds = errorKinds(chosen.confusion.get(shots) as Confusion);
      return [
        String(shots),
        cells(chosen)[i] as string,
        `${percent(kinds.wrongTurn)} %`,
        `${percent(kinds.missed)} %`,
        cells(sameSession)[i] as string,
      ];
    }),
  );
  const confusion3 = chosen.confusion.get(3) as Confusion;
  table(
    'Confusion at N=3 (rows: truth, columns: predicted), all people and draws',
    ['truth', ...POSES],
    POSES.map((truth) => [truth, ...POSES.map((p) => String(confusion3[truth][p]))]),
  );
  table(
    'How far the head turns, at N=3: % of those test photos classified correctly',
    ['pose', 'angle (deg)', 'correct', 'photos x trials'],
    byTurnSize(photos, trials),
  );
  const worst = [...chosen.people].sort(
    (a, b) => (a.accuracy.get(3) ?? 0) - (b.accuracy.get(3) ?? 0),
  );
  console.log(
    `\nPer person at N=3: ${worst.map((p) => `${p.person.replace('pointing04_', '')} ${percent(p.accuracy.get(3) ?? 0)}`).join(', ')}`,
  );
  const person01 = chosen.people.find((p) => p.person === 'pointing04_person01');
  console.log(
    `person01, N=all: ${percent(person01?.accuracy.get('all') ?? 0)} % (the real-model test's reference)`,
  );

  const smootherOptions: SmootherSettings[] = [
    { windowFrames: 1, framesToStart: 1, framesToKeep: 1, minConfidence: 0 },
    { windowFrames: 3, framesToStart: 2, framesToKeep: 1, minConfidence: 0.5 },
    { windowFrames: 5, framesToStart: 3, framesToKeep: 2, minConfidence: 0.5 },
    { windowFrames: 6, framesToStart: 4, framesToKeep: 2, minConfidence: 0.5 },
    { windowFrames: 8, framesToStart: 5, framesToKeep: 3, minConfidence: 0.5 },
    { windowFrames: 10, framesToStart: 6, framesToKeep: 3, minConfidence: 0.5 },
    SMOOTHER_SETTINGS,
  ];
  table(
    'Smoother, simulated on the N=3 guesses (30 frames per held pose, frames drawn independently)',
    [
      'window / start / keep',
      'turns recognised',
      'median frames to request',
      'wrong requests per 1000 frames',
    ],
    smootherOptions.map((settings) => {
      const score = simulateSteering(photos, trials, settings, 7);
      const inForce = settings === SMOOTHER_SETTINGS ? ' (in force)' : '';
      return [
        `${settings.windowFrames} / ${settings.framesToStart} / ${settings.framesToKeep}${inForce}`,
        `${percent(score.turnsRecognised)} %`,
        String(score.medianLatency),
        score.wrongPer1000Frames.toFixed(1),
      ];
    }),
  );

  const check = await confirmWithPoseClassifier(
    photos,
    measurer.vectorsOf(FEATURE_RECIPE),
    trials.filter((trial) => trial.draw < 2),
  );
  console.log(
    `\nPoseClassifier (knn-classifier inside) vs this tool's knn: ${check.differing} of ${check.compared} predictions differ.`,
  );
  console.log(
    `Median ms per embedding (${FEATURE_RECIPE.id}, tfjs ${tf.getBackend()} in Node): ${(await msPerEmbedding(photos)).toFixed(1)}`,
  );
}

await main();
