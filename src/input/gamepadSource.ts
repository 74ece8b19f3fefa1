/**
 * Gamepads in the standard mapping: d-pad buttons 12-15 and the left stick steer; A (0)
 * confirms, Start (9) pauses, B (1) goes back. Polled once per frame through `InputHub.poll`.
 *
 * Everything is edge-triggered: a direction is requested when it becomes held, an action fires
 * when its button goes down. Holding does nothing more (the hub keeps the request anyway).
 */
import type { Direction } from '../game/direction';
import type { GameAction, InputHub, InputSource } from './inputHub';

/** The stick's dominant axis must pass this (in [0, 1]) to count. */
export const STICK_DEAD_ZONE = 0.5;

/** Standard-mapping d-pad buttons, in the ghosts' tie order. */
const DPAD_BUTTONS: readonly (readonly [number, Direction])[] = [
  [12, 'up'],
  [14, 'left'],
  [13, 'down'],
  [15, 'right'],
];

const ACTION_BUTTONS: readonly (readonly [number, GameAction])[] = [
  [0, 'confirm'],
  [9, 'pause'],
  [1, 'back'],
];

/** The parts of a Gamepad this source reads (so tests can use plain objects). */
export interface PadLike {
  readonly index: number;
  readonly connected: boolean;
  readonly axes: readonly number[];
  readonly buttons: readonly { readonly pressed: boolean; readonly value: number }[];
}

function isPressed(pad: PadLike, index: number): boolean {
  const button = pad.buttons[index];
  return button !== undefined && (button.pressed || button.value > 0.5);
}

/** The left stick's direction: its dominant axis past the dead zone (y grows downwards). */
export function stickDirection(pad: PadLike, deadZone = STICK_DEAD_ZONE): Direction | null {
  const x = pad.axes[0] ?? 0;
  const y = pad.axes[1] ?? 0;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (Math.max(ax, ay) <= deadZone || ax === ay) return null;
  if (ax > ay) return x > 0 ? 'right' : 'left';
  return y > 0 ? 'down' : 'up';
}

/** Every direction the pad holds: d-pad buttons (up, left, down, right order), then the stick. */
export function heldDirections(pad: PadLike): Direction[] {
  const held: Direction[] = [];
  for (const [button, direction] of DPAD_BUTTONS) {
    if (isPressed(pad, button)) held.push(direction);
  }
  const stick = stickDirection(pad);
  if (stick !== null && !held.includes(stick)) held.push(stick);
  return held;
}

/** The direction the pad holds: the d-pad wins over the stick; null when nothing is held. */
export function padDirection(pad: PadLike): Direction | null {
  return heldDirections(pad)[0] ?? null;
}

interface PadState {
  directions: ReadonlySet<Direction>;
  actions: ReadonlySet<GameAction>;
}

function defaultPads(): readonly (Gamepad | null)[] {
  return globalThis.navigator?.getGamepads?.() ?? [];
}

export class GamepadSource implements InputSource {
  readonly name = 'gamepad';
  private hub: InputHub | null = null;
  private readonly states = new Map<number, PadState>();
  /** The first poll after attach only records what is already held (see `poll`). */
  private baselined = false;

  constructor(private readonly getPads: () => readonly (PadLike | null)[] = defaultPads) {}

  attach(hub: InputHub): void {
    this.detach();
    this.hub = hub;
    this.states.clear();
    this.baselined = false;
  }

  detach(): void {
    this.hub = null;
    this.states.clear();
  }

  /**
   * Pads already connected at the first poll after attach are only recorded: the A still held
   * from the previous screen must not confirm again. Pads that show up later (browsers reveal a
   * pad on its first press) count from their first poll.
   */
  poll(_nowMs: number): void {
    const hub = this.hub;
    if (hub === null) return;
    let pads: readonly (PadLike | null)[];
    try {
      pads = this.getPads();
    } catch {
      pads = []; // e.g. the gamepad permission policy forbids it
    }
    const recordOnly = !this.baselined;
    this.baselined = true;
    const seen = new Set<number>();
    for (const pad of pads) {
      if (pad === null || !pad.connected) continue;
      seen.add(pad.index);
      const previous = this.states.get(pad.index);
      const held = heldDirections(pad);
      const actions = new Set<GameAction>();
      for (const [button, action] of ACTION_BUTTONS) {
        if (isPressed(pad, button)) actions.add(action);
      }
      this.states.set(pad.index, { directions: new Set(held), actions });
      if (recordOnly) continue;
      const newlyHeld = held.find((direction) => !previous?.directions.has(direction));
      if (newlyHeld !== undefined) hub.request(newlyHeld, this.name);
      for (const action of actions) {
        if (!previous?.actions.has(action)) hub.trigger(action, this.name);
      }
    }
    for (const index of [...this.states.keys()]) {
      if (!seen.has(index)) this.states.delete(index); // disconnected
    }
  }
}
