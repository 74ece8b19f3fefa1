/**
 * How a roaming ghost picks its way at a tile centre. Simplification (accepted): the arcade
 * decides one tile ahead, as the ghost enters a tile; here the ghost decides on reaching the
 * centre of the tile, looking at that tile's neighbours. The choices are the same corridors.
 */
import type { Direction } from './direction';
import { DIRECTIONS_BY_PRIORITY, opposite } from './direction';
import type { Tile } from './geometry';
import { neighbour, squaredDistance } from './geometry';
import type { Maze } from './maze';
import type { Random } from './random';

/**
 * Above the ghost house and above the hero's start, ghosts in scatter or chase may not turn up
 * (they may still come down into these tiles or keep going up through them).
 */
export function inRedZone(tile: Tile): boolean {
  return tile.tx >= 12 && tile.tx <= 15 && (tile.ty === 11 || tile.ty === 23);
}

export interface SteeringOptions {
  /** True in scatter and chase: the red zones forbid turning up. */
  readonly redZones: boolean;
}

/** The ways a ghost may leave a tile: corridors only, never straight back. */
export function openWays(
  maze: Maze,
  tile: Tile,
  heading: Direction,
  redZones: boolean,
): Direction[] {
  return DIRECTIONS_BY_PRIORITY.filter((way) => {
    if (way === opposite(heading)) return false;
    if (way === 'up' && redZones && inRedZone(tile)) return false;
    const next = neighbour(tile, way);
    return maze.isCorridor(next.tx, next.ty);
  });
}

/**
 * The open way whose next tile is nearest the target (squared distance). Ties go up, left,
 * down, right: the order of DIRECTIONS_BY_PRIORITY, kept by a strict comparison.
 * With no open way (a dead end, absent from the classic maze) the ghost turns back.
 */
export function chooseDirection(
  maze: Maze,
  tile: Tile,
  heading: Direction,
  target: Tile,
  options: SteeringOptions,
): Direction {
  let best: Direction | null = null;
  let bestDistance = Infinity;
  for (const way of openWays(maze, tile, heading, options.redZones)) {
    const distance = squaredDistance(neighbour(tile, way), target);
    if (distance < bestDistance) {
      best = way;
      bestDistance = distance;
    }
  }
  return best ?? opposite(heading);
}

/**
 * A frightened ghost draws a way at random; if that way is a wall or straight back it tries
 * the next in the order up, left, down, right. Red zones do not apply.
 */
export function frightenedDirection(
  maze: Maze,
  tile: Tile,
  heading: Direction,
  random: Random,
): Direction {
  const open = openWays(maze, tile, heading, false);
  const first = Math.floor(random() * 4);
  for (let i = 0; i < 4; i++) {
    const way = DIRECTIONS_BY_PRIORITY[(first + i) % 4] as Direction;
    if (open.includes(way)) return way;
  }
  return opposite(heading);
}
