// Scenario helpers: build a world in a chosen position without playing up to it.
import type { Direction } from '../../../src/game/direction';
import { centreOf } from '../../../src/game/geometry';
import type { GameWorldOptions } from '../../../src/game/world';
import { GameWorld } from '../../../src/game/world';
import type { Ghost } from '../../../src/game/ghost';
import type { GameEvent, GhostName } from '../../../src/game/types';

/** A world past its "ready" pause. */
export function playingWorld(options: GameWorldOptions = {}): GameWorld {
  const world = new GameWorld(options);
  while (world.phase !== 'playing') world.step(null);
  return world;
}

/** Shuts every ghost in the house for good, so scenarios about the hero stay undisturbed. */
export function parkGhosts(world: GameWorld): void {
  for (const ghost of world.ghosts) {
    ghost.reset();
    ghost.state = 'home';
    ghost.x = 112;
    ghost.y = 116;
  }
  // Lock the door: this house never lets anyone out.
  world.house.tick = () => null;
  world.house.dotEaten = () => null;
}

export function placeHero(world: GameWorld, tx: number, ty: number, direction: Direction): void {
  world.hero.x = centreOf(tx);
  world.hero.y = centreOf(ty);
  world.hero.direction = direction;
  world.hero.budget = 0;
  world.hero.pause = 0;
}

/** Steps n ticks and returns all events, in order. */
export function run(
  world: GameWorld,
  ticks: number,
  requested: Direction | null = null,
): GameEvent[] {
  const events: GameEvent[] = [];
  for (let i = 0; i < ticks; i++) events.push(...world.step(requested));
  return events;
}

/** Steps until an event of the type appears (or the limit passes); returns ticks taken. */
export function runUntil(
  world: GameWorld,
  type: GameEvent['type'],
  limit = 10_000,
  requested: Direction | null = null,
): number {
  for (let i = 1; i <= limit; i++) {
    if (world.step(requested).some((e) => e.type === type)) return i;
  }
  throw new Error(`no ${type} within ${limit} ticks`);
}

/** Puts a ghost out in the maze, roaming. */
export function placeGhost(
  world: GameWorld,
  name: GhostName,
  x: number,
  y: number,
  direction: Direction,
): Ghost {
  const ghost = world.ghost(name);
  ghost.state = 'roaming';
  ghost.x = x;
  ghost.y = y;
  ghost.direction = direction;
  ghost.budget = 0;
  return ghost;
}

/** The hero one pixel short of the energizer at (1,23), walking into it. */
export function heroBesideEnergizer(world: GameWorld): void {
  placeHero(world, 2, 23, 'left');
  world.hero.x = 16;
}
