/**
 * Names of the textures BootScene draws, shared by the scenes that show them.
 * Keys are plain strings so the drawing code and the display code cannot drift apart.
 */
import type { FruitKind, GhostName } from '../game/types';
import type { Direction } from '../game/direction';

export const FONT = 'hc-font';
export const MAZE = 'hc-maze';
export const MAZE_FLASH = 'hc-maze-flash';
export const DOT = 'hc-dot';
export const ENERGIZER = 'hc-energizer';
export const HERO_POP = 'hc-hero-pop';

/** Mouth openings of the chomp, closed to wide. */
export const HERO_MOUTH_FRAMES = 3;
/** Frames of the hero's collapse when caught. */
export const HERO_DEATH_FRAMES = 10;

export function heroKey(frame: number): string {
  return `hc-hero-${frame}`;
}

export function heroDeathKey(frame: number): string {
  return `hc-hero-death-${frame}`;
}

/** The two skirt poses of a ghost body in its colour. */
export function ghostBodyKey(name: GhostName, frame: number): string {
  return `hc-ghost-${name}-${frame}`;
}

export function ghostEyesKey(direction: Direction): string {
  return `hc-eyes-${direction}`;
}

export function frightKey(flashing: boolean, frame: number): string {
  return `hc-fright-${flashing ? 'white' : 'blue'}-${frame}`;
}

export function fruitKey(kind: FruitKind): string {
  return `hc-fruit-${kind}`;
}

export const FRUIT_KINDS: readonly FruitKind[] = [
  'cherry',
  'strawberry',
  'orange',
  'apple',
  'melon',
  'starship',
  'bell',
  'key',
];

export const GHOST_NAMES: readonly GhostName[] = ['blinky', 'pinky', 'inky', 'clyde'];
