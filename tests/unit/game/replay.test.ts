import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../../src/game/types';
import { GameWorld } from '../../../src/game/world';
import { botDirection } from './bot';

interface Outcome {
  score: number;
  ticks: number;
  level: number;
  phase: string;
  lives: number;
  trace: number;
}

/** Plays a fresh world with the bot until level 1 is cleared or the game is over. */
function playLevelOne(seed: number): Outcome {
  const world = new GameWorld({ seed });
  let cleared = false;
  // A rolling fingerprint of everything that happened, to compare runs tick for tick.
  let trace = 0;
  const mix = (n: number) => (trace = (Math.imul(trace, 31) + n) | 0);
  for (let t = 0; t < 60 * 60 * 10 && !cleared && world.phase !== 'gameOver'; t++) {
    const events: readonly GameEvent[] = world.step(botDirection(world));
    cleared = events.some((e) => e.type === 'levelCleared');
    mix(world.hero.x * 256 + world.hero.y);
    for (const ghost of world.ghosts) mix(ghost.x * 256 + ghost.y);
  }
  return {
    score: world.view.score,
    ticks: world.view.tick,
    level: world.view.level,
    phase: world.view.phase,
    lives: world.view.lives,
    trace,
  };
}

describe('a seeded replay of a whole level', () => {
  it('plays the same way twice and clears level 1', () => {
    const first = playLevelOne(2024);
    const second = playLevelOne(2024);
    expect(second).toEqual(first);
    expect(first.phase).toBe('levelClear');
    expect(first.level).toBe(1);
    expect(first.lives).toBeGreaterThan(0);
    expect(first.score).toBeGreaterThanOrEqual(240 * 10 + 4 * 50);
    expect(first.ticks).toBeGreaterThan(2000);
  });

  it('depends on the seed (frightened turns and fruit time)', () => {
    expect(playLevelOne(7).trace).not.toBe(playLevelOne(8).trace);
  });
});
