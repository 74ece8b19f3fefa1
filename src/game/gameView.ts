/** The read-only window on a GameWorld that scenes, the HUD and tests read. */
import { fruitShelf } from './fruit';
import type { Pellets } from './pellets';
import type { GameView } from './types';

/**
 * What the window reads of the world: GameWorld (world.ts) has all of it. Said here, not
 * imported from world.ts, which builds its view with createView: no circle between the two.
 */
export interface ViewedWorld {
  readonly maze: GameView['maze'];
  readonly tick: number;
  readonly phase: GameView['phase'];
  readonly phaseTicks: number;
  readonly score: { readonly points: number };
  readonly lives: number;
  readonly level: number;
  readonly hero: GameView['hero'];
  readonly ghosts: GameView['ghosts'];
  readonly fruit: { readonly shown: GameView['fruit'] };
  readonly pellets: Pick<Pellets, 'at' | 'count'>;
  readonly requested: GameView['requestedDirection'];
}

export function createView(world: ViewedWorld): GameView {
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
