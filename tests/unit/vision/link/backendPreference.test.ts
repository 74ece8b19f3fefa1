import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../../src/storage/safeStorage';
import {
  BACKEND_CANDIDATES,
  BACKEND_KEY,
  backendRequest,
  forgetBackend,
  readRememberedBackend,
  rememberBackend,
} from '../../../../src/vision/link/backendPreference';
import type { EngineReady } from '../../../../src/vision/link/headProtocol';

const PAGE = 'http://127.0.0.1:4173/';

function ready(overrides: Partial<EngineReady> = {}): EngineReady {
  return {
    type: 'ready',
    backend: 'wasm',
    msPerRun: { wasm: 12, webgl: 130 },
    failed: {},
    measured: true,
    model: { url: `${PAGE}models/mobilenet/model.json`, kind: 'local' },
    files: { fromCache: 0, fromNetwork: 2 },
    inWorker: true,
    wasmThreads: null,
    faceFinderProblem: null,
    meshProblem: null,
    ...overrides,
  };
}

describe('the remembered backend', () => {
  it('measures on the first visit and uses the winner without measuring afterwards', () => {
    const store = createMemoryStore();
    expect(backendRequest(store, PAGE)).toEqual({ use: null, candidates: BACKEND_CANDIDATES });
    rememberBackend(store, ready(), PAGE);
    expect(readRememberedBackend(store)).toMatchObject({ backend: 'wasm', msPerRun: { wasm: 12 } });
    expect(backendRequest(store, PAGE)).toEqual({ use: 'wasm', candidates: BACKEND_CANDIDATES });
  });

  it('learns nothing from a start that was not a measurement, or a forced one', () => {
    const store = createMemoryStore();
    rememberBackend(store, ready({ measured: false }), PAGE);
    rememberBackend(store, ready({ backend: 'cpu' }), `${PAGE}?headBackend=cpu`);
    expect(readRememberedBackend(store)).toBeNull();
  });

  it('obeys ?headBackend= and ignores garbage', () => {
    const store = createMemoryStore();
    expect(backendRequest(store, `${PAGE}?headBackend=webgl`)).toEqual({
      use: 'webgl',
      candidates: [],
    });
    store.set(BACKEND_KEY, '{"backend":"quantum"}');
    expect(readRememberedBackend(store)).toBeNull();
    store.set(BACKEND_KEY, 'not json');
    expect(readRememberedBackend(store)).toBeNull();
    rememberBackend(store, ready(), PAGE);
    forgetBackend(store);
    expect(readRememberedBackend(store)).toBeNull();
  });
});
