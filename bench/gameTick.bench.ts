// How long one 60 Hz tick of the rules takes: the whole game must fit in a sliver of a frame.
import { bench, describe } from 'vitest';
import type { Direction } from '../src/game/direction';
import { GameWorld } from '../src/game/world';

const TURNS: readonly Direction[] = ['up', 'left', 'down', 'right'];

describe('game rules', () => {
  bench(
    'one minute of play (3,600 ticks, a new turn every second)',
    () => {
      const world = new GameWorld({ seed: 1 });
      for (let tick = 0; tick < 3600; tick++) {
        world.step(TURNS[Math.floor(tick / 60) % TURNS.length] ?? null);
      }
    },
    { iterations: 20 },
  );
});
