/**
 * The bonus fruit: shown below the ghost house after the 70th and the 170th dot of a level,
 * for a random 9.33 to 10 seconds, worth the level's fruit points.
 */
import { levelSpec } from './levelTable';
import type { Random } from './random';
import { randomInt } from './random';
import type { FruitKind, FruitView } from './types';

export const FRUIT_DOTS: readonly number[] = [70, 170];
export const FRUIT_POSITION = { x: 112, y: 140 } as const;
/** 9.33 s to 10 s in ticks. */
export const FRUIT_MIN_TICKS = 560;
export const FRUIT_MAX_TICKS = 600;
const FRUIT_ROW = 17;
const SHELF_SIZE = 7;

export function fruitFor(level: number): { kind: FruitKind; points: number } {
  const spec = levelSpec(level);
  return { kind: spec.fruit, points: spec.fruitPoints };
}

/** The HUD's row of fruit: this level's and up to six before it, oldest first. */
export function fruitShelf(level: number): FruitKind[] {
  const shelf: FruitKind[] = [];
  for (let l = Math.max(1, level - SHELF_SIZE + 1); l <= level; l++) shelf.push(fruitFor(l).kind);
  return shelf;
}

/** The hero takes the fruit from its row when within half a tile of the fruit's centre. */
export function heroReachesFruit(heroX: number, heroY: number): boolean {
  return Math.floor(heroY / 8) === FRUIT_ROW && Math.abs(heroX - FRUIT_POSITION.x) <= 4;
}

export class Fruit {
  shown: FruitView | null = null;
  ticksLeft = 0;

  /** Called with the level's eaten-dot count after each dot: shows a fruit on 70 and 170. */
  dotsEaten(count: number, level: number, random: Random): FruitKind | null {
    if (!FRUIT_DOTS.includes(count)) return null;
    const { kind, points } = fruitFor(level);
    this.shown = { kind, points, x: FRUIT_POSITION.x, y: FRUIT_POSITION.y };
    this.ticksLeft = randomInt(random, FRUIT_MIN_TICKS, FRUIT_MAX_TICKS);
    return kind;
  }

  /** One playing tick: the fruit goes away when its time is up. */
  advance(): void {
    if (!this.shown) return;
    this.ticksLeft--;
    if (this.ticksLeft <= 0) this.clear();
  }

  clear(): void {
    this.shown = null;
    this.ticksLeft = 0;
  }
}
