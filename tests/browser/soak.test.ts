// The short soak (30 seconds after a 10-second warm-up; `npm run soak` runs the 10-minute one):
// with head control on and the game played throughout, tf.memory() tensors stay flat, the JS
// heap grows under 5 MB after the warm-up and nothing is logged as an error. The frame rate is
// printed, not checked: it measures the machine as much as the game (a busy spell of a 2-core
// machine halves it), so it belongs to `npm run bench` and `npm run soak`, not to a test.
import { describe, expect, inject, it } from 'vitest';
import { formatFigures, runSoak } from './support/soak';

describe('short soak', () => {
  it('half a minute with head control on: tensors flat, heap steady, no errors', async () => {
    const figures = await runSoak(inject('gameUrl'), { minutes: 0.5, warmupSeconds: 10 });
    console.log(formatFigures(figures));
    expect(figures.consoleErrors).toEqual([]);
    expect(figures.tensorsAtEnd).toBeLessThanOrEqual(figures.tensorsAfterWarmup);
    expect(figures.heapGrowthMB).toBeLessThan(5);
    expect(figures.predictionsPerSecond).toBeGreaterThan(0);
  }, 240_000);
});
