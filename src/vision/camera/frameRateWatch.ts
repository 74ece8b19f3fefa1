/**
 * Feeds the rate governor the game's own animation frames (the game draws on them) and hands
 * its answer, the least time between two predictions, to whoever sends frames.
 */
import type { Cancellable } from './framePump';
import type { RateGovernor } from './rateGovernor';

export function watchGameFrames(
  governor: RateGovernor,
  setMinIntervalMs: (ms: number) => void,
): Cancellable {
  let cancelled = false;
  let handle = 0;
  const watch = (now: number): void => {
    if (cancelled) return;
    governor.frame(now);
    setMinIntervalMs(governor.minIntervalMs);
    handle = requestAnimationFrame(watch);
  };
  handle = requestAnimationFrame(watch);
  return {
    cancel: () => {
      cancelled = true;
      cancelAnimationFrame(handle);
    },
  };
}
