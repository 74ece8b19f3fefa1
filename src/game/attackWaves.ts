/**
 * Scatter and chase alternate in waves. The wave clock runs only while the game is playing and
 * no ghost is frightened; it restarts at each level and after each lost life.
 */
import { TICKS_PER_SECOND as S } from './ticks';

export type WaveMode = 'scatter' | 'chase';

// Alternating durations in ticks, scatter first; the last chase lasts forever.
const LEVEL_1 = [7 * S, 20 * S, 7 * S, 20 * S, 5 * S, 20 * S, 5 * S];
const LEVELS_2_TO_4 = [7 * S, 20 * S, 7 * S, 20 * S, 5 * S, 1033 * S, 1];
const LEVEL_5_ON = [5 * S, 20 * S, 5 * S, 20 * S, 5 * S, 1037 * S, 1];

export function waveDurations(level: number): readonly number[] {
  return level === 1 ? LEVEL_1 : level <= 4 ? LEVELS_2_TO_4 : LEVEL_5_ON;
}

/** The mode after `ticks` ticks of wave clock on a level. */
export function waveModeAt(level: number, ticks: number): WaveMode {
  let elapsed = 0;
  const durations = waveDurations(level);
  for (let i = 0; i < durations.length; i++) {
    elapsed += durations[i] ?? 0;
    if (ticks < elapsed) return i % 2 === 0 ? 'scatter' : 'chase';
  }
  return 'chase';
}

export class AttackWaves {
  ticks = 0;

  constructor(public level: number) {}

  get mode(): WaveMode {
    return waveModeAt(this.level, this.ticks);
  }

  restart(level: number): void {
    this.level = level;
    this.ticks = 0;
  }

  /** Advances the clock one tick; true when the mode changed (ghosts must reverse). */
  advance(): boolean {
    const before = this.mode;
    this.ticks++;
    return this.mode !== before;
  }
}
