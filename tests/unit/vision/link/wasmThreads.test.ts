import { describe, expect, it } from 'vitest';
import { MOST_THREADS, wasmThreadsWanted } from '../../../../src/vision/link/wasmThreads';

const PAGE = 'http://127.0.0.1:4173/';

describe('threads asked for the wasm backend (?headThreads=)', () => {
  it('asks for none unless the address names a count', () => {
    expect(wasmThreadsWanted(PAGE)).toBe(1);
    expect(wasmThreadsWanted(`${PAGE}?headBackend=wasm`)).toBe(1);
  });

  it('takes a whole count from 1, and caps it', () => {
    expect(wasmThreadsWanted(`${PAGE}?headThreads=2`)).toBe(2);
    expect(wasmThreadsWanted(`${PAGE}?headThreads=4&seed=3`)).toBe(4);
    expect(wasmThreadsWanted(`${PAGE}?headThreads=1`)).toBe(1);
    expect(wasmThreadsWanted(`${PAGE}?headThreads=64`)).toBe(MOST_THREADS);
  });

  it('ignores nonsense', () => {
    for (const value of ['0', '-2', '1.5', 'many', '', 'Infinity']) {
      expect(wasmThreadsWanted(`${PAGE}?headThreads=${value}`)).toBe(1);
    }
    expect(wasmThreadsWanted('not an address')).toBe(1);
  });
});
