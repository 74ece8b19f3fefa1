/**
 * Frightened time: how long ghosts stay blue after an energizer, and how they look while it
 * runs out (white flashes at the very end).
 */
import { levelSpec } from './levelTable';
import { TICKS_PER_SECOND } from './ticks';
import type { GhostLook } from './types';

/** Each flash is 14 ticks white ('flashing') then 14 ticks blue ('frightened'). */
export const FLASH_HALF_TICKS = 14;

export function frightTicks(level: number): number {
  return levelSpec(level).frightSeconds * TICKS_PER_SECOND;
}

export function frightFlashes(level: number): number {
  return levelSpec(level).flashes;
}

/** The look of a frightened ghost when `ticksLeft` (>= 1) ticks of fright remain. */
export function frightLook(level: number, ticksLeft: number): GhostLook {
  const window = frightFlashes(level) * 2 * FLASH_HALF_TICKS;
  if (ticksLeft > window) return 'frightened';
  const intoWindow = window - ticksLeft;
  return intoWindow % (2 * FLASH_HALF_TICKS) < FLASH_HALF_TICKS ? 'flashing' : 'frightened';
}

/** What a ghost looks like: eyes, blue/white while frightened, or its own colours. */
export function ghostLook(
  ghost: { readonly isEyes: boolean; readonly frightened: boolean },
  level: number,
  frightTicksLeft: number,
): GhostLook {
  if (ghost.isEyes) return 'eyes';
  if (ghost.frightened && frightTicksLeft > 0) return frightLook(level, frightTicksLeft);
  return 'normal';
}

/** The fright clock: started (and restarted) by energizers, stopped when it runs out. */
export class FrightTimer {
  ticksLeft = 0;

  get active(): boolean {
    return this.ticksLeft > 0;
  }

  start(level: number): void {
    this.ticksLeft = frightTicks(level);
  }

  stop(): void {
    this.ticksLeft = 0;
  }

  /** One tick; true on the tick the fright ends. */
  advance(): boolean {
    if (this.ticksLeft <= 0) return false;
    this.ticksLeft--;
    return this.ticksLeft === 0;
  }
}
