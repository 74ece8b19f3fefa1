import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CANCELLED_NOTICE,
  HandsFreeAutoStart,
  handsFreeAfterFromAddress,
  startsInText,
} from '../../../../src/ui/calibration/handsFreeAutoStart';
import { SILENT_CUES } from '../../../../src/ui/calibration/handsFreeCues';

/**
 * The document, as far as listening goes. (Node's own EventTarget does not remove a listener
 * added with `capture: true`, which browsers do.)
 */
function fakePage() {
  const listeners = new Map<string, Set<EventListenerOrEventListenerObject>>();
  const page = {
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      const set = listeners.get(type) ?? new Set();
      set.add(listener);
      listeners.set(type, set);
    },
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      listeners.get(type)?.delete(listener);
    },
    dispatchEvent: (event: Event) => {
      for (const listener of [...(listeners.get(event.type) ?? [])]) {
        if (typeof listener === 'function') listener(event);
        else listener.handleEvent(event);
      }
      return true;
    },
  };
  return page as EventTarget;
}

function setUp(ready = true) {
  const page = fakePage();
  const notices: (string | null)[] = [];
  const said: string[] = [];
  let isReady = ready;
  let starts = 0;
  const cues = { ...SILENT_CUES, startsSoon: vi.fn(), stop: vi.fn() };
  const autoStart = new HandsFreeAutoStart(
    page,
    {
      ready: () => isReady,
      start: () => starts++,
      show: (text) => notices.push(text),
      announce: (text) => said.push(text),
    },
    cues,
  );
  const key = (repeat = false) => {
    const event = new Event('keydown');
    Object.assign(event, { repeat });
    page.dispatchEvent(event);
  };
  return {
    autoStart,
    page,
    notices,
    said,
    cues,
    key,
    starts: () => starts,
    becomeReady: () => {
      isReady = true;
      autoStart.headChanged();
    },
  };
}

describe('the hands-free run starting by itself', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts down in a notice, says so, then starts the run', () => {
    const t = setUp();
    t.autoStart.arm(5000);
    expect(t.said).toEqual([`${startsInText(5)}. Press any key or tap to cancel.`]);
    expect(t.cues.startsSoon).toHaveBeenCalledWith(5);
    vi.advanceTimersByTime(4999);
    expect(t.notices).toEqual([5, 4, 3, 2, 1].map(startsInText));
    expect(startsInText(5)).toBe('Hands-free recording starts in 5 s: look at the screen');
    expect(t.starts()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(t.starts()).toBe(1);
    expect(t.notices.at(-1)).toBeNull();
    expect(t.autoStart.pending).toBe(false);
  });

  it('is cancelled by any key, and says so', () => {
    const t = setUp();
    t.autoStart.arm(5000);
    vi.advanceTimersByTime(2000);
    t.key();
    expect(t.notices.at(-1)).toBe(CANCELLED_NOTICE);
    expect(t.said.at(-1)).toBe('Hands-free recording cancelled.');
    expect(t.cues.stop).toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(t.starts()).toBe(0);
  });

  it('is cancelled by a tap, but not by a key held down since before', () => {
    const t = setUp();
    t.autoStart.arm(3000);
    t.key(true);
    expect(t.autoStart.pending).toBe(true);
    t.page.dispatchEvent(new Event('pointerdown'));
    expect(t.autoStart.pending).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(t.starts()).toBe(0);
  });

  it('waits for the camera and model when they are not ready in time', () => {
    const t = setUp(false);
    t.autoStart.arm(1000);
    vi.advanceTimersByTime(1000);
    expect(t.starts()).toBe(0);
    expect(t.notices.at(-1)).toMatch(/as soon as the camera and model are ready/);
    t.becomeReady();
    expect(t.starts()).toBe(1);
  });

  it('goes quietly when the screen closes first', () => {
    const t = setUp();
    t.autoStart.arm(2000);
    t.autoStart.disarm();
    vi.advanceTimersByTime(5000);
    t.key();
    expect(t.starts()).toBe(0);
    expect(t.notices.at(-1)).toBeNull();
  });
});

describe('?handsFreeAfter= in the address', () => {
  it('reads 0 to 60 000 ms and ignores anything else', () => {
    expect(handsFreeAfterFromAddress('?handsFreeAfter=5000')).toBe(5000);
    expect(handsFreeAfterFromAddress('?seed=1&handsFreeAfter=0')).toBe(0);
    expect(handsFreeAfterFromAddress('')).toBeUndefined();
    for (const bad of ['-1', '1e3', '60001', '99999999', '5000ms', '<script>', ' 5', '0x10']) {
      expect(handsFreeAfterFromAddress(`?handsFreeAfter=${encodeURIComponent(bad)}`)).toBe(
        undefined,
      );
    }
  });
});
