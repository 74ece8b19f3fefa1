/**
 * `?engineSlowerBy=4` in the page address: the inference engine behaves as on a device that
 * many times slower. For the bench and the in-play trial only: Chromium's CPU throttling (the
 * DevTools "4x slowdown" they use for a phone) slows the page's thread but refuses workers, so
 * without this the engine of a "4x" run kept the machine's full speed, the kindest phone there
 * is (bench/browser/throttle.ts). The engine follows each message's work with a spin of
 * (n - 1) times its length before it answers (inferenceEngine.ts), so the core stays busy as
 * long as a slower one would be.
 */
import { numberInAddress } from './addressNumber';

/** The most a page address may ask for: beyond it a test would only wait. */
export const MOST_SLOWER_BY = 16;

/** How many times slower the page address asks the engine to behave (1: as it is). */
export function engineSlowerBy(pageUrl: string): number {
  const factor = numberInAddress(pageUrl, 'engineSlowerBy');
  if (factor === null || factor <= 1) return 1;
  return Math.min(factor, MOST_SLOWER_BY);
}
