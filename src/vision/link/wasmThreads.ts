/**
 * `?headThreads=N` in the page address: the engine's wasm backend asks for N threads (1:
 * none), for measuring threaded wasm on a device (engine/runtime/wasmThreadPool.ts says why
 * it is off by default). The page never runs threads on its own thread, where a helper
 * thread's wait would stall the game: only the worker's engine gets them.
 */
import { numberInAddress } from './addressNumber';

/** The most a page address may ask for (tfjs-backend-wasm's own pool stops at 4). */
export const MOST_THREADS = 8;

/** Threads the page address asks for: 1 when it names none, or nonsense. */
export function wasmThreadsWanted(pageUrl: string): number {
  const count = numberInAddress(pageUrl, 'headThreads');
  if (count === null || !Number.isInteger(count) || count < 1) return 1;
  return Math.min(count, MOST_THREADS);
}
