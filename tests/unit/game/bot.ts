// A small deterministic player for replay tests: it walks the shortest way to the nearest
// dot, steering around the tiles near dangerous ghosts, and runs away when boxed in.
import type { Direction } from '../../../src/game/direction';
import { DIRECTIONS_BY_PRIORITY, vectorOf } from '../../../src/game/direction';
import type { Tile } from '../../../src/game/geometry';
import { tileOf } from '../../../src/game/geometry';
import type { GameWorld } from '../../../src/game/world';

const WIDTH = 28;
/** Tiles (in steps along the corridors) around a ghost that the bot keeps clear of. */
const DANGER_STEPS = 4;

const key = (t: Tile) => t.ty * WIDTH + t.tx;

function step(t: Tile, d: Direction): Tile {
  const v = vectorOf(d);
  return { tx: (t.tx + v.x + WIDTH) % WIDTH, ty: t.ty + v.y };
}

/** Breadth-first distances along corridors from `start`, up to `limit` steps. */
function distances(world: GameWorld, start: Tile, limit: number): Map<number, number> {
  const seen = new Map<number, number>([[key(start), 0]]);
  let frontier = [start];
  for (let d = 1; d <= limit && frontier.length > 0; d++) {
    const next: Tile[] = [];
    for (const t of frontier) {
      for (const way of DIRECTIONS_BY_PRIORITY) {
        const n = step(t, way);
        if (!world.maze.isCorridor(n.tx, n.ty) || seen.has(key(n))) continue;
        seen.set(key(n), d);
        next.push(n);
      }
    }
    frontier = next;
  }
  return seen;
}

function dangerTiles(world: GameWorld): Set<number> {
  const danger = new Set<number>();
  const safeTicks = 90;
  for (const ghost of world.ghosts) {
    if (ghost.isEyes || ghost.state === 'home') continue;
    if (ghost.frightened && world.fright.ticksLeft > safeTicks) continue;
    const tile = ghost.inHouse ? { tx: 13, ty: 11 } : ghost.tile;
    for (const k of distances(world, tile, DANGER_STEPS).keys()) danger.add(k);
  }
  return danger;
}

/** The first step of the shortest safe way from the hero to a pellet, or an escape. */
export function botDirection(world: GameWorld): Direction | null {
  if (world.phase !== 'playing') return null;
  const start = tileOf(world.hero.x, world.hero.y);
  const danger = dangerTiles(world);
  const first = new Map<number, Direction>();
  const queue: Tile[] = [start];
  const seen = new Set([key(start)]);
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i] as Tile;
    if (i > 0 && world.pellets.at(t.tx, t.ty)) return first.get(key(t)) ?? null;
    for (const way of DIRECTIONS_BY_PRIORITY) {
      const n = step(t, way);
      const k = key(n);
      if (seen.has(k) || danger.has(k) || !world.maze.isCorridor(n.tx, n.ty)) continue;
      seen.add(k);
      first.set(k, i === 0 ? way : (first.get(key(t)) as Direction));
      queue.push(n);
    }
  }
  return escape(world, start);
}

/** Boxed in: take the neighbouring corridor farthest from the nearest dangerous ghost. */
function escape(world: GameWorld, start: Tile): Direction | null {
  let best: Direction | null = null;
  let bestScore = -Infinity;
  const fromGhosts = world.ghosts
    .filter((g) => !g.isEyes && g.state !== 'home' && !g.frightened)
    .map((g) => distances(world, g.tile, 40));
  for (const way of DIRECTIONS_BY_PRIORITY) {
    const n = step(start, way);
    if (!world.maze.isCorridor(n.tx, n.ty)) continue;
    const score = Math.min(40, ...fromGhosts.map((d) => d.get(key(n)) ?? 40));
    if (score > bestScore) {
      best = way;
      bestScore = score;
    }
  }
  return best;
}
