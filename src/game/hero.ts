/**
 * The hero's movement: whole pixels at a time, a buffered turn request, instant reversal,
 * cornering, and stopping at the centre of a tile that faces a wall.
 */
import type { Direction } from './direction';
import { isHorizontal, opposite, vectorOf } from './direction';
import { centreOf, neighbour, tileOf, wrapX } from './geometry';
import type { Maze } from './maze';
import type { HeroView } from './types';

/** Between tiles (13,23) and (14,23), facing left. */
export const HERO_START = { x: 112, y: 188, direction: 'left' as Direction };

export class Hero implements HeroView {
  x = HERO_START.x;
  y = HERO_START.y;
  direction: Direction = HERO_START.direction;
  moving = true;
  /** Fractional pixels carried over from earlier ticks. */
  budget = 0;
  /** Ticks left to stand still after eating (1 for a dot, 3 for an energizer). */
  pause = 0;

  reset(): void {
    this.x = HERO_START.x;
    this.y = HERO_START.y;
    this.direction = HERO_START.direction;
    this.moving = true;
    this.budget = 0;
    this.pause = 0;
  }
}

/** Moves the hero for one tick at `speed` pixels a tick; returns the number of pixels moved. */
export function moveHero(
  hero: Hero,
  maze: Maze,
  requested: Direction | null,
  speed: number,
): number {
  if (hero.pause > 0) {
    hero.pause--;
    return 0;
  }
  hero.budget += speed;
  let moved = 0;
  while (hero.budget >= 1) {
    hero.budget -= 1;
    if (!stepHeroPixel(hero, maze, requested)) {
      // Standing against a wall: speed does not pile up for later.
      hero.budget = 0;
      hero.moving = false;
      return moved;
    }
    moved++;
  }
  hero.moving = true;
  return moved;
}

/** One pixel of movement; false when the hero is stopped at a wall. */
export function stepHeroPixel(hero: Hero, maze: Maze, requested: Direction | null): boolean {
  const tile = tileOf(hero.x, hero.y);
  if (requested !== null && requested !== hero.direction) {
    if (requested === opposite(hero.direction)) {
      hero.direction = requested; // reversing is always allowed, at once
    } else {
      const next = neighbour(tile, requested);
      // Cornering: the turn is taken as soon as the corridor opens in the hero's tile, not
      // only at its centre; the leftover offset is cut diagonally below.
      if (maze.isCorridor(next.tx, next.ty)) hero.direction = requested;
    }
  }
  const v = vectorOf(hero.direction);
  const cx = centreOf(tile.tx);
  const cy = centreOf(tile.ty);
  // How far past the centre the hero is, measured along its way (negative: not there yet).
  const past = (hero.x - cx) * v.x + (hero.y - cy) * v.y;
  const ahead = neighbour(tile, hero.direction);
  if (past >= 0 && !maze.isCorridor(ahead.tx, ahead.ty)) return false;

  hero.x += v.x;
  hero.y += v.y;
  // Cornering: each pixel along the new way also brings the hero one pixel back toward the
  // centre line of its tile on the other axis (pre-turn before the centre, post-turn after).
  if (isHorizontal(hero.direction)) hero.y += Math.sign(cy - hero.y);
  else hero.x += Math.sign(cx - hero.x);
  hero.x = wrapX(hero.x);
  return true;
}
