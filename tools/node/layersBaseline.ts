/**
 * The webcam Pac-Man demo's method, rebuilt as a baseline (our own code): the Keras MobileNet
 * v1 0.25 layers model cut at conv_pw_13_relu (a 7x7x256 map), then a small dense head trained
 * on the player's shots: flatten -> dense 100 relu -> dense softmax, Adam 1e-4, batch = 0.4 of
 * the samples, 20 epochs (the demo's defaults).
 *
 * The maps of every photo are computed once and cached in /tmp like embeddingCache.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { sharedDir } from '../../build/sharedDir';
import { frameToModelInput } from '../../src/vision/engine/features/modelInput';
import { readImage } from './images';
import { modelFromDisk } from './modelFromDisk';

export const SHARED_LAYERS_DIR = join(sharedDir(), 'models/mobilenet_v1_025_224_layers');
export const CUT_LAYER = 'conv_pw_13_relu';
export const MAP_SHAPE = [7, 7, 256] as const;
export const MAP_LENGTH = 7 * 7 * 256;

/** The demo's defaults. */
export const DEMO_TRAINING = {
  learningRate: 1e-4,
  batchFraction: 0.4,
  epochs: 20,
  hiddenUnits: 100,
} as const;

/** A tfjs IOHandler reading a layers model (model.json + shards) from a folder. */
export function layersModelFromDisk(folder: string = SHARED_LAYERS_DIR): tf.io.IOHandler {
  // The same reader as the graph model's: model.json's topology plus its shards, joined.
  return modelFromDisk(folder);
}

/** MobileNet (layers) truncated at conv_pw_13_relu, as the demo built it. */
export async function loadTruncatedMobileNet(
  folder: string = SHARED_LAYERS_DIR,
): Promise<tfl.LayersModel> {
  const mobilenet = await tfl.loadLayersModel(layersModelFromDisk(folder));
  const layer = mobilenet.getLayer(CUT_LAYER);
  return tfl.model({ inputs: mobilenet.inputs, outputs: layer.output as tfl.SymbolicTensor });
}

/**
 * The conv_pw_13 maps of images (and of their mirror images, unused by the demo but cheap to
 * keep the same indexing as embeddingCache): maps[i] for image i. The demo fed the Keras model
 * pixels scaled to [-1, 1]; the framing is the project's centre square.
 */
export async function demoMapsOf(
  paths: readonly string[],
  cacheDir: string,
  log: (line: string) => void,
  /** The camera frame of a photo (default: the photo as stored); the caller's to dispose. */
  frameOf: (path: string) => tf.Tensor3D = readImage,
): Promise<{ maps: Float32Array[]; msPerImage: number | null }> {
  const file = join(cacheDir, `layers-${CUT_LAYER}.f32`);
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    if (floats.length === paths.length * MAP_LENGTH) {
      const maps = paths.map((_, i) => floats.slice(i * MAP_LENGTH, (i + 1) * MAP_LENGTH));
      return { maps, msPerImage: null };
    }
  }
  log(`computing ${CUT_LAYER} of ${paths.length} photos with the layers model (cache: ${file})`);
  const truncated = await loadTruncatedMobileNet();
  const joined = new Float32Array(paths.length * MAP_LENGTH);
  const times: number[] = [];
  for (let i = 0; i < paths.length; i++) {
    const frame = frameOf(paths[i] as string);
    const start = performance.now();
    const map = tf.tidy(() => {
      const input = tf.sub(tf.mul(frameToModelInput(frame), 2), 1);
      return truncated.predict(tf.expandDims(input, 0)) as tf.Tensor;
    });
    joined.set(await map.data<'float32'>(), i * MAP_LENGTH);
    times.push(performance.now() - start);
    tf.dispose([frame, map]);
    if ((i + 1) % 200 === 0) log(`  ${i + 1} / ${paths.length}`);
  }
  truncated.dispose();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, new Uint8Array(joined.buffer));
  times.sort((a, b) => a - b);
  const maps = paths.map((_, i) => joined.slice(i * MAP_LENGTH, (i + 1) * MAP_LENGTH));
  return { maps, msPerImage: times[Math.floor(times.length / 2)] ?? null };
}

/** The demo's dense head, initialised from `seed`. */
export function demoHead(classes: number, seed: number): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.flatten({ inputShape: [...MAP_SHAPE] }),
      tfl.layers.dense({
        units: DEMO_TRAINING.hiddenUnits,
        activation: 'relu',
        kernelInitializer: tfl.initializers.varianceScaling({
          scale: 1,
          mode: 'fanIn',
          distribution: 'uniform',
          seed,
        }),
        useBias: true,
      }),
      tfl.layers.dense({
        units: classes,
        kernelInitializer: tfl.initializers.varianceScaling({
          scale: 1,
          mode: 'fanIn',
          distribution: 'uniform',
          seed: seed + 1,
        }),
        useBias: false,
        activation: 'softmax',
      }),
    ],
  });
}

/** Train the head on (map, class) pairs as the demo did; returns the model and ms spent. */
export async function trainDemoHead(
  maps: readonly Float32Array[],
  classes: readonly number[],
  classCount: number,
  seed: number,
): Promise<{ head: tfl.Sequential; trainMs: number }> {
  const head = demoHead(classCount, seed);
  const optimizer = tf.train.adam(DEMO_TRAINING.learningRate);
  head.compile({
    optimizer,
    loss: 'categoricalCrossentropy',
  });
  const xs = tf.tensor4d(concat(maps), [maps.length, ...MAP_SHAPE]);
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d([...classes], 'int32'), classCount));
  const batchSize = Math.max(1, Math.floor(maps.length * DEMO_TRAINING.batchFraction));
  const start = performance.now();
  await head.fit(xs, ys, { batchSize, epochs: DEMO_TRAINING.epochs, shuffle: true, verbose: 0 });
  const trainMs = performance.now() - start;
  tf.dispose([xs, ys]);
  // model.dispose() leaves the optimizer's moments (2 x 1.25M floats) behind.
  optimizer.dispose();
  return { head, trainMs };
}

/** Class index predicted for each map. */
export async function predictClasses(
  head: tfl.Sequential,
  maps: readonly Float32Array[],
): Promise<number[]> {
  const xs = tf.tensor4d(concat(maps), [maps.length, ...MAP_SHAPE]);
  const best = tf.tidy(() => tf.argMax(head.predict(xs) as tf.Tensor, 1));
  const values = Array.from(await best.data());
  tf.dispose([xs, best]);
  return values;
}

function concat(maps: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(maps.length * MAP_LENGTH);
  maps.forEach((map, i) => out.set(map, i * MAP_LENGTH));
  return out;
}
