/**
 * Pixels and tiles. Every actor's (x, y) is its centre pixel; the tile it is "in" is the tile
 * holding that pixel, which is how the arcade decides eating, collisions and turns.
 */
import type { Direction } from './direction';
import { vectorOf } from './direction';

export const TILE_SIZE = 8;
/** The classic maze is 28 tiles wide: the tunnel wraps at this many pixels. */
export const MAZE_PIXEL_WIDTH = 28 * TILE_SIZE;

export interface Tile {
  readonly tx: number;
  readonly ty: number;
}

export function tileOf(x: number, y: number): Tile {
  return { tx: Math.floor(x / TILE_SIZE), ty: Math.floor(y / TILE_SIZE) };
}

/** Centre pixel of a tile, along one axis. */
export function centreOf(tileIndex: number): number {
  return tileIndex * TILE_SIZE + TILE_SIZE / 2;
}

/** Whether the pixel sits exactly on a tile centre: where ghosts decide and the hero stops. */
export function atTileCentre(x: number, y: number): boolean {
  const half = TILE_SIZE / 2;
  return mod(x, TILE_SIZE) === half && mod(y, TILE_SIZE) === half;
}

export function neighbour(tile: Tile, direction: Direction): Tile {
  const v = vectorOf(direction);
  return { tx: tile.tx + v.x, ty: tile.ty + v.y };
}

/** The tunnel joins the left and right edges: x < 0 comes back at the right, and vice versa. */
export function wrapX(x: number): number {
  if (x < 0) return x + MAZE_PIXEL_WIDTH;
  if (x >= MAZE_PIXEL_WIDTH) return x - MAZE_PIXEL_WIDTH;
  return x;
}

export function squaredDistance(a: Tile, b: Tile): number {
  const dx = a.tx - b.tx;
  const dy = a.ty - b.ty;
  return dx * dx + dy * dy;
}

function mod(value: number, size: number): number {
  return ((value % size) + size) % size;
}
