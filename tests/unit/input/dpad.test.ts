import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Direction } from '../../../src/game/direction';
import { DPad, isTouchDevice, pressDPad } from '../../../src/input/dpad';
import { InputHub, type GameAction } from '../../../src/input/inputHub';
import { asHTMLElement, FakeDocument, fakeEvent, type FakeElement } from './fakes';

afterEach(() => {
  vi.unstubAllGlobals();
});

function setup(visible?: boolean) {
  const doc = new FakeDocument();
  const container = doc.body;
  const hub = new InputHub();
  const actions: [GameAction, string][] = [];
  hub.onAction((action, source) => actions.push([action, source]));
  const dpad = new DPad(asHTMLElement(container), visible === undefined ? {} : { visible });
  hub.add(dpad);
  const button = (name: string): FakeElement => {
    const found = container.byTestId(`dpad-${name}`);
    if (found === null) throw new Error(`no dpad-${name}`);
    return found;
  };
  return { doc, container, hub, actions, dpad, button };
}

describe('pressDPad', () => {
  it('steers for a direction and pauses for pause', () => {
    const hub = new InputHub();
    const actions: GameAction[] = [];
    hub.onAction((action) => actions.push(action));
    pressDPad(hub, 'left');
    expect(hub.requestedDirection).toBe('left');
    expect(hub.lastSource).toBe('dpad');
    pressDPad(hub, 'pause');
    expect(actions).toEqual(['pause']);
    expect(hub.requestedDirection).toBe('left');
  });
});

describe('isTouchDevice', () => {
  it('is true for a coarse pointer or touch points, false otherwise', () => {
    const media = (coarse: boolean) => () => ({ matches: coarse });
    vi.stubGlobal('matchMedia', media(true));
    vi.stubGlobal('navigator', { maxTouchPoints: 0 });
    expect(isTouchDevice()).toBe(true);
    vi.stubGlobal('matchMedia', media(false));
    expect(isTouchDevice()).toBe(false);
    vi.stubGlobal('navigator', { maxTouchPoints: 5 });
    expect(isTouchDevice()).toBe(true);
  });
});

describe('DPad', () => {
  it('builds four labelled direction buttons and a pause button', () => {
    const { button } = setup(true);
    const expected: [string, string][] = [
      ['up', 'Up'],
      ['left', 'Left'],
      ['down', 'Down'],
      ['right', 'Right'],
      ['pause', 'Pause'],
    ];
    for (const [name, label] of expected) {
      const element = button(name);
      expect(element.tagName).toBe('BUTTON');
      expect(element.type).toBe('button');
      expect(element.getAttribute('aria-label')).toBe(label);
    }
  });

  it('steers on pointerdown, immediately, and stops the press there', () => {
    const { hub, button } = setup(true);
    const requests: Direction[] = [];
    hub.onDirection((direction) => {
      if (direction !== null) requests.push(direction);
    });
    for (const name of ['up', 'left', 'down', 'right'] as const) {
      const down = fakeEvent('pointerdown', { pointerType: 'touch' });
      const stop = vi.spyOn(down, 'stopPropagation');
      button(name).dispatchEvent(down);
      expect(down.defaultPrevented).toBe(true);
      expect(stop).toHaveBeenCalled();
    }
    expect(requests).toEqual(['up', 'left', 'down', 'right']);
    expect(hub.lastSource).toBe('dpad');
  });

  it('does not steer on a pointer click (the pointerdown already did)', () => {
    const { hub, button } = setup(true);
    button('up').dispatchEvent(fakeEvent('click', { detail: 1 }));
    expect(hub.requestedDirection).toBeNull();
  });

  it('accepts a keyboard or assistive click (detail 0)', () => {
    const { hub, button } = setup(true);
    button('right').dispatchEvent(fakeEvent('click', { detail: 0 }));
    expect(hub.requestedDirection).toBe('right');
  });

  it('pauses from the pause button', () => {
    const { actions, button } = setup(true);
    button('pause').dispatchEvent(fakeEvent('pointerdown'));
    expect(actions).toEqual([['pause', 'dpad']]);
  });

  it('shows the pressed state until the pointer lifts', () => {
    const { button } = setup(true);
    button('down').dispatchEvent(fakeEvent('pointerdown'));
    expect(button('down').hasAttribute('data-pressed')).toBe(true);
    button('down').dispatchEvent(fakeEvent('pointerup'));
    expect(button('down').hasAttribute('data-pressed')).toBe(false);
  });

  it('prevents the long-press context menu', () => {
    const { container, button } = setup(true);
    const menu = fakeEvent('contextmenu');
    button('left').dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    const root = container.children[0];
    const rootMenu = fakeEvent('contextmenu');
    root?.dispatchEvent(rootMenu);
    expect(rootMenu.defaultPrevented).toBe(true);
  });

  it('is hidden unless visible, and can be shown later', () => {
    const { container, dpad } = setup(false);
    const root = container.children[0];
    expect(root?.hidden).toBe(true);
    expect(dpad.visible).toBe(false);
    dpad.setVisible(true);
    expect(root?.hidden).toBe(false);
    expect(dpad.visible).toBe(true);
  });

  it('defaults to visible on a touch device only', () => {
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    expect(setup().container.children[0]?.hidden).toBe(false);
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    vi.stubGlobal('navigator', { maxTouchPoints: 0 });
    expect(setup().container.children[0]?.hidden).toBe(true);
  });

  it('makes no <style> element (a strict style-src CSP would block it): dpad.css is bundled', () => {
    const { doc, container, hub } = setup(true);
    hub.add(new DPad(asHTMLElement(container), { visible: true }));
    expect(doc.head.children.filter((e) => e.tagName === 'STYLE')).toHaveLength(0);
  });

  it('removes its DOM and stops reacting when removed', () => {
    const { container, hub, button } = setup(true);
    const up = button('up');
    hub.remove('dpad');
    expect(container.children).toHaveLength(0);
    up.dispatchEvent(fakeEvent('pointerdown'));
    expect(hub.requestedDirection).toBeNull();
  });
});
