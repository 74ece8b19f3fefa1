// The screen stays awake while playing: the lock is asked for on 'playing', released
// otherwise, taken again when the page comes back, and never throws where it is missing.
import { describe, expect, it, vi } from 'vitest';
import { ScreenAwake, type WakeLockLike } from '../../../src/ui/wakeLock';

class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
  show(state: 'visible' | 'hidden'): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

function fakeLock(refuse = false) {
  const log: string[] = [];
  const sentinels: Array<{ released: boolean; release: () => Promise<void> }> = [];
  const lock: WakeLockLike = {
    request: vi.fn(async () => {
      if (refuse) throw new DOMException('battery saver', 'NotAllowedError');
      log.push('request');
      const sentinel = {
        released: false,
        release: async () => {
          sentinel.released = true;
          log.push('release');
        },
      };
      sentinels.push(sentinel);
      return sentinel;
    }),
  };
  return { lock, log, sentinels };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ScreenAwake', () => {
  it('holds the lock while playing and releases it on pause', async () => {
    const doc = new FakeDocument();
    const { lock, log } = fakeLock();
    const awake = new ScreenAwake(doc as unknown as Document, lock);
    awake.set(true);
    await settle();
    expect(awake.held).toBe(true);
    awake.set(true); // no second lock
    await settle();
    awake.set(false);
    await settle();
    expect(awake.held).toBe(false);
    expect(log).toEqual(['request', 'release']);
  });

  it('takes the lock again when the page comes back while playing', async () => {
    const doc = new FakeDocument();
    const { lock, log, sentinels } = fakeLock();
    const awake = new ScreenAwake(doc as unknown as Document, lock);
    awake.set(true);
    await settle();
    // The browser releases the lock when the page is hidden.
    sentinels[0]!.released = true;
    doc.show('hidden');
    doc.show('visible');
    await settle();
    expect(awake.held).toBe(true);
    expect(log).toEqual(['request', 'request']);
  });

  it('does nothing without the API, and survives a refusal', async () => {
    const doc = new FakeDocument();
    const without = new ScreenAwake(doc as unknown as Document, undefined);
    expect(without.supported).toBe(false);
    expect(() => without.set(true)).not.toThrow();
    const { lock } = fakeLock(true);
    const refused = new ScreenAwake(doc as unknown as Document, lock);
    refused.set(true);
    await settle();
    expect(refused.held).toBe(false);
  });
});
