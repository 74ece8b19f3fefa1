/**
 * MobileNet layer maps of every Pointing'04 photo (and of its mirror image), averaged to small
 * grids and cached in /tmp, so measuring many feature recipes costs one pass of the network.
 * The cache key holds the model and preprocessing ids: change either and it is rebuilt.
 * Other framings (the face-aligned square, photos moved and shrunk) pass their own
 * `PictureSource` and cache folder (faceVectors.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadPoseEmbedder } from '../../src/vision/engine/features/embedder';
import { MODEL_ID } from '../../src/vision/engine/features/pipeline';
import {
  LAYER_TAPS,
  averagePoolToGrid,
  type LayerName,
} from '../../src/vision/engine/features/features';
import { PREPROCESSING_ID } from '../../src/vision/engine/features/framing';
import { frameToModelInput, mirrorModelInput } from '../../src/vision/engine/features/modelInput';
import { readImage } from './images';
import { modelFromDisk } from './modelFromDisk';
import type { PosePhoto } from './pointing04';

/** Which grids are cached per layer (a grid must not be finer than the map). */
export const CACHED_GRIDS: Readonly<Record<LayerName, readonly number[]>> = {
  conv5: [2, 4],
  conv7: [2, 3, 4],
  conv9: [2, 3, 4],
  conv11: [1, 2, 3, 4],
  conv12: [1, 2, 3],
  conv13: [1, 2, 3],
};

export const CACHE_ROOT = '/tmp/headchomp-pose-cache';

export const CACHE_DIR = join(CACHE_ROOT, `${MODEL_ID}--${PREPROCESSING_ID}`);

/** Which grids of which layers a cache holds. */
export type CachedGrids = Readonly<Partial<Record<LayerName, readonly number[]>>>;

/** What the network is shown for each photo. */
export interface PictureSource {
  /**
   * The framed [224,224,3] input of a photo, which the cache disposes after use,
   * or null when there is none (no face found): its maps are cached as zeros.
   */
  inputOf(photo: PosePhoto): tf.Tensor3D | null;
  readonly grids: CachedGrids;
}

/** Today's framing (framing.ts centre square) of the photos as stored, every cached grid. */
export const CENTRE_SQUARE_SOURCE: PictureSource = {
  inputOf(photo) {
    const frame = readImage(photo.path);
    try {
      return frameToModelInput(frame);
    } finally {
      frame.dispose();
    }
  },
  grids: CACHED_GRIDS,
};

function cacheFile(layer: LayerName, grid: number, dir: string = CACHE_DIR): string {
  return join(dir, `${layer}@${grid}.f32`);
}

/**
 * pooled.get('conv13@2')[i] is the pooled map of image i, where i < photos.length is photo i
 * as stored and i >= photos.length is the mirror image of photo i - photos.length.
 */
export type PooledMaps = Map<string, Float32Array[]>;

export interface CacheResult {
  readonly pooled: PooledMaps;
  /** Median ms of one network pass reading all cached layers, or null when read from disk. */
  readonly msPerImage: number | null;
}

function allKeys(grids: CachedGrids): Array<[LayerName, number]> {
  const keys: Array<[LayerName, number]> = [];
  for (const layer of Object.keys(grids) as LayerName[]) {
    for (const grid of grids[layer] ?? []) keys.push([layer, grid]);
  }
  return keys;
}

function split(buffer: Float32Array, count: number): Float32Array[] {
  const dim = buffer.length / count;
  return Array.from({ length: count }, (_, i) => buffer.slice(i * dim, (i + 1) * dim));
}

export async function pooledMapsOf(
  photos: readonly PosePhoto[],
  log: (line: string) => void,
  /** Another folder of photos needs its own cache (bench/eval-poses pass one). */
  cacheDir: string = CACHE_DIR,
  source: PictureSource = CENTRE_SQUARE_SOURCE,
): Promise<CacheResult> {
  const count = photos.length * 2;
  const keys = allKeys(source.grids);
  const pooled: PooledMaps = new Map();
  if (keys.every(([layer, grid]) => existsSync(cacheFile(layer, grid, cacheDir)))) {
    for (const [layer, grid] of keys) {
      const bytes = readFileSync(cacheFile(layer, grid, cacheDir));
      const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      pooled.set(`${layer}@${grid}`, split(floats, count));
    }
    const first = pooled.values().next().value;
    if (first?.length === count) return { pooled, msPerImage: null };
    pooled.clear();
  }

  log(`embedding ${photos.length} photos and their mirror images (cache: ${cacheDir})`);
  const embedder = await loadPoseEmbedder(modelFromDisk(), {
    id: 'all-layers',
    parts: [{ layer: 'conv13', grid: 1 }],
    normalise: 'none',
  });
  const layers = [...new Set(keys.map(([layer]) => layer))];
  for (const [layer, grid] of keys) pooled.set(`${layer}@${grid}`, new Array<Float32Array>(count));
  const times: number[] = [];
  for (let i = 0; i < photos.length; i++) {
    const photo = photos[i] as PosePhoto;
    const input = source.inputOf(photo);
    if (input === null) {
      for (const [layer, grid] of keys) {
        const zeros = new Float32Array(grid * grid * LAYER_TAPS[layer].channels);
        const maps = pooled.get(`${layer}@${grid}`) as Float32Array[];
        maps[i] = zeros;
        maps[i + photos.length] = zeros;
      }
      continue;
    }
    const mirrored = mirrorModelInput(input);
    for (const [offset, image] of [
      [0, input],
      [photos.length, mirrored],
    ] as const) {
      const start = performance.now();
      const maps = await embedder.readLayers(image, layers);
      times.push(performance.now() - start);
      for (const [layer, grid] of keys) {
        const tap = LAYER_TAPS[layer];
        const map = maps.get(layer) as Float32Array;
        (pooled.get(`${layer}@${grid}`) as Float32Array[])[i + offset] = averagePoolToGrid(
          map,
          tap.size,
          tap.channels,
          grid,
        );
      }
    }
    tf.dispose([input, mirrored]);
    if ((i + 1) % 200 === 0) log(`  ${i + 1} / ${photos.length}`);
  }
  embedder.dispose();

  mkdirSync(cacheDir, { recursive: true });
  for (const [layer, grid] of keys) {
    const vectors = pooled.get(`${layer}@${grid}`) as Float32Array[];
    const dim = (vectors[0] as Float32Array).length;
    const joined = new Float32Array(count * dim);
    vectors.forEach((vector, i) => joined.set(vector, i * dim));
    writeFileSync(cacheFile(layer, grid, cacheDir), new Uint8Array(joined.buffer));
  }
  times.sort((a, b) => a - b);
  return { pooled, msPerImage: times[Math.floor(times.length / 2)] ?? null };
}
