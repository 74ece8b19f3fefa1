/**
 * How a MobileNet activation map becomes the feature vector the pose classifier compares.
 *
 * Pure arithmetic on Float32Arrays, shared by the embedder (play and calibration) and by
 * tools/studies/measure-poses.ts, so the numbers measured there are the numbers of the game.
 *
 * A head turn moves the face's features sideways inside the picture; the 256-d global average
 * throws that position away. Averaging the map over a small grid of cells instead keeps
 * "where in the picture" the face's parts are, which is what head pose is about.
 */

import { unitLength } from '../unitLength';

/** A MobileNet v1 layer we may read, named after the graph node that produces it. */
export interface LayerTap {
  /** The graph node in model.json (TF-Hub mobilenet_v1_025_224 classification). */
  readonly node: string;
  /** Height = width of the map for a 224x224 input. */
  readonly size: number;
  readonly channels: number;
}

const NODE_PREFIX = 'module_apply_default/MobilenetV1/MobilenetV1/';

function pointwise(block: number, size: number, channels: number): LayerTap {
  return { node: `${NODE_PREFIX}Conv2d_${block}_pointwise/Relu6`, size, channels };
}

/** The layers worth reading (alpha 0.25 halves nothing here: these are its real sizes). */
export const LAYER_TAPS = {
  conv5: pointwise(5, 28, 64),
  conv7: pointwise(7, 14, 128),
  conv9: pointwise(9, 14, 128),
  conv11: pointwise(11, 14, 128),
  conv12: pointwise(12, 7, 256),
  conv13: pointwise(13, 7, 256),
} as const satisfies Record<string, LayerTap>;

export type LayerName = keyof typeof LAYER_TAPS;

/** One block of the feature vector: a layer averaged over a grid x grid of cells. */
export interface FeaturePart {
  readonly layer: LayerName;
  readonly grid: number;
}

/**
 * A complete description of the feature vector. Its `id` goes into calibration files: a file
 * recorded with other features cannot be compared with today's and is refused.
 */
export interface FeatureRecipe {
  readonly id: string;
  readonly parts: readonly FeaturePart[];
  /**
   * 'per-part': each part scaled to unit length before concatenation, so a 128-channel layer
   * and a 256-channel layer weigh the same in the cosine similarity. 'none': raw values.
   */
  readonly normalise: 'none' | 'per-part';
}

/** Length of the vector a recipe produces. */
export function featureLength(recipe: FeatureRecipe): number {
  let length = 0;
  for (const part of recipe.parts) {
    length += part.grid * part.grid * LAYER_TAPS[part.layer].channels;
  }
  return length;
}

/**
 * Average a height x width x channels map (row-major, channels last, as tfjs stores NHWC)
 * over grid x grid cells. Cell i spans rows [floor(i*H/g), ceil((i+1)*H/g)): for 7 rows and a
 * 2x2 grid the middle row belongs to both cells, so no row is dropped and the cells are even.
 * Output order: cell row, cell column, channel.
 */
export function averagePoolToGrid(
  map: Float32Array,
  size: number,
  channels: number,
  grid: number,
): Float32Array {
  if (map.length !== size * size * channels) {
    throw new Error(`map has ${map.length} values, expected ${size}x${size}x${channels}`);
  }
  if (!Number.isInteger(grid) || grid < 1 || grid > size) {
    throw new Error(`grid ${grid} does not fit a ${size}x${size} map`);
  }
  const pooled = new Float32Array(grid * grid * channels);
  // Accumulate in float64: the sums of up to 196 float32 values keep their precision.
  const sums = new Float64Array(channels);
  for (let cy = 0; cy < grid; cy++) {
    const y0 = Math.floor((cy * size) / grid);
    const y1 = Math.ceil(((cy + 1) * size) / grid);
    for (let cx = 0; cx < grid; cx++) {
      const x0 = Math.floor((cx * size) / grid);
      const x1 = Math.ceil(((cx + 1) * size) / grid);
      sums.fill(0);
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const base = (y * size + x) * channels;
          for (let c = 0; c < channels; c++) sums[c] = (sums[c] ?? 0) + (map[base + c] ?? 0);
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      const out = (cy * grid + cx) * channels;
      for (let c = 0; c < channels; c++) pooled[out + c] = (sums[c] ?? 0) / count;
    }
  }
  return pooled;
}

/**
 * Join the pooled parts (in the recipe's order) into the one feature vector.
 * `pooledParts[i]` must be the recipe's part i, already averaged to its grid.
 */
export function combineParts(
  recipe: FeatureRecipe,
  pooledParts: readonly Float32Array[],
): Float32Array {
  if (pooledParts.length !== recipe.parts.length) {
    throw new Error(
      `recipe ${recipe.id} has ${recipe.parts.length} parts, got ${pooledParts.length}`,
    );
  }
  const features = new Float32Array(featureLength(recipe));
  let offset = 0;
  recipe.parts.forEach((part, i) => {
    const pooled = pooledParts[i] as Float32Array;
    const expected = part.grid * part.grid * LAYER_TAPS[part.layer].channels;
    if (pooled.length !== expected) {
      throw new Error(
        `part ${part.layer}@${part.grid} has ${pooled.length} values, not ${expected}`,
      );
    }
    features.set(recipe.normalise === 'per-part' ? unitLength(pooled) : pooled, offset);
    offset += expected;
  });
  return features;
}
