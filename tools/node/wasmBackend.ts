/**
 * Start the tfjs wasm backend in Node from the package's own .wasm files (no network).
 * Node has no tfjs-node here (its install downloads a binary), and plain-JS cpu is ~10x slower.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);

export async function useWasmBackend(): Promise<void> {
  if (tf.getBackend() === 'wasm') return;
  const distDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  // The trailing separator matters: tfjs appends the file names to this prefix.
  setWasmPaths(join(distDir, '/'));
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend did not start');
  await tf.ready();
}
