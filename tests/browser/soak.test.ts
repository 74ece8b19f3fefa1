// The short soak (1 minute; `npm run soak` runs the 10-minute one): with head control on and
// the game played throughout, tf.memory() tensors stay flat, the JS heap grows under 5 MB after
// the warm-up, nothing is logged as an error and the game keeps its frame rate.
import { describe, expect, inject, it } from 'vitest';
import { formatFigures, runSoak } from './support/soak';

describe('short soak', () => {
  it('one minute with head control on: tensors flat, heap steady, no errors, frame rate kept', async () => {
    const figures = await runSoak(inject('gameUrl'), { minutes: 1, warmupSeconds: 20 });
    console.log(formatFigures(figures));
    expect(figures.consoleErrors).toEqual([]);
    expect(figures.tensorsAtEnd).toBeLessThanOrEqual(figures.tensorsAfterWarmup);
    expect(figures.heapGrowthMB).toBeLessThan(5);
    expect(figures.predictionsPerSecond).toBeGreaterThan(0);
    expect(figures.fpsAtEnd).toBeGreaterThan(Math.min(50, figures.fpsAfterWarmup * 0.8));
  }, 240_000);
});
