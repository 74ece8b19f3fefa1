/**
 * Where the milliseconds of one prediction go, measured in Node with the game's own code:
 * the tensor conversion of framed pixels (modelInput.ts), MobileNet up to Conv2d_13 plus the
 * read-back (embedder.ts), the 2x2 pooling (features.ts) and the knn over a calibration of
 * 53 shots + mirror images (poseClassifier.ts). The browser adds the frame's transfer to the
 * worker, drawing it into the 224x224 canvas and getImageData.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadPoseEmbedder } from '../src/vision/engine/embedder';
import { LAYER_TAPS, averagePoolToGrid } from '../src/vision/engine/features';
import { MODEL_INPUT_SIZE } from '../src/vision/engine/framing';
import { pixelsToModelInput } from '../src/vision/engine/modelInput';
import { PoseClassifier } from '../src/vision/engine/poseClassifier';
import { perPose } from '../src/vision/poses';
import { FEATURE_RECIPE, KNN_K } from '../src/vision/engine/recipe';
import { modelFromDisk } from '../tools/node/modelFromDisk';
import { useWasmBackend } from '../tools/node/wasmBackend';
import { p50, p95 } from './stats';

export interface PredictionProfile {
  backend: string;
  steps: Array<{ step: string; p50: number; p95: number }>;
}

export async function profilePrediction(runs = 40): Promise<PredictionProfile> {
  await useWasmBackend();
  const embedder = await loadPoseEmbedder(modelFromDisk(), FEATURE_RECIPE);
  const classifier = new PoseClassifier(KNN_K);
  const random = (): Float32Array => Float32Array.from({ length: 1024 }, () => Math.random());
  classifier.importSamples(
    perPose(() => Array.from({ length: 11 }, () => ({ features: random(), mirrored: random() }))),
  );
  const pixels = {
    data: new Uint8ClampedArray(MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 4).map((_, i) => i % 251),
    width: MODEL_INPUT_SIZE,
    height: MODEL_INPUT_SIZE,
  };
  const times: Record<string, number[]> = {
    'pixels -> input tensor (modelInput.ts)': [],
    'MobileNet to Conv2d_13 + read back (embedder.ts)': [],
    '2x2 average pool (features.ts)': [],
    'knn over 110 shots (poseClassifier.ts)': [],
    'whole prediction': [],
  };
  const tap = LAYER_TAPS.conv13;
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const input = pixelsToModelInput(pixels);
    const t1 = performance.now();
    const maps = await embedder.readLayers(input, ['conv13']);
    const t2 = performance.now();
    const features = averagePoolToGrid(
      maps.get('conv13') as Float32Array,
      tap.size,
      tap.channels,
      2,
    );
    const t3 = performance.now();
    await classifier.predict(features);
    const t4 = performance.now();
    input.dispose();
    if (i < 3) continue;
    const add = (key: string, ms: number): void => void times[key]?.push(ms);
    add('pixels -> input tensor (modelInput.ts)', t1 - t0);
    add('MobileNet to Conv2d_13 + read back (embedder.ts)', t2 - t1);
    add('2x2 average pool (features.ts)', t3 - t2);
    add('knn over 110 shots (poseClassifier.ts)', t4 - t3);
    add('whole prediction', t4 - t0);
  }
  embedder.dispose();
  classifier.dispose();
  return {
    backend: tf.getBackend(),
    steps: Object.entries(times).map(([step, values]) => ({
      step,
      p50: p50(values),
      p95: p95(values),
    })),
  };
}
