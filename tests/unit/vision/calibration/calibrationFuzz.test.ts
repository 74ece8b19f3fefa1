// The import fuzz corpus (tests/support/calibrationCorpus.ts, >= 1,000 malformed files): every
// file is refused with a message, nothing throws, and importing all of them through
// HeadControl leaves the saved calibration (fake IndexedDB) byte-identical.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { InputHub } from '../../../../src/input/inputHub';
import { createMemoryStore } from '../../../../src/storage/safeStorage';
import { parseCalibrationFile } from '../../../../src/vision/calibration/calibrationFile';
import { CalibrationStore } from '../../../../src/vision/calibration/calibrationStore';
import { HeadControl, type CameraLike } from '../../../../src/vision/headControl';
import { generateCorpus, validCalibrationText } from '../../../support/calibrationCorpus';

const corpus = generateCorpus();

function input(data: string | Uint8Array): string | ArrayBuffer {
  if (typeof data === 'string') return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

describe('calibration import fuzz corpus', () => {
  it('has at least 1,000 files in every category the issue names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1000);
    const categories = new Set(corpus.map((file) => file.category));
    for (const category of [
      'random-bytes',
      'truncated',
      'version',
      'labels',
      'vector-length',
      'non-finite',
      'enormous',
      'nested',
      'prototype-keys',
    ]) {
      expect(categories).toContain(category);
    }
    expect(new Set(corpus.map((file) => file.name)).size).toBe(corpus.length);
  });

  it('the valid file the corpus starts from is accepted (the corpus is not refused for nothing)', () => {
    expect(parseCalibrationFile(validCalibrationText(1)).ok).toBe(true);
  });

  it('refuses every file with a message and never throws', () => {
    const accepted: string[] = [];
    const silent: string[] = [];
    for (const file of corpus) {
      const result = parseCalibrationFile(input(file.data));
      if (result.ok) accepted.push(file.name);
      else if (typeof result.message !== 'string' || result.message.length < 10)
        silent.push(file.name);
    }
    expect(accepted).toEqual([]);
    expect(silent).toEqual([]);
    // Nothing leaked onto Object.prototype from a __proto__ key.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('importing every file through HeadControl leaves the saved calibration byte-identical', async () => {
    const databaseName = 'headchomp-fuzz';
    const doc = Object.assign(new EventTarget(), {
      visibilityState: 'visible',
      defaultView: new EventTarget(),
    });
    const camera = {
      video: {},
      running: false,
      settings: null,
      onEnded: () => {},
      chosenDevice: null,
    } as unknown as CameraLike;
    const head = new HeadControl({
      hub: new InputHub(),
      live: { set: () => {} },
      storage: createMemoryStore(),
      camera,
      doc: doc as unknown as Document,
      pageUrl: 'http://127.0.0.1:4173/',
      openEngine: () => Promise.reject(new Error('no engine in this test')),
      openStore: () => CalibrationStore.open({ databaseName }),
    });
    expect(head.importFile(validCalibrationText(2)).ok).toBe(true);
    const readSaved = async (): Promise<unknown> => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const db = await openDB(databaseName, 1);
      const value: unknown = await db.get('calibration', 'current');
      db.close();
      return value;
    };
    const before = await readSaved();
    expect(typeof before).toBe('string');
    const counts = head.counts();

    for (const file of corpus) {
      const result = head.importFile(input(file.data));
      if (result.ok) throw new Error(`${file.name} was imported`);
      expect(result.message).toMatch(
        /^Import refused: .+ Your current calibration is unchanged\.$/s,
      );
    }
    expect(head.counts()).toEqual(counts);
    expect(await readSaved()).toBe(before);
  });
});
