/**
 * When the ghosts waiting in the house may leave (the Dossier's dot counters and idle timer).
 *
 * Only the "preferred" ghost counts: the first of pinky, inky, clyde still waiting. Each has a
 * personal dot counter, kept across lost lives and reset each level. After a lost life a global
 * counter takes over (pinky at 7 dots, inky at 17); it is switched off only if clyde is still
 * waiting when it reaches 32, and then the personal counters resume. Independently, when the
 * hero eats nothing for a while the preferred ghost is let out. Blinky never waits.
 */
import { TICKS_PER_SECOND } from './ticks';
import type { GhostName } from './types';

export type HouseGhost = 'pinky' | 'inky' | 'clyde';

export const HOUSE_ORDER: readonly HouseGhost[] = ['pinky', 'inky', 'clyde'];

export function personalDotLimit(level: number, ghost: HouseGhost): number {
  if (ghost === 'pinky' || level >= 3) return 0;
  if (ghost === 'inky') return level === 1 ? 30 : 0;
  return level === 1 ? 60 : 50;
}

/** Ticks without eating after which the preferred ghost is let out. */
export function idleLimitTicks(level: number): number {
  return (level <= 4 ? 4 : 3) * TICKS_PER_SECOND;
}

const GLOBAL_RELEASE: Readonly<Record<number, HouseGhost>> = { 7: 'pinky', 17: 'inky' };
const GLOBAL_OFF_AT = 32;

export function preferredGhost(waiting: (ghost: GhostName) => boolean): HouseGhost | null {
  return HOUSE_ORDER.find((ghost) => waiting(ghost)) ?? null;
}

export class GhostHouse {
  readonly personal: Record<HouseGhost, number> = { pinky: 0, inky: 0, clyde: 0 };
  globalActive = false;
  global = 0;
  idleTicks = 0;

  constructor(public level: number) {}

  /** A new level: personal counters back to zero, the global counter off. */
  startLevel(level: number): void {
    this.level = level;
    this.personal.pinky = this.personal.inky = this.personal.clyde = 0;
    this.globalActive = false;
    this.global = 0;
    this.idleTicks = 0;
  }

  /** After a lost life the global counter takes over from zero. */
  lifeLost(): void {
    this.globalActive = true;
    this.global = 0;
    this.idleTicks = 0;
  }

  /** The hero ate a dot or energizer. Returns a ghost the global counter lets out, if any. */
  dotEaten(waiting: (ghost: GhostName) => boolean): HouseGhost | null {
    this.idleTicks = 0;
    if (this.globalActive) {
      this.global++;
      const released = GLOBAL_RELEASE[this.global];
      if (released && waiting(released)) return released;
      if (this.global === GLOBAL_OFF_AT && waiting('clyde')) {
        this.globalActive = false;
        this.global = 0;
      }
      return null;
    }
    const preferred = preferredGhost(waiting);
    if (preferred) this.personal[preferred]++;
    return null;
  }

  /**
   * Once a playing tick, after eating: the preferred ghost leaves when its personal counter has
   * reached its limit, or when the idle timer runs out (which then starts over).
   */
  tick(waiting: (ghost: GhostName) => boolean, ateThisTick: boolean): HouseGhost | null {
    const preferred = preferredGhost(waiting);
    if (!ateThisTick) this.idleTicks++;
    if (this.idleTicks >= idleLimitTicks(this.level)) {
      this.idleTicks = 0;
      if (preferred) return preferred;
    }
    if (!preferred || this.globalActive) return null;
    return this.personal[preferred] >= personalDotLimit(this.level, preferred) ? preferred : null;
  }
}
