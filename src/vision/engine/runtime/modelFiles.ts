/**
 * The model files the engine starts from: fetched through the Cache Storage (modelCache.ts)
 * from the first location that answers, and checked against their own manifest before any
 * backend sees them, so that a damaged file is named as such and never kept.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelLocation } from '../../link/modelSource';
import { describeError } from './errorText';
import { createCachedFetch, forgetModelCache, type CachedFetch } from './modelCache';

export interface LoadedModel {
  readonly artifacts: tf.io.ModelArtifacts;
  readonly location: ModelLocation;
  readonly files: { readonly fromCache: number; readonly fromNetwork: number };
}

async function loadArtifacts(location: ModelLocation, fetchFunc: CachedFetch) {
  const handler = tf.io.http(location.url, { fetchFunc });
  if (handler.load === undefined) throw new Error('tfjs http handler cannot load');
  const artifacts = await handler.load();
  const problem = weightsProblem(artifacts);
  if (problem !== null) throw new Error(problem);
  return artifacts;
}

const BYTES_PER_VALUE: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/**
 * Why loaded model files cannot be the model their manifest describes (no graph, weights of
 * another size: a truncated or corrupted shard, a manifest that does not match), else null.
 * tfjs itself would only notice later, deep in graph building, with a less useful message.
 */
export function weightsProblem(artifacts: tf.io.ModelArtifacts): string | null {
  if (typeof artifacts.modelTopology !== 'object' || artifacts.modelTopology === null) {
    return 'model.json has no model topology';
  }
  const specs = artifacts.weightSpecs;
  if (!Array.isArray(specs) || specs.length === 0) return 'model.json lists no weights';
  let expected = 0;
  for (const spec of specs) {
    const dtype = spec.quantization?.dtype ?? spec.dtype;
    const bytes = BYTES_PER_VALUE[dtype];
    const values = spec.shape.reduce((product, size) => product * size, 1);
    if (bytes === undefined || !Number.isSafeInteger(values) || values < 0) {
      return `model.json describes the weight ${spec.name} in a way this game cannot read`;
    }
    expected += values * bytes;
  }
  const data = artifacts.weightData;
  const buffers = data === undefined ? [] : Array.isArray(data) ? data : [data];
  const actual = buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
  if (actual !== expected) {
    return `the weights shard does not match model.json (truncated or corrupted: ${actual} bytes, expected ${expected})`;
  }
  return null;
}

/**
 * The model's files from the first location that answers. A load from cached files that fails
 * drops the cache and tries that location once more from the network.
 */
export async function loadModelFiles(locations: readonly ModelLocation[]): Promise<LoadedModel> {
  const problems: string[] = [];
  for (const location of locations) {
    for (let attempt = 0; attempt < 2; attempt++) {
      const fetchFunc = createCachedFetch();
      try {
        const artifacts = await loadArtifacts(location, fetchFunc);
        return { artifacts, location, files: { ...fetchFunc.stats } };
      } catch (error) {
        // Never keep files that did not make a model: a retry must fetch them afresh.
        await forgetModelCache();
        if (attempt === 0 && fetchFunc.stats.fromCache > 0) continue;
        const where = location.kind === 'local' ? 'this site' : new URL(location.url).host;
        problems.push(`from ${where}: ${describeError(error)}`);
        break;
      }
    }
  }
  throw new Error(problems.join('; '));
}
