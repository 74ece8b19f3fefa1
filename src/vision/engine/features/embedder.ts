/**
 * The embedder: MobileNet v1 alpha 0.25 (TF-Hub classification graph, ImageNet weights) turns a
 * framed 224x224 input into the feature vector the pose classifier compares.
 *
 * The weights are never fetched from the internet here: the caller passes where they are, a
 * URL of model.json (browser, self-hosted) or a tfjs IOHandler (Node tests read the files).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import * as mobilenet from '@tensorflow-models/mobilenet';
import {
  LAYER_TAPS,
  averagePoolToGrid,
  combineParts,
  type FeatureRecipe,
  type LayerName,
} from './features';
import { MODEL_INPUT_SIZE } from './framing';
import { mirrorModelInput } from './modelInput';

export interface PoseEmbedder {
  readonly recipe: FeatureRecipe;
  /** Framed input [224,224,3] in [0,1] -> the recipe's feature vector. The input is not disposed. */
  embed(input: tf.Tensor3D): Promise<Float32Array>;
  /**
   * A calibration shot: the vector of the input and of its left/right mirror image (which
   * shows the mirrored pose; see poseSamples.ts). Twice the cost of `embed`.
   */
  embedWithMirrorImage(
    input: tf.Tensor3D,
  ): Promise<{ features: Float32Array; mirrored: Float32Array }>;
  /**
   * The raw activation maps of some layers (height x width x channels, channels last).
   * For measuring recipes; play uses `embed`.
   */
  readLayers(
    input: tf.Tensor3D,
    layers: readonly LayerName[],
  ): Promise<Map<LayerName, Float32Array>>;
  /** ImageNet's top classes for a framed input: proves the weights are the real ones. */
  classifyImageNet(
    input: tf.Tensor3D,
    top: number,
  ): Promise<Array<{ className: string; probability: number }>>;
  dispose(): void;
}

/** The package hides its graph model; we need it to read intermediate layers. */
function graphModelOf(net: mobilenet.MobileNet): GraphModel {
  const model: unknown = (net as unknown as { model?: unknown }).model;
  if (model === null || typeof model !== 'object' || !('execute' in model)) {
    throw new Error('@tensorflow-models/mobilenet no longer exposes its graph model');
  }
  return model as GraphModel;
}

export async function loadPoseEmbedder(
  modelUrl: string | tf.io.IOHandler,
  recipe: FeatureRecipe,
): Promise<PoseEmbedder> {
  // With a modelUrl the package forgets this graph's input range; [0, 1] is what it expects.
  const net = await mobilenet.load({ version: 1, alpha: 0.25, modelUrl, inputRange: [0, 1] });
  const graph = graphModelOf(net);

  async function readLayers(
    input: tf.Tensor3D,
    layers: readonly LayerName[],
  ): Promise<Map<LayerName, Float32Array>> {
    if (input.shape[0] !== MODEL_INPUT_SIZE || input.shape[1] !== MODEL_INPUT_SIZE) {
      throw new Error(`embedder expects a framed ${MODEL_INPUT_SIZE}x${MODEL_INPUT_SIZE} input`);
    }
    const nodes = layers.map((layer) => LAYER_TAPS[layer].node);
    // tidy frees the batched copy and every intermediate activation of the graph; only the
    // requested maps survive it, and they are disposed right after being read.
    const maps = tf.tidy(() => {
      const out = graph.execute(tf.expandDims(input, 0), nodes);
      return Array.isArray(out) ? out : [out];
    });
    try {
      const values = await Promise.all(maps.map((map) => map.data<'float32'>()));
      return new Map(layers.map((layer, i) => [layer, values[i] as Float32Array]));
    } finally {
      for (const map of maps) map.dispose();
    }
  }

  const recipeLayers = [...new Set(recipe.parts.map((part) => part.layer))];

  async function embed(input: tf.Tensor3D): Promise<Float32Array> {
    const maps = await readLayers(input, recipeLayers);
    const pooled = recipe.parts.map((part) => {
      const tap = LAYER_TAPS[part.layer];
      return averagePoolToGrid(
        maps.get(part.layer) as Float32Array,
        tap.size,
        tap.channels,
        part.grid,
      );
    });
    return combineParts(recipe, pooled);
  }

  return {
    recipe,
    readLayers,
    embed,
    async embedWithMirrorImage(input) {
      const mirroredInput = mirrorModelInput(input);
      try {
        return { features: await embed(input), mirrored: await embed(mirroredInput) };
      } finally {
        mirroredInput.dispose();
      }
    },
    async classifyImageNet(input, top) {
      // The package's classify wants 0..255 pixels and divides by 255 itself.
      const pixels = tf.mul(input, 255) as tf.Tensor3D;
      try {
        return await net.classify(pixels, top);
      } finally {
        pixels.dispose();
      }
    },
    dispose() {
      graph.dispose();
    },
  };
}
