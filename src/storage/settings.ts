/** Player settings that outlive the page: for now, whether the sound is muted. */
import type { KeyValueStore } from './safeStorage';

export const MUTED_KEY = 'headchomp.muted';

export function readMuted(store: KeyValueStore): boolean {
  // Only an explicit 'true' mutes: anything else (absent, garbage) means sound on.
  return store.get(MUTED_KEY) === 'true';
}

export function writeMuted(store: KeyValueStore, muted: boolean): void {
  store.set(MUTED_KEY, muted ? 'true' : 'false');
}
