/**
 * Measures head-pose feature recipes on the Pointing'04 photos and prints markdown tables.
 *
 *   npx tsx tools/measure-poses.ts            (first run embeds 3,180 images: ~1 min)
 *
 * Protocol (RECIPES.md): per person, calibrate on one series with N shots per pose (N = 1, 3,
 * all), test on the other series, both directions; N = 1 and 3 are averaged over random draws
 * of the shots. A cell reads "mean over the 15 people (worst person)", in % correct.
 */
import { combineParts, featureLength, type FeatureRecipe } from '../src/vision/features';
import { useWasmBackend } from './node/wasmBackend';
import { pooledMapsOf, type PooledMaps } from './node/embeddingCache';
import { evaluate, type Candidate, type Evaluation, type Protocol } from './node/knnEvaluation';
import { readPointing04, type PosePhoto } from './node/pointing04';

const PROTOCOL: Protocol = { shots: [1, 3, 'all'], draws: 20, seed: 2004 };

function vectorsOf(recipe: FeatureRecipe, pooled: PooledMaps, count: number): Float32Array[] {
  const parts = recipe.parts.map((part) => {
    const maps = pooled.get(`${part.layer}@${part.grid}`);
    if (maps === undefined) throw new Error(`not cached: ${part.layer}@${part.grid}`);
    return maps;
  });
  return Array.from({ length: count }, (_, i) =>
    combineParts(
      recipe,
      parts.map((maps) => maps[i] as Float32Array),
    ),
  );
}

function percent(value: number): string {
  return (100 * value).toFixed(1);
}

function row(name: string, dim: number, result: Evaluation): string {
  const cells = PROTOCOL.shots.map((shots) => {
    const values = result.people.map((p) => p.accuracy.get(shots) ?? 0);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return `${percent(mean)} (${percent(Math.min(...values))})`;
  });
  return `| ${name} | ${dim} | ${cells.join(' | ')} |`;
}

function header(title: string): void {
  console.log(`\n### ${title}\n`);
  console.log(`| candidate | dim | N=1 | N=3 | N=all |`);
  console.log(`|---|---|---|---|---|`);
}

function single(layer: FeatureRecipe['parts'][number]['layer'], grid: number): FeatureRecipe {
  return { id: `${layer}@${grid}`, parts: [{ layer, grid }], normalise: 'none' };
}

function combo(
  parts: FeatureRecipe['parts'],
  normalise: FeatureRecipe['normalise'] = 'per-part',
): FeatureRecipe {
  const id =
    parts.map((p) => `${p.layer}@${p.grid}`).join('+') + (normalise === 'per-part' ? '' : ' raw');
  return { id, parts, normalise };
}

async function main(): Promise<void> {
  const photos: PosePhoto[] = readPointing04();
  await useWasmBackend();
  const { pooled, msPerImage } = await pooledMapsOf(photos, (line) => console.error(line));
  if (msPerImage !== null)
    console.log(`median ms per network pass (wasm, Node): ${msPerImage.toFixed(1)}`);
  const count = photos.length * 2;

  const run = (recipe: FeatureRecipe, k: number, mirror: boolean, centre: boolean): string => {
    const candidate: Candidate = {
      name: recipe.id,
      vectors: vectorsOf(recipe, pooled, count),
      k,
      mirror,
      centre,
    };
    const name = `${recipe.id} k=${k}${mirror ? ' +mirror' : ''}${centre ? ' centred' : ''}`;
    return row(name, featureLength(recipe), evaluate(photos, candidate, PROTOCOL));
  };

  header('Single layers, k=1, no augmentation');
  const singles: FeatureRecipe[] = [
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
  if (process.argv.includes('--screen'))
    for (const recipe of singles) console.log(run(recipe, 1, false, false));

  header('Combinations (each part unit length), k=1');
  const combos: FeatureRecipe[] = [
    combo([
      { layer: 'conv13', grid: 2 },
      { layer: 'conv12', grid: 2 },
    ]),
    combo([
      { layer: 'conv13', grid: 3 },
      { layer: 'conv12', grid: 3 },
    ]),
    combo([
      { layer: 'conv13', grid: 2 },
      { layer: 'conv13', grid: 3 },
    ]),
    combo([
      { layer: 'conv13', grid: 2 },
      { layer: 'conv11', grid: 3 },
    ]),
    combo([
      { layer: 'conv13', grid: 3 },
      { layer: 'conv11', grid: 4 },
    ]),
    combo([
      { layer: 'conv13', grid: 2 },
      { layer: 'conv12', grid: 3 },
      { layer: 'conv11', grid: 3 },
    ]),
    combo([
      { layer: 'conv13', grid: 1 },
      { layer: 'conv13', grid: 2 },
      { layer: 'conv13', grid: 3 },
    ]),
  ];
  for (const recipe of combos) {
    console.log(run(recipe, 1, false, false));
    console.log(run(recipe, 1, true, false));
  }
  header('k');
  for (const k of [3, 5]) {
    console.log(run(single('conv13', 2), k, false, false));
    console.log(run(single('conv13', 3), k, true, false));
  }
}

await main();
