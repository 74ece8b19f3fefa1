/**
 * The per-level numbers of the Dossier's "level specifications" table. Speeds are in percent
 * of the full speed; pixelsPerTick turns a percentage into the distance covered in one tick.
 */
import type { FruitKind } from './types';

/** 100% speed: 75.75757625 pixels a second, i.e. about 1.2626 pixels in a 1/60 s tick. */
export const FULL_SPEED_PIXELS_PER_SECOND = 75.75757625;

export function pixelsPerTick(percent: number): number {
  return (FULL_SPEED_PIXELS_PER_SECOND * percent) / 100 / 60;
}

export interface LevelSpec {
  readonly heroSpeed: number;
  /** While the ghosts are frightened the hero runs at this speed. */
  readonly heroFrightSpeed: number;
  readonly ghostSpeed: number;
  readonly ghostFrightSpeed: number;
  readonly ghostTunnelSpeed: number;
  /** Blinky turns into Cruise Elroy 1 at this many dots left, Elroy 2 at half of it. */
  readonly elroyDots: number;
  readonly elroy1Speed: number;
  readonly elroy2Speed: number;
  readonly frightSeconds: number;
  readonly flashes: number;
  readonly fruit: FruitKind;
  readonly fruitPoints: number;
}

/** Levels past the end of a table reuse its last entry. */
function pick<T>(table: readonly T[], level: number): T {
  const value = table[Math.min(Math.max(level, 1), table.length) - 1];
  if (value === undefined) throw new Error('levelTable: empty table');
  return value;
}

// Index 0 is level 1.
const FRIGHT: readonly (readonly [number, number])[] = [
  [6, 5], [5, 5], [4, 5], [3, 5], [2, 5], [5, 5], [2, 5], [2, 5], [1, 3], [5, 5],
  [2, 5], [1, 3], [1, 3], [3, 5], [1, 3], [1, 3], [0, 0], [1, 3], [0, 0],
]; // prettier-ignore

const FRUIT: readonly (readonly [FruitKind, number])[] = [
  ['cherry', 100], ['strawberry', 300], ['orange', 500], ['orange', 500], ['apple', 700],
  ['apple', 700], ['melon', 1000], ['melon', 1000], ['starship', 2000], ['starship', 2000],
  ['bell', 3000], ['bell', 3000], ['key', 5000],
]; // prettier-ignore

const ELROY_DOTS = [
  20, 30, 40, 40, 40, 50, 50, 50, 60, 60, 60, 80, 80, 80, 100, 100, 100, 100, 120,
];

export function levelSpec(level: number): LevelSpec {
  const [frightSeconds, flashes] = pick(FRIGHT, level);
  const [fruit, fruitPoints] = pick(FRUIT, level);
  const early = level === 1 ? 0 : level <= 4 ? 1 : 2;
  const hero = level === 1 ? [80, 90] : level <= 4 ? [90, 95] : level <= 20 ? [100, 100] : [90, 90];
  const ghost = [
    [75, 50, 40],
    [85, 55, 45],
    [95, 60, 50],
  ][early] as readonly number[];
  const elroy = [
    [80, 85],
    [90, 95],
    [100, 105],
  ][early] as readonly number[];
  return {
    heroSpeed: hero[0] ?? 100,
    heroFrightSpeed: hero[1] ?? 100,
    ghostSpeed: ghost[0] ?? 95,
    ghostFrightSpeed: ghost[1] ?? 60,
    ghostTunnelSpeed: ghost[2] ?? 50,
    elroyDots: pick(ELROY_DOTS, level),
    elroy1Speed: elroy[0] ?? 100,
    elroy2Speed: elroy[1] ?? 105,
    frightSeconds,
    flashes,
    fruit,
    fruitPoints,
  };
}
