import { describe, expect, it } from 'vitest';
import {
  GamepadSource,
  heldDirections,
  padDirection,
  stickDirection,
  type PadLike,
} from '../../../src/input/gamepadSource';
import { InputHub, type GameAction } from '../../../src/input/inputHub';
import type { Direction } from '../../../src/game/direction';

/** A standard-mapping pad with the given buttons held and stick at (x, y). */
function pad(held: number[] = [], x = 0, y = 0, index = 0): PadLike {
  return {
    index,
    connected: true,
    axes: [x, y, 0, 0],
    buttons: Array.from({ length: 17 }, (_, i) => ({
      pressed: held.includes(i),
      value: held.includes(i) ? 1 : 0,
    })),
  };
}

describe('padDirection', () => {
  it('reads the d-pad buttons 12 up, 13 down, 14 left, 15 right', () => {
    expect(padDirection(pad([12]))).toBe('up');
    expect(padDirection(pad([13]))).toBe('down');
    expect(padDirection(pad([14]))).toBe('left');
    expect(padDirection(pad([15]))).toBe('right');
    expect(padDirection(pad([]))).toBeNull();
    expect(padDirection(pad([0, 1, 9]))).toBeNull();
  });

  it('reads the left stick past the 0.5 dead zone, on its dominant axis', () => {
    expect(padDirection(pad([], 0.4, -0.45))).toBeNull();
    expect(padDirection(pad([], 0.5, 0))).toBeNull();
    expect(padDirection(pad([], 0.6, 0))).toBe('right');
    expect(padDirection(pad([], -0.9, 0.3))).toBe('left');
    expect(padDirection(pad([], 0.55, -0.8))).toBe('up');
    expect(padDirection(pad([], 0.2, 0.7))).toBe('down');
    expect(stickDirection(pad([], 0.7, 0.7))).toBeNull();
  });

  it('lets the d-pad win over the stick, and counts an analogue button value', () => {
    expect(padDirection(pad([14], 0.9, 0))).toBe('left');
    expect(heldDirections(pad([14], 0.9, 0))).toEqual(['left', 'right']);
    expect(heldDirections(pad([15], 0.9, 0))).toEqual(['right']);
    const analogue: PadLike = {
      ...pad(),
      buttons: pad().buttons.map((b, i) => (i === 13 ? { pressed: false, value: 0.8 } : b)),
    };
    expect(padDirection(analogue)).toBe('down');
  });
});

function setup(initial: (PadLike | null)[] = []) {
  let pads = initial;
  let polls = 0;
  const hub = new InputHub();
  const requests: Direction[] = [];
  const actions: GameAction[] = [];
  hub.onDirection((direction, source) => {
    if (direction !== null && source === 'gamepad') requests.push(direction);
  });
  hub.onAction((action, source) => {
    if (source === 'gamepad') actions.push(action);
  });
  hub.add(new GamepadSource(() => pads));
  const frame = (...next: (PadLike | null)[]): void => {
    pads = next;
    hub.poll(++polls * 16);
  };
  return { hub, requests, actions, frame };
}

describe('GamepadSource', () => {
  it('requests a direction when it becomes held, not again while held', () => {
    const { hub, requests, frame } = setup();
    frame(); // no pad yet
    frame(pad([15]));
    frame(pad([15]));
    frame(pad([15]));
    expect(requests).toEqual(['right']);
    expect(hub.requestedDirection).toBe('right');
    expect(hub.lastSource).toBe('gamepad');
    frame(pad());
    expect(hub.requestedDirection).toBe('right'); // the hub keeps it
    frame(pad([15]));
    expect(requests).toEqual(['right', 'right']);
  });

  it('re-requests when a different direction becomes held', () => {
    const { requests, frame } = setup();
    frame();
    frame(pad([], 0.9, 0));
    frame(pad([], 0.9, -0.3));
    frame(pad([], 0.4, -0.8)); // stick rolled round to up
    frame(pad([14], 0.4, -0.8)); // and the d-pad's left pressed on top
    frame(pad([], 0.4, -0.8)); // left let go: up was held all along, no new request
    expect(requests).toEqual(['right', 'up', 'left']);
  });

  it('fires actions on press only: A confirm, Start pause, B back', () => {
    const { actions, frame } = setup();
    frame();
    frame(pad([0]));
    frame(pad([0]));
    frame(pad([0]));
    frame(pad([]));
    frame(pad([9]));
    frame(pad([9, 1]));
    frame(pad([1]));
    frame(pad([0, 1]));
    expect(actions).toEqual(['confirm', 'pause', 'back', 'confirm']);
  });

  it('does not fire for what is already held at the first poll after attach', () => {
    const { requests, actions, frame } = setup();
    frame(pad([0, 12]));
    frame(pad([0, 12]));
    expect(requests).toEqual([]);
    expect(actions).toEqual([]);
    frame(pad([]));
    frame(pad([0, 12]));
    expect(requests).toEqual(['up']);
    expect(actions).toEqual(['confirm']);
  });

  it('counts the first press of a pad that appears later', () => {
    const { actions, requests, frame } = setup();
    frame(null);
    frame(null, pad([0, 13], 0, 0, 1));
    expect(actions).toEqual(['confirm']);
    expect(requests).toEqual(['down']);
  });

  it('tracks each pad on its own, and ignores disconnected ones', () => {
    const { actions, frame } = setup();
    frame();
    frame(pad([0], 0, 0, 0), pad([], 0, 0, 1));
    frame(pad([0], 0, 0, 0), pad([0], 0, 0, 1));
    frame(pad([0], 0, 0, 0), { ...pad([9], 0, 0, 1), connected: false });
    expect(actions).toEqual(['confirm', 'confirm']);
  });

  it('survives a browser that refuses getGamepads', () => {
    const hub = new InputHub();
    hub.add(
      new GamepadSource(() => {
        throw new Error('SecurityError');
      }),
    );
    expect(() => hub.poll(0)).not.toThrow();
  });

  it('does nothing once removed', () => {
    const { hub, actions, frame } = setup();
    frame();
    hub.remove('gamepad');
    frame(pad([0, 12]));
    expect(actions).toEqual([]);
    expect(hub.requestedDirection).toBeNull();
  });
});
