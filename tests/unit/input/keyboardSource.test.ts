import { describe, expect, it } from 'vitest';
import { InputHub, type GameAction } from '../../../src/input/inputHub';
import { isEditableTarget, keyBinding, KeyboardSource } from '../../../src/input/keyboardSource';
import { FakeElement, keyDown } from './fakes';

function setup(target: EventTarget = new EventTarget()) {
  const hub = new InputHub();
  const actions: GameAction[] = [];
  const sources = new Set<string>();
  hub.onAction((action, source) => {
    sources.add(source);
    actions.push(action);
  });
  hub.add(new KeyboardSource(target));
  const press = (code: string, fields: Record<string, unknown> = {}): Event => {
    const event = keyDown(code, fields);
    target.dispatchEvent(event);
    return event;
  };
  return { hub, actions, sources, press };
}

describe('keyBinding', () => {
  it('maps arrows and WASD codes to directions', () => {
    const cases: [string, string][] = [
      ['ArrowUp', 'up'],
      ['ArrowLeft', 'left'],
      ['ArrowDown', 'down'],
      ['ArrowRight', 'right'],
      ['KeyW', 'up'],
      ['KeyA', 'left'],
      ['KeyS', 'down'],
      ['KeyD', 'right'],
    ];
    for (const [code, direction] of cases) {
      expect(keyBinding(code)).toEqual({ kind: 'direction', direction });
    }
  });

  it('maps action keys and ignores the rest', () => {
    expect(keyBinding('Enter')).toEqual({ kind: 'action', action: 'confirm' });
    expect(keyBinding('Space')).toEqual({ kind: 'action', action: 'confirm' });
    expect(keyBinding('Escape')).toEqual({ kind: 'action', action: 'pause' });
    expect(keyBinding('KeyP')).toEqual({ kind: 'action', action: 'pause' });
    expect(keyBinding('KeyM')).toEqual({ kind: 'action', action: 'mute' });
    expect(keyBinding('Backspace')).toEqual({ kind: 'action', action: 'back' });
    expect(keyBinding('KeyQ')).toBeNull();
    expect(keyBinding('Tab')).toBeNull();
  });

  it('reads the physical key, not the character: AZERTY Z (code KeyW) is up, its W (code KeyZ) nothing', () => {
    expect(keyBinding('KeyW', 'z')).toEqual({ kind: 'direction', direction: 'up' });
    expect(keyBinding('KeyZ', 'w')).toBeNull();
  });

  it('falls back on layout-free keys when code is empty', () => {
    expect(keyBinding('', 'ArrowLeft')).toEqual({ kind: 'direction', direction: 'left' });
    expect(keyBinding('', ' ')).toEqual({ kind: 'action', action: 'confirm' });
    expect(keyBinding('', 'w')).toBeNull();
  });
});

describe('isEditableTarget', () => {
  it('recognises form fields and contenteditable', () => {
    expect(isEditableTarget(new FakeElement('INPUT'))).toBe(true);
    expect(isEditableTarget(new FakeElement('textarea'))).toBe(true);
    expect(isEditableTarget(new FakeElement('SELECT'))).toBe(true);
    const editable = new FakeElement('DIV');
    editable.isContentEditable = true;
    expect(isEditableTarget(editable)).toBe(true);
    expect(isEditableTarget(new FakeElement('CANVAS'))).toBe(false);
    expect(isEditableTarget(new EventTarget())).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
});

describe('KeyboardSource', () => {
  it('requests directions from arrows and WASD', () => {
    const { hub, press } = setup();
    press('ArrowLeft');
    expect(hub.requestedDirection).toBe('left');
    expect(hub.lastSource).toBe('keyboard');
    press('KeyS');
    expect(hub.requestedDirection).toBe('down');
    press('KeyD');
    expect(hub.requestedDirection).toBe('right');
    press('ArrowUp');
    expect(hub.requestedDirection).toBe('up');
  });

  it('triggers actions, once per press: repeats are ignored', () => {
    const { actions, sources, press } = setup();
    press('Enter');
    press('Enter', { repeat: true });
    press('Enter', { repeat: true });
    press('Space');
    press('Escape');
    press('KeyP', { repeat: true });
    press('KeyM');
    press('Backspace');
    expect(actions).toEqual(['confirm', 'confirm', 'pause', 'mute', 'back']);
    expect([...sources]).toEqual(['keyboard']);
  });

  it('still re-requests a held direction key (restores the request after a clear)', () => {
    const { hub, press } = setup();
    press('ArrowRight');
    hub.clear();
    press('ArrowRight', { repeat: true });
    expect(hub.requestedDirection).toBe('right');
  });

  it('prevents the default of the keys it handles, and only those', () => {
    const { press } = setup();
    expect(press('ArrowDown').defaultPrevented).toBe(true);
    expect(press('Space').defaultPrevented).toBe(true);
    expect(press('Backspace').defaultPrevented).toBe(true);
    expect(press('Enter', { repeat: true }).defaultPrevented).toBe(true);
    expect(press('Tab').defaultPrevented).toBe(false);
    expect(press('F5').defaultPrevented).toBe(false);
  });

  it('ignores typing in a form field', () => {
    const input = new FakeElement('INPUT');
    const { hub, actions, press } = setup(input);
    const event = press('KeyA');
    press('Backspace');
    press('Space');
    expect(hub.requestedDirection).toBeNull();
    expect(actions).toEqual([]);
    expect(event.defaultPrevented).toBe(false);
  });

  it('leaves browser shortcuts alone', () => {
    const { hub, actions, press } = setup();
    const save = press('KeyS', { ctrlKey: true });
    press('KeyD', { metaKey: true });
    press('ArrowLeft', { altKey: true });
    press('KeyM', { ctrlKey: true });
    expect(hub.requestedDirection).toBeNull();
    expect(actions).toEqual([]);
    expect(save.defaultPrevented).toBe(false);
  });

  it('stops listening when removed', () => {
    const target = new EventTarget();
    const { hub, press } = setup(target);
    hub.remove('keyboard');
    const event = press('ArrowUp');
    expect(hub.requestedDirection).toBeNull();
    expect(event.defaultPrevented).toBe(false);
  });
});
