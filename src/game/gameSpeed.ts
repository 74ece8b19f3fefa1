/**
 * Game speed, for slower hands and heads: the whole game (hero, ghosts, timers) runs at
 * 100 %, 80 % or 60 % of the arcade's pace. The rules never change: they still advance in
 * their fixed 60 Hz ticks; only the clock feeding them (src/ui/fixedStep.ts) hands out fewer
 * ticks per real second. So a game at 60 % is the same game, frame for frame, just longer.
 */
export type GameSpeed = 100 | 80 | 60;

/** Fastest first: the order the settings panel offers them. */
export const GAME_SPEEDS: readonly GameSpeed[] = [100, 80, 60];

export const DEFAULT_GAME_SPEED: GameSpeed = 100;

export function isGameSpeed(value: unknown): value is GameSpeed {
  return typeof value === 'number' && (GAME_SPEEDS as readonly number[]).includes(value);
}

/** The share of real time the rules get: 0.6 at 60 %. */
export function speedFactor(speed: GameSpeed): number {
  return speed / 100;
}
