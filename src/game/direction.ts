/** The four ways to move, and the order ghosts prefer them when two choices tie. */
export type Direction = 'up' | 'left' | 'down' | 'right';

/** Ties between equally good turns go up, then left, then down, then right. */
export const DIRECTIONS_BY_PRIORITY: readonly Direction[] = ['up', 'left', 'down', 'right'];

export interface Vector {
  readonly x: number;
  readonly y: number;
}

const VECTORS: Record<Direction, Vector> = {
  up: { x: 0, y: -1 },
  left: { x: -1, y: 0 },
  down: { x: 0, y: 1 },
  right: { x: 1, y: 0 },
};

const OPPOSITES: Record<Direction, Direction> = {
  up: 'down',
  down: 'up',
  left: 'right',
  right: 'left',
};

export function vectorOf(direction: Direction): Vector {
  return VECTORS[direction];
}

export function opposite(direction: Direction): Direction {
  return OPPOSITES[direction];
}

export function isHorizontal(direction: Direction): boolean {
  return direction === 'left' || direction === 'right';
}

export function isDirection(value: unknown): value is Direction {
  return value === 'up' || value === 'down' || value === 'left' || value === 'right';
}
