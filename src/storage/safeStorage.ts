/**
 * A tiny key/value store that never throws. localStorage can be missing (old embeds),
 * forbidden (privacy modes throw SecurityError on access), or full (QuotaExceededError);
 * in all of those cases the game keeps working with values held in memory for this visit.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Reads `window.localStorage` without letting a SecurityError escape. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function createSafeStore(storage: Storage | null = browserStorage()): KeyValueStore {
  // Values written this visit win over what storage holds: a failed write must not make
  // the game fall back to an older value on the next read.
  const memory = new Map<string, string>();
  return {
    get(key) {
      if (memory.has(key)) return memory.get(key) ?? null;
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        storage?.setItem(key, value);
      } catch {
        // Full or forbidden storage: the in-memory copy serves until the page closes.
      }
    },
  };
}

/** A store that only lives in memory (tests, or when nothing should persist). */
export function createMemoryStore(): KeyValueStore {
  return createSafeStore(null);
}
