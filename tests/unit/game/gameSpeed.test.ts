// Game speed slows the clock that feeds the rules, never the rules: a seeded game played by
// the bot at 100 %, 80 % and 60 % is the same game tick for tick, spread over more frames.
import { describe, expect, it } from 'vitest';
import { GAME_SPEEDS, isGameSpeed, speedFactor, type GameSpeed } from '../../../src/game/gameSpeed';
import type { GameEvent } from '../../../src/game/types';
import { GameWorld } from '../../../src/game/world';
import { FixedStep } from '../../../src/ui/fixedStep';
import { botDirection } from './bot';

const FRAME_MS = 1000 / 60;

interface Outcome {
  score: number;
  ticks: number;
  phase: string;
  lives: number;
  trace: number;
}

/** Level 1 played by the bot on a 60 Hz screen, the rules fed by a clock at `speed`. */
function playLevelOne(seed: number, speed: GameSpeed): { outcome: Outcome; frames: number } {
  const world = new GameWorld({ seed });
  const clock = new FixedStep(FRAME_MS, 5, speed);
  let trace = 0;
  const mix = (n: number) => (trace = (Math.imul(trace, 31) + n) | 0);
  let frames = 0;
  let over = false;
  while (!over && frames < 60 * 60 * 20) {
    frames++;
    const steps = clock.advance(FRAME_MS);
    for (let i = 0; i < steps && !over; i++) {
      const events: readonly GameEvent[] = world.step(botDirection(world));
      over = events.some((e) => e.type === 'levelCleared') || world.phase === 'gameOver';
      mix(world.hero.x * 256 + world.hero.y);
      for (const ghost of world.ghosts) mix(ghost.x * 256 + ghost.y);
    }
  }
  const view = world.view;
  return {
    outcome: {
      score: view.score,
      ticks: view.tick,
      phase: view.phase,
      lives: view.lives,
      trace,
    },
    frames,
  };
}

describe('game speed', () => {
  it('offers 100, 80 and 60 % and refuses anything else', () => {
    expect(GAME_SPEEDS).toEqual([100, 80, 60]);
    for (const speed of GAME_SPEEDS) expect(isGameSpeed(speed)).toBe(true);
    for (const bad of [0, 50, 61, '60', null, undefined, Number.NaN, 100.5]) {
      expect(isGameSpeed(bad)).toBe(false);
    }
    expect(speedFactor(60)).toBeCloseTo(0.6);
  });

  it('replays the same seeded game at every speed, in more frames the slower it runs', () => {
    const normal = playLevelOne(2024, 100);
    expect(normal.outcome.phase).toBe('levelClear');
    expect(normal.frames).toBeGreaterThan(2000);
    expect(Math.abs(normal.frames - normal.outcome.ticks)).toBeLessThanOrEqual(1);
    for (const speed of [80, 60] as const) {
      const slower = playLevelOne(2024, speed);
      expect(slower.outcome, `${speed} %`).toEqual(normal.outcome);
      // Ticks per frame is the speed: 60 % needs 1/0.6 as many frames for the same ticks.
      const expected = normal.outcome.ticks / speedFactor(speed);
      expect(Math.abs(slower.frames - expected), `${speed} % frames`).toBeLessThanOrEqual(2);
    }
  });
});
