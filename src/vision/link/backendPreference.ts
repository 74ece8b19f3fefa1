/**
 * Which TensorFlow.js backend this device uses, remembered after the first measurement so
 * later visits start at once (the measurement takes a few seconds, webgl's shader compile
 * most of it). Kept in localStorage through the never-throwing store. `?headBackend=wasm`
 * (or webgl, cpu) in the page address forces one, for comparisons and tests.
 */
import type { KeyValueStore } from '../../storage/safeStorage';
import type { BackendName, BackendRequest, EngineReady } from './headProtocol';

export const BACKEND_KEY = 'headchomp.headBackend';

/** Measured in this order; cpu only when neither starts (it is never the fastest). */
export const BACKEND_CANDIDATES: readonly BackendName[] = ['wasm', 'webgl'];

export function isBackendName(value: unknown): value is BackendName {
  return value === 'wasm' || value === 'webgl' || value === 'cpu';
}

interface Remembered {
  readonly backend: BackendName;
  readonly msPerRun: Readonly<Record<string, number>>;
  readonly measuredAt: string;
}

export function readRememberedBackend(store: KeyValueStore): Remembered | null {
  const text = store.get(BACKEND_KEY);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Remembered>;
    if (!isBackendName(value.backend)) return null;
    return {
      backend: value.backend,
      msPerRun: typeof value.msPerRun === 'object' && value.msPerRun !== null ? value.msPerRun : {},
      measuredAt: typeof value.measuredAt === 'string' ? value.measuredAt : '',
    };
  } catch {
    return null;
  }
}

/** What to ask the engine for: a forced or remembered backend, or a measurement. */
export function backendRequest(store: KeyValueStore, pageUrl: string): BackendRequest {
  const forced = new URL(pageUrl).searchParams.get('headBackend');
  if (isBackendName(forced)) return { use: forced, candidates: [] };
  return { use: readRememberedBackend(store)?.backend ?? null, candidates: BACKEND_CANDIDATES };
}

/** Remember a fresh measurement (a forced or remembered start teaches nothing new). */
export function rememberBackend(store: KeyValueStore, ready: EngineReady, pageUrl: string): void {
  if (!ready.measured) return;
  if (isBackendName(new URL(pageUrl).searchParams.get('headBackend'))) return;
  const remembered: Remembered = {
    backend: ready.backend,
    msPerRun: ready.msPerRun,
    measuredAt: new Date().toISOString(),
  };
  store.set(BACKEND_KEY, JSON.stringify(remembered));
}

export function forgetBackend(store: KeyValueStore): void {
  store.set(BACKEND_KEY, '');
}

/**
 * Head control ran on this device before (a backend was chosen here): at page load the engine
 * may start loading before the saved shots are read back (headControl.ts restore).
 */
export function engineRanHere(store: KeyValueStore): boolean {
  return readRememberedBackend(store) !== null;
}
