/**
 * Threaded wasm for the engine, where the page asks for it (`?headThreads=N`,
 * link/wasmThreads.ts) and this realm is cross-origin isolated (SharedArrayBuffer, which
 * the threads share their memory through, exists only there); elsewhere the plain SIMD
 * backend. Off by default: measured on this project's 2-core machines, a full frame took as
 * long or longer with 2 threads (docs/performance.md, "Threaded wasm"); a phone with 4 or more
 * fast cores may differ, and the address lets it be measured there.
 *
 * tfjs-backend-wasm caps the pool at half of navigator.hardwareConcurrency (it takes two
 * logical cores for one physical core), at most 4: on a 2-core machine the threaded backend
 * runs with a pool of 1. The build makes the threaded backend startable from the minified
 * bundle (build/threadedWasm.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

let asked: number | null = null;

/**
 * Ask for threads before the wasm backend first starts. Once per realm: the backend's module
 * is chosen when it starts and cannot change after.
 */
export function askForWasmThreads(wanted: number): void {
  if (asked !== null) return;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  asked = isolated && wanted > 1 ? Math.floor(wanted) : 1;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', asked > 1);
  if (asked > 1) setThreadsCount(asked);
}

/**
 * The threaded backend's pool size, or null where the plain backend runs (no threads asked,
 * not isolated, no SIMD: the threaded build needs it) or another backend does.
 */
export function wasmThreadsInUse(): number | null {
  if (tf.getBackend() !== 'wasm') return null;
  try {
    const threaded =
      tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') && tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
    return threaded ? getThreadsCount() : null;
  } catch {
    return null;
  }
}
