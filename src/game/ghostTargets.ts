/**
 * Where each ghost aims, in maze tiles. The maze starts 3 rows below the arcade screen's top,
 * so the two upper scatter corners lie above the maze (row -3), out of reach on purpose: the
 * ghost circles the block nearest to it.
 */
import type { Direction } from './direction';
import { vectorOf } from './direction';
import type { Tile } from './geometry';
import { squaredDistance } from './geometry';
import type { GhostName } from './types';

export const SCATTER_CORNERS: Readonly<Record<GhostName, Tile>> = {
  blinky: { tx: 25, ty: -3 },
  pinky: { tx: 2, ty: -3 },
  inky: { tx: 27, ty: 32 },
  clyde: { tx: 0, ty: 32 },
};

/** Eyes aim at the tile just above the left half of the door, then go in. */
export const HOUSE_ENTRANCE: Tile = { tx: 13, ty: 11 };

export interface HeroPose {
  readonly tile: Tile;
  readonly direction: Direction;
}

/**
 * The tile `tiles` ahead of the hero. Facing up, the arcade's offset arithmetic overflows into
 * the x byte, so the point is also `tiles` to the left: the famous up-quirk.
 */
export function aheadOfHero(hero: HeroPose, tiles: number): Tile {
  const v = vectorOf(hero.direction);
  const quirk = hero.direction === 'up' ? -tiles : 0;
  return { tx: hero.tile.tx + v.x * tiles + quirk, ty: hero.tile.ty + v.y * tiles };
}

/**
 * Chase targets: blinky goes for the hero, pinky ambushes 4 tiles ahead, inky doubles the
 * vector from blinky to the point 2 tiles ahead, clyde chases until within 8 tiles, then
 * retreats to his corner.
 */
export function chaseTarget(ghost: GhostName, ghostTile: Tile, hero: HeroPose, blinky: Tile): Tile {
  switch (ghost) {
    case 'blinky':
      return hero.tile;
    case 'pinky':
      return aheadOfHero(hero, 4);
    case 'inky': {
      const pivot = aheadOfHero(hero, 2);
      return { tx: 2 * pivot.tx - blinky.tx, ty: 2 * pivot.ty - blinky.ty };
    }
    case 'clyde':
      return squaredDistance(ghostTile, hero.tile) >= 64 ? hero.tile : SCATTER_CORNERS.clyde;
  }
}
