/** The read-only window on a GameWorld that scenes, the HUD and tests read. */
import { fruitShelf } from './fruit';
import type { GameView } from './types';
import type { GameWorld } from './world';

export function createView(world: GameWorld): GameView {
  return {
    maze: world.maze,
    get tick() { return world.tick; },
    get phase() { return world.phase; },
    get phaseTicks() { return world.phaseTicks; },
    get score() { return world.score.points; },
    get lives() { return world.lives; },
    get level() { return world.level; },
    hero: world.hero,
    ghosts: world.ghosts,
    get fruit() { return world.fruit.shown; },
    get fruitShelf() { return fruitShelf(world.level); },
    hasDot: (tx, ty) => world.pellets.at(tx, ty) === 'dot',
    hasEnergizer: (tx, ty) => world.pellets.at(tx, ty) === 'energizer',
    get dotsLeft() { return world.pellets.count; },
    get requestedDirection() { return world.requested; },
  }; // prettier-ignore
}
