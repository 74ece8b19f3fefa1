/**
 * How long the start pose is held to choose: 0.5, 1 or 2 seconds, the player's setting (some
 * players cannot hold a pose for a second, others need longer to be sure). 1 s unless chosen.
 *
 * One value for the whole page, read by every dwell (DwellTimer) at each look and by the
 * words that say how long to hold (headWords.ts): a change in the settings panel reaches at
 * once every chooser already on a screen (menu, settings, pause, game over, the calibration's
 * choices) without each scene passing the setting down. The page wires the player's setting
 * to it (`followHoldTime` in main.ts).
 */
export type HoldTime = 500 | 1000 | 2000;

/** Shortest first: the order the settings panel offers them. */
export const HOLD_TIMES: readonly HoldTime[] = [500, 1000, 2000];

export const DEFAULT_HOLD_TIME: HoldTime = 1000;

export function isHoldTime(value: unknown): value is HoldTime {
  return typeof value === 'number' && (HOLD_TIMES as readonly number[]).includes(value);
}

let current: HoldTime = DEFAULT_HOLD_TIME;

/** The hold in force now, in milliseconds. */
export function holdTime(): HoldTime {
  return current;
}

/** A new hold for every chooser; anything but a hold time is refused (the hold stays). */
export function setHoldTime(value: unknown): void {
  if (isHoldTime(value)) current = value;
}

/** What follows the player's setting: the settings store, as far as the hold goes. */
export interface HoldTimeSetting {
  readonly value: { readonly holdTime: HoldTime };
  onChange(listener: (settings: { readonly holdTime: HoldTime }) => void): unknown;
}

/** The hold follows the player's setting from now on. */
export function followHoldTime(settings: HoldTimeSetting): void {
  setHoldTime(settings.value.holdTime);
  settings.onChange((changed) => setHoldTime(changed.holdTime));
}

/** "1 second", "0.5 seconds", "2 seconds" (sentences: the live region, the panels). */
export function holdInWords(ms: HoldTime = current): string {
  return ms === 1000 ? '1 second' : `${ms / 1000} seconds`;
}

/** "1 s", "0.5 s", "2 s" (short lines and the settings' options). */
export function holdShort(ms: HoldTime = current): string {
  return `${ms / 1000} s`;
}
