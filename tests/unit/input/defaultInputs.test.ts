import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDefaultInputs } from '../../../src/input/defaultInputs';
import { InputHub } from '../../../src/input/inputHub';
import { asHTMLElement, FakeDocument, FakeElement, keyDown, pointer } from './fakes';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('addDefaultInputs', () => {
  it('wires keyboard, swipe, d-pad and gamepad into the hub, and destroy undoes it', () => {
    const win = new EventTarget();
    let pads: unknown[] = [];
    vi.stubGlobal('window', win);
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    vi.stubGlobal('navigator', { maxTouchPoints: 5, getGamepads: () => pads });
    const doc = new FakeDocument();
    const surface = new FakeElement('DIV', doc);
    const hub = new InputHub();

    addDefaultInputs(hub, asHTMLElement(surface), asHTMLElement(doc.body));
    for (const name of ['keyboard', 'swipe', 'dpad', 'gamepad']) expect(hub.has(name)).toBe(true);

    win.dispatchEvent(keyDown('KeyA'));
    expect(hub.requestedDirection).toBe('left');
    surface.dispatchEvent(pointer('pointerdown', 0, 0));
    surface.dispatchEvent(pointer('pointermove', 0, -40));
    expect(hub.requestedDirection).toBe('up');
    doc.body.byTestId('dpad-right')?.dispatchEvent(pointer('pointerdown', 0, 0));
    expect(hub.requestedDirection).toBe('right');
    hub.poll(0);
    pads = [
      {
        index: 0,
        connected: true,
        axes: [0, 0.9],
        buttons: Array.from({ length: 17 }, () => ({ pressed: false, value: 0 })),
      },
    ];
    hub.poll(16);
    expect(hub.requestedDirection).toBe('down');
    expect(hub.lastSource).toBe('gamepad');

    hub.destroy();
    expect(doc.body.children).toHaveLength(0);
    expect(surface.style.touchAction).toBe('');
    win.dispatchEvent(keyDown('KeyW'));
    expect(hub.requestedDirection).toBeNull();
  });
});
