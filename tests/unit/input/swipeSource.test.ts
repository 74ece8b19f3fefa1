import { describe, expect, it } from 'vitest';
import type { Direction } from '../../../src/game/direction';
import { InputHub, type GameAction } from '../../../src/input/inputHub';
import { swipeDirection, SwipeSource } from '../../../src/input/swipeSource';
import { asHTMLElement, FakeElement, pointer, withTarget } from './fakes';

describe('swipeDirection', () => {
  it('needs the minimum distance on the dominant axis', () => {
    expect(swipeDirection(23, 0, 24)).toBeNull();
    expect(swipeDirection(24, 0, 24)).toBe('right');
    expect(swipeDirection(-30, 5, 24)).toBe('left');
    expect(swipeDirection(0, 0, 24)).toBeNull();
    expect(swipeDirection(17, 17, 24)).toBeNull(); // 24 px of travel, but no axis reaches 24
  });

  it('picks the dominant axis, y growing downwards', () => {
    expect(swipeDirection(10, 40, 24)).toBe('down');
    expect(swipeDirection(-10, -40, 24)).toBe('up');
    expect(swipeDirection(41, -40, 24)).toBe('right');
    expect(swipeDirection(-39, 40, 24)).toBe('down');
  });

  it('refuses an exact diagonal', () => {
    expect(swipeDirection(30, 30, 24)).toBeNull();
    expect(swipeDirection(-50, 50, 24)).toBeNull();
  });
});

function setup() {
  let now = 1000;
  const surface = new FakeElement('DIV');
  surface.style.touchAction = 'auto';
  const hub = new InputHub();
  const requests: Direction[] = [];
  const actions: GameAction[] = [];
  hub.onDirection((direction, source) => {
    if (direction !== null && source === 'swipe') requests.push(direction);
  });
  hub.onAction((action, source) => {
    if (source === 'swipe') actions.push(action);
  });
  hub.add(new SwipeSource(asHTMLElement(surface), { now: () => now }));
  const send = (...events: Event[]): void => {
    for (const event of events) surface.dispatchEvent(event);
  };
  const wait = (ms: number): void => {
    now += ms;
  };
  return { hub, surface, requests, actions, send, wait };
}

describe('SwipeSource', () => {
  it('sets touch-action: none while attached and restores it after', () => {
    const { hub, surface } = setup();
    expect(surface.style.touchAction).toBe('none');
    hub.remove('swipe');
    expect(surface.style.touchAction).toBe('auto');
  });

  it('decides during the move, as soon as the threshold is crossed', () => {
    const { hub, requests, send } = setup();
    send(pointer('pointerdown', 100, 100), pointer('pointermove', 110, 102));
    expect(requests).toEqual([]);
    send(pointer('pointermove', 130, 104));
    expect(requests).toEqual(['right']);
    expect(hub.requestedDirection).toBe('right');
    expect(hub.lastSource).toBe('swipe');
  });

  it('re-anchors after deciding, so one gesture can steer several times', () => {
    const { requests, actions, send } = setup();
    send(
      pointer('pointerdown', 100, 100),
      pointer('pointermove', 130, 100), // right, anchor now (130, 100)
      pointer('pointermove', 140, 100), // only 10 px more: nothing new
      pointer('pointermove', 141, 70), // up
      pointer('pointermove', 110, 72), // left
      pointer('pointermove', 112, 100), // down
      pointer('pointerup', 112, 100),
    );
    expect(requests).toEqual(['right', 'up', 'left', 'down']);
    expect(actions).toEqual([]);
  });

  it('the re-anchoring really measures from the new point, not from the start', () => {
    const { requests, send } = setup();
    // 30 px right, then 20 px more right and 22 px down: from the start that is still right
    // (50 vs 22), but measured from the new anchor only 22 px down: below the threshold.
    send(
      pointer('pointerdown', 0, 0),
      pointer('pointermove', 30, 0),
      pointer('pointermove', 50, 22),
    );
    expect(requests).toEqual(['right']);
  });

  it('counts a last stretch seen only at pointerup', () => {
    const { requests, actions, send } = setup();
    send(pointer('pointerdown', 100, 100), pointer('pointerup', 100, 160));
    expect(requests).toEqual(['down']);
    expect(actions).toEqual([]);
  });

  it('a short tap confirms', () => {
    const { hub, actions, send, wait } = setup();
    send(pointer('pointerdown', 50, 50));
    wait(120);
    send(pointer('pointermove', 55, 48), pointer('pointerup', 55, 48));
    expect(actions).toEqual(['confirm']);
    expect(hub.requestedDirection).toBeNull();
  });

  it('a long press is not a tap', () => {
    const { actions, send, wait } = setup();
    send(pointer('pointerdown', 50, 50));
    wait(400);
    send(pointer('pointerup', 50, 50));
    expect(actions).toEqual([]);
  });

  it('a cancelled gesture is not a tap', () => {
    const { actions, send } = setup();
    send(pointer('pointerdown', 50, 50), pointer('pointercancel', 50, 50));
    send(pointer('pointerup', 50, 50));
    expect(actions).toEqual([]);
  });

  it('follows only the pointer that started the gesture', () => {
    const { requests, actions, send } = setup();
    send(
      pointer('pointerdown', 100, 100, { pointerId: 7 }),
      pointer('pointerdown', 300, 300, { pointerId: 8, isPrimary: false }),
      pointer('pointermove', 300, 200, { pointerId: 8 }),
      pointer('pointerup', 300, 200, { pointerId: 8 }),
    );
    expect(requests).toEqual([]);
    expect(actions).toEqual([]);
    send(pointer('pointermove', 60, 100, { pointerId: 7 }));
    expect(requests).toEqual(['left']);
  });

  it('captures the pointer so moves off the surface still count', () => {
    const { surface, send } = setup();
    send(pointer('pointerdown', 10, 10, { pointerId: 42 }));
    expect(surface.capturedPointers).toEqual([42]);
  });

  it('mouse drags steer too, but only with the main button', () => {
    const { requests, send } = setup();
    send(
      pointer('pointerdown', 0, 0, { pointerType: 'mouse', button: 2 }),
      pointer('pointermove', 0, 50, { pointerType: 'mouse', button: -1 }),
    );
    expect(requests).toEqual([]);
    send(
      pointer('pointerdown', 0, 0, { pointerType: 'mouse', button: 0 }),
      pointer('pointermove', 0, 50, { pointerType: 'mouse', button: -1 }),
    );
    expect(requests).toEqual(['down']);
  });

  it('ignores presses that start on a button over the surface (d-pad, menus)', () => {
    const { surface, actions, requests, send } = setup();
    const button = new FakeElement('BUTTON');
    surface.append(button);
    const glyph = new FakeElement('SPAN');
    const ignored = new FakeElement('DIV');
    ignored.setAttribute('data-swipe-ignore', '');
    ignored.append(glyph);
    surface.append(ignored);
    send(withTarget(pointer('pointerdown', 0, 0), button), pointer('pointerup', 0, 0));
    send(withTarget(pointer('pointerdown', 0, 0), glyph), pointer('pointermove', 40, 0));
    expect(actions).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('stops listening when removed', () => {
    const { hub, actions, send } = setup();
    hub.remove('swipe');
    send(pointer('pointerdown', 0, 0), pointer('pointerup', 0, 0));
    send(pointer('pointerdown', 0, 0), pointer('pointermove', 40, 0));
    expect(actions).toEqual([]);
    expect(hub.requestedDirection).toBeNull();
  });
});
