import { DPad } from './dpad';
import { GamepadSource } from './gamepadSource';
import type { InputHub } from './inputHub';
import { KeyboardSource } from './keyboardSource';
import { SwipeSource } from './swipeSource';

/**
 * Keyboard (on window), swipes on `surface`, the on-screen d-pad in `dpadContainer` (shown on
 * touch devices) and gamepads (remember to call `hub.poll(now)` once per frame).
 */
export function addDefaultInputs(
  hub: InputHub,
  surface: HTMLElement,
  dpadContainer: HTMLElement,
): void {
  hub.add(new KeyboardSource());
  hub.add(new SwipeSource(surface));
  hub.add(new DPad(dpadContainer));
  hub.add(new GamepadSource());
}
