/**
 * What each ghost is told to do in the current situation: how fast to go, and which way to
 * take at a tile centre (eyes head home, frightened ghosts wander, the others aim at a target).
 */
import type { WaveMode } from './attackWaves';
import type { ElroyLevel } from './cruiseElroy';
import { elroySpeed } from './cruiseElroy';
import type { Direction } from './direction';
import type { Tile } from './geometry';
import type { Ghost } from './ghost';
import { chooseDirection, frightenedDirection } from './ghostSteering';
import type { HeroPose } from './ghostTargets';
import { chaseTarget, HOUSE_ENTRANCE, SCATTER_CORNERS } from './ghostTargets';
import { levelSpec } from './levelTable';
import type { Maze } from './maze';
import type { Random } from './random';

/** Eyes race home at twice full speed. */
export const EYES_SPEED = 200;

export interface GuideContext {
  readonly maze: Maze;
  readonly level: number;
  readonly mode: WaveMode;
  /** Blinky's Cruise Elroy level (0 when off or suspended). */
  readonly elroy: ElroyLevel;
  readonly hero: HeroPose;
  readonly blinky: Ghost;
  readonly random: Random;
}

/** The tile a ghost in scatter or chase aims at; Elroy blinky chases even in scatter. */
export function ghostTarget(ghost: Ghost, context: GuideContext): Tile {
  const chasing = context.mode === 'chase' || (ghost.name === 'blinky' && context.elroy > 0);
  if (!chasing) return SCATTER_CORNERS[ghost.name];
  return chaseTarget(ghost.name, ghost.tile, context.hero, context.blinky.tile);
}

/** The way a roaming ghost or eyes take at the centre of `tile`. */
export function steerGhost(ghost: Ghost, tile: Tile, context: GuideContext): Direction {
  const { maze } = context;
  if (ghost.isEyes) {
    return chooseDirection(maze, tile, ghost.direction, HOUSE_ENTRANCE, { redZones: false });
  }
  if (ghost.frightened) return frightenedDirection(maze, tile, ghost.direction, context.random);
  return chooseDirection(maze, tile, ghost.direction, ghostTarget(ghost, context), {
    redZones: true,
  });
}

/** A ghost's speed in percent: the tunnel slows even Elroy and frightened ghosts. */
export function ghostSpeedPercent(ghost: Ghost, context: GuideContext): number {
  const spec = levelSpec(context.level);
  if (ghost.isEyes) return EYES_SPEED;
  if (ghost.inHouse) return spec.ghostTunnelSpeed; // a slow walk inside the house
  const tile = ghost.tile;
  if (context.maze.isTunnel(tile.tx, tile.ty)) return spec.ghostTunnelSpeed;
  if (ghost.frightened) return spec.ghostFrightSpeed;
  if (ghost.name === 'blinky') return elroySpeed(context.level, context.elroy);
  return spec.ghostSpeed;
}
