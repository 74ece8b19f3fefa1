/**
 * Pick the tfjs backend by measuring, not by name: on a machine without a GPU, webgl runs in
 * software and is ten times slower than wasm; on a real GPU it wins. The caller registers the
 * candidates first (import the backend packages; for wasm, call setWasmPaths).
 */
import * as tf from '@tensorflow/tfjs-core';

export interface BackendChoice {
  readonly backend: string;
  /** Median milliseconds of the warm-up workload per candidate that started. */
  readonly msPerRun: Readonly<Record<string, number>>;
  /** Candidates that failed to start, with why. */
  readonly failed: Readonly<Record<string, string>>;
}

/**
 * A few ms of what MobileNet does most: a depthwise 3x3 and a pointwise 1x1 convolution at a
 * mid-network size. Returns when the result is really computed (data read back).
 */
export async function mobileNetLikeWorkload(): Promise<void> {
  const result = tf.tidy(() => {
    const input = tf.ones([1, 56, 56, 32]) as tf.Tensor4D;
    const depthwise = tf.depthwiseConv2d(input, tf.ones([3, 3, 32, 1]) as tf.Tensor4D, 1, 'same');
    return tf.conv2d(tf.relu6(depthwise), tf.ones([1, 1, 32, 64]) as tf.Tensor4D, 1, 'same');
  });
  await result.data();
  result.dispose();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
}

/**
 * Try each registered candidate: one untimed run (shader compile, wasm start-up), then
 * `timedRuns` timed ones; keep the backend with the smallest median and leave it active.
 */
export async function useFastestBackend(
  candidates: readonly string[],
  workload: () => Promise<void> = mobileNetLikeWorkload,
  timedRuns = 3,
): Promise<BackendChoice> {
  const msPerRun: Record<string, number> = {};
  const failed: Record<string, string> = {};
  for (const name of candidates) {
    try {
      if (!(await tf.setBackend(name))) {
        failed[name] = 'did not initialise';
        continue;
      }
      await workload();
      const times: number[] = [];
      for (let i = 0; i < timedRuns; i++) {
        const start = performance.now();
        await workload();
        times.push(performance.now() - start);
      }
      msPerRun[name] = median(times);
    } catch (error) {
      failed[name] = error instanceof Error ? error.message : String(error);
    }
  }
  const ranked = Object.entries(msPerRun).sort((a, b) => a[1] - b[1]);
  const best = ranked[0]?.[0];
  if (best === undefined) {
    throw new Error(`no tfjs backend started: ${JSON.stringify(failed)}`);
  }
  await tf.setBackend(best);
  return { backend: best, msPerRun, failed };
}
