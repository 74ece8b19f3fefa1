import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputHub, type GameAction, type InputSource } from '../../../src/input/inputHub';
import type { Direction } from '../../../src/game/direction';

class ScriptedSource implements InputSource {
  hub: InputHub | null = null;
  attaches = 0;
  detaches = 0;
  polls: number[] = [];
  constructor(readonly name: string) {}
  attach(hub: InputHub): void {
    this.attaches++;
    this.hub = hub;
  }
  detach(): void {
    this.detaches++;
    this.hub = null;
  }
  say(direction: Direction): void {
    this.hub?.request(direction, this.name);
  }
}

class PolledSource extends ScriptedSource {
  poll(nowMs: number): void {
    this.polls.push(nowMs);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('InputHub requests', () => {
  it('starts with no request', () => {
    const hub = new InputHub();
    expect(hub.requestedDirection).toBeNull();
    expect(hub.lastSource).toBeNull();
  });

  it('keeps the latest request across sources, after the sources go quiet', () => {
    const hub = new InputHub();
    const keyboard = new ScriptedSource('keyboard');
    const swipe = new ScriptedSource('swipe');
    hub.add(keyboard);
    hub.add(swipe);
    keyboard.say('left');
    expect(hub.requestedDirection).toBe('left');
    expect(hub.lastSource).toBe('keyboard');
    swipe.say('up');
    expect(hub.requestedDirection).toBe('up');
    expect(hub.lastSource).toBe('swipe');
    hub.poll(16);
    hub.poll(32);
    expect(hub.requestedDirection).toBe('up');
    keyboard.say('down');
    expect(hub.requestedDirection).toBe('down');
    expect(hub.lastSource).toBe('keyboard');
  });

  it('clear() forgets the request and its source', () => {
    const hub = new InputHub();
    hub.request('right', 'dpad');
    hub.clear();
    expect(hub.requestedDirection).toBeNull();
    expect(hub.lastSource).toBeNull();
    hub.request('left', 'head');
    expect(hub.requestedDirection).toBe('left');
  });

  it('ignores a request that is not a direction', () => {
    const hub = new InputHub();
    hub.request('up', 'keyboard');
    hub.request('sideways' as Direction, 'head');
    expect(hub.requestedDirection).toBe('up');
    expect(hub.lastSource).toBe('keyboard');
  });
});

describe('InputHub listeners', () => {
  it('notifies direction listeners of every request and of a clear, until unsubscribed', () => {
    const hub = new InputHub();
    const seen: [Direction | null, string | null][] = [];
    const off = hub.onDirection((direction, source) => seen.push([direction, source]));
    hub.request('up', 'keyboard');
    hub.request('up', 'keyboard');
    hub.request('left', 'gamepad');
    hub.clear();
    hub.clear(); // nothing to clear: no news
    off();
    hub.request('down', 'keyboard');
    expect(seen).toEqual([
      ['up', 'keyboard'],
      ['up', 'keyboard'],
      ['left', 'gamepad'],
      [null, null],
    ]);
  });

  it('notifies action listeners until unsubscribed', () => {
    const hub = new InputHub();
    const first: [GameAction, string][] = [];
    const second: GameAction[] = [];
    const offFirst = hub.onAction((action, source) => first.push([action, source]));
    hub.onAction((action) => second.push(action));
    hub.trigger('pause', 'keyboard');
    offFirst();
    hub.trigger('mute', 'gamepad');
    expect(first).toEqual([['pause', 'keyboard']]);
    expect(second).toEqual(['pause', 'mute']);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const hub = new InputHub();
    const listener = vi.fn();
    const off = hub.onAction(listener);
    hub.onAction(listener);
    off();
    hub.trigger('confirm', 'swipe');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('survives a throwing listener and logs it once', () => {
    const hub = new InputHub();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    hub.onAction(() => {
      throw new Error('boom');
    });
    hub.onDirection(() => {
      throw new Error('bang');
    });
    const after = vi.fn();
    hub.onAction(after);
    expect(() => hub.trigger('confirm', 'keyboard')).not.toThrow();
    expect(() => hub.trigger('confirm', 'keyboard')).not.toThrow();
    expect(() => hub.request('up', 'keyboard')).not.toThrow();
    expect(() => hub.request('up', 'keyboard')).not.toThrow();
    expect(after).toHaveBeenCalledTimes(2);
    expect(hub.requestedDirection).toBe('up');
    expect(error).toHaveBeenCalledTimes(2); // once per failing listener
  });

  it('skips a listener unsubscribed by an earlier one during the same notification', () => {
    const hub = new InputHub();
    const late = vi.fn();
    let offLate = (): void => {};
    hub.onAction(() => offLate());
    offLate = hub.onAction(late);
    hub.trigger('back', 'keyboard');
    expect(late).not.toHaveBeenCalled();
  });
});

describe('InputHub sources', () => {
  it('attaches on add and detaches on remove', () => {
    const hub = new InputHub();
    const source = new ScriptedSource('keyboard');
    hub.add(source);
    expect(source.attaches).toBe(1);
    expect(hub.has('keyboard')).toBe(true);
    hub.remove('keyboard');
    expect(source.detaches).toBe(1);
    expect(hub.has('keyboard')).toBe(false);
    hub.remove('keyboard');
    expect(source.detaches).toBe(1);
  });

  it('replaces a source added under a name already in use', () => {
    const hub = new InputHub();
    const old = new PolledSource('gamepad');
    const replacement = new PolledSource('gamepad');
    hub.add(old);
    hub.add(replacement);
    expect(old.detaches).toBe(1);
    hub.poll(5);
    expect(old.polls).toEqual([]);
    expect(replacement.polls).toEqual([5]);
  });

  it('polls only the sources that have poll, and survives one that throws', () => {
    const hub = new InputHub();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken: InputSource = {
      name: 'broken',
      attach: () => {},
      detach: () => {},
      poll: () => {
        throw new Error('no pads');
      },
    };
    const polled = new PolledSource('gamepad');
    hub.add(new ScriptedSource('keyboard'));
    hub.add(broken);
    hub.add(polled);
    hub.poll(10);
    hub.poll(20);
    expect(polled.polls).toEqual([10, 20]);
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('destroy() detaches every source and drops the listeners', () => {
    const hub = new InputHub();
    const a = new ScriptedSource('keyboard');
    const b = new ScriptedSource('swipe');
    const listener = vi.fn();
    hub.add(a);
    hub.add(b);
    hub.onAction(listener);
    hub.destroy();
    expect([a.detaches, b.detaches]).toEqual([1, 1]);
    expect(hub.has('keyboard') || hub.has('swipe')).toBe(false);
    hub.trigger('confirm', 'keyboard');
    expect(listener).not.toHaveBeenCalled();
  });
});
