import { describe, expect, it } from 'vitest';
import { createSafeStore } from '../../../src/storage/safeStorage';
import { MUTED_KEY, readMuted, writeMuted } from '../../../src/storage/settings';

/** A Storage stand-in whose failures we choose. */
function fakeStorage(options: { failGet?: boolean; failSet?: boolean } = {}): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    removeItem: (k: string) => void data.delete(k),
    getItem: (k: string) => {
      if (options.failGet) throw new Error('SecurityError');
      return data.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (options.failSet) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
  };
}

describe('createSafeStore', () => {
  it('writes through to storage', () => {
    const storage = fakeStorage();
    createSafeStore(storage).set('a', '1');
    expect(storage.getItem('a')).toBe('1');
    expect(createSafeStore(storage).get('a')).toBe('1');
  });

  it('keeps values in memory when storage is full', () => {
    const store = createSafeStore(fakeStorage({ failSet: true }));
    expect(() => store.set('a', '1')).not.toThrow();
    expect(store.get('a')).toBe('1');
  });

  it('reads null when storage refuses access, and never throws', () => {
    const store = createSafeStore(fakeStorage({ failGet: true, failSet: true }));
    expect(store.get('missing')).toBeNull();
    store.set('b', '2');
    expect(store.get('b')).toBe('2');
  });

  it('works with no storage at all', () => {
    const store = createSafeStore(null);
    store.set('c', '3');
    expect(store.get('c')).toBe('3');
  });
});

describe('mute setting', () => {
  it('round-trips and treats anything but "true" as sound on', () => {
    const storage = fakeStorage();
    const store = createSafeStore(storage);
    expect(readMuted(store)).toBe(false);
    writeMuted(store, true);
    expect(storage.getItem(MUTED_KEY)).toBe('true');
    expect(readMuted(createSafeStore(storage))).toBe(true);
    storage.setItem(MUTED_KEY, '{"evil":1}');
    expect(readMuted(createSafeStore(storage))).toBe(false);
  });
});
