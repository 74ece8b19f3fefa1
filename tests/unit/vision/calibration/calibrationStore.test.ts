import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CalibrationStore } from '../../../../src/vision/calibration/calibrationStore';
import type { PipelineIds } from '../../../../src/vision/engine/features/pipeline';
import { POSES } from '../../../../src/vision/poses';
import type { PoseSamples } from '../../../../src/vision/poseSamples';
import { clusteredSamples, sameBits } from '../testVectors';

const PIPELINE: PipelineIds = {
  modelId: 'test-model',
  featureId: 'test-features',
  preprocessingId: 'test-framing',
  vectorLength: 16,
};

let databaseNumber = 0;
const openStores: CalibrationStore[] = [];

/** Each test its own database, so no test sees another's calibration. */
function freshName(): string {
  databaseNumber += 1;
  return `headchomp-test-${databaseNumber}`;
}

async function open(databaseName: string, pipeline = PIPELINE): Promise<CalibrationStore> {
  const store = await CalibrationStore.open({ databaseName, pipeline });
  openStores.push(store);
  return store;
}

afterEach(() => {
  for (const store of openStores.splice(0)) store.close();
});

function expectSameSamples(actual: PoseSamples | undefined, expected: PoseSamples): void {
  expect(actual).toBeDefined();
  for (const pose of POSES) {
    expect(actual?.[pose]).toHaveLength(expected[pose].length);
    expected[pose].forEach((sample, i) => {
      expect(sameBits(actual?.[pose][i]?.features as Float32Array, sample.features)).toBe(true);
    });
  }
}

describe('CalibrationStore', () => {
  it('saves on the device, and a later visit loads the same vectors', async () => {
    const name = freshName();
    const samples = clusteredSamples(3, 4);
    const first = await open(name);
    expect(await first.save(samples, new Date('2025-01-01T00:00:00Z'))).toEqual({
      kind: 'saved-on-device',
    });
    first.close();

    const nextVisit = await open(name);
    const loaded = await nextVisit.load();
    expect(loaded.problem).toBeNull();
    expect(loaded.calibration?.createdAt).toBe('2025-01-01T00:00:00.000Z');
    expectSameSamples(loaded.calibration?.samples, samples);
  });

  it('loads nothing, and no problem, when nothing was saved', async () => {
    const store = await open(freshName());
    expect(await store.load()).toEqual({ calibration: null, problem: null });
  });

  it('forgets everything: this session and the device', async () => {
    const name = freshName();
    const store = await open(name);
    await store.save(clusteredSamples(2));
    await store.forget();
    expect(await store.load()).toEqual({ calibration: null, problem: null });
    const nextVisit = await open(name);
    expect(await nextVisit.load()).toEqual({ calibration: null, problem: null });
    // Still usable after forgetting.
    expect((await nextVisit.save(clusteredSamples(1))).kind).toBe('saved-on-device');
  });

  it('forgets even while another tab holds the database open', async () => {
    const name = freshName();
    const otherTab = await open(name);
    const store = await open(name);
    await store.save(clusteredSamples(2));
    await store.forget();
    expect((await otherTab.load()).calibration).toBeNull();
    expect((await (await open(name)).load()).calibration).toBeNull();
  });

  it('refuses a saved calibration made by another pipeline, with the reason', async () => {
    const name = freshName();
    const old = await open(name, { ...PIPELINE, featureId: 'old-features' });
    await old.save(clusteredSamples(2));
    old.close();
    const updatedGame = await open(name);
    const loaded = await updatedGame.load();
    expect(loaded.calibration).toBeNull();
    expect(loaded.problem).toMatch(/different kind of features.*calibrate again/);
  });

  it('keeps the calibration for the session when IndexedDB is missing, and says so', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error -- simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const store = await open(freshName());
      expect(store.health.kind).toBe('this-session-only');
      const samples = clusteredSamples(2, 8);
      const health = await store.save(samples);
      expect(health).toMatchObject({
        kind: 'this-session-only',
        reason: expect.stringMatching(/IndexedDB/),
      });
      expectSameSamples((await store.load()).calibration?.samples, samples);
      await store.forget();
      expect((await store.load()).calibration).toBeNull();
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('when the quota is exceeded: keeps the new one for the session, the last good one on disk', async () => {
    const name = freshName();
    const good = clusteredSamples(2, 1);
    const store = await open(name);
    await store.save(good);

    const newer = clusteredSamples(3, 2);
    // fake-indexeddb has no quota: make every write fail the way a full disk does.
    const { IDBObjectStore: StoreClass } = globalThis as unknown as {
      IDBObjectStore: { prototype: { put: unknown } };
    };
    const realPut = StoreClass.prototype.put;
    StoreClass.prototype.put = function () {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    };
    let health;
    try {
      health = await store.save(newer);
    } finally {
      StoreClass.prototype.put = realPut;
    }
    expect(health).toEqual({
      kind: 'this-session-only',
      reason: 'not saved: the browser storage for this site is full',
    });
    expect(store.health.kind).toBe('this-session-only');
    expectSameSamples((await store.load()).calibration?.samples, newer);

    store.close();
    const nextVisit = await open(name);
    expectSameSamples((await nextVisit.load()).calibration?.samples, good);
  });
});
