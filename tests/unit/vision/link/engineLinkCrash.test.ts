// A worker that fails while it starts: the engine moves to the page, and the start that the
// player's head control waits on ends only once that engine is ready, however many errors the
// failed worker still sends (one per wasm helper thread).
import { describe, expect, it } from 'vitest';
import { EngineLink } from '../../../../src/vision/link/engineLink';
import type { EnginePort } from '../../../../src/vision/link/enginePort';
import type { FromEngine, ToEngine } from '../../../../src/vision/link/headProtocol';
import { createMemoryStore } from '../../../../src/storage/safeStorage';
import { perPose } from '../../../../src/vision/poses';

/** A port that answers 'init' only when the test says so, and can fail. */
class HeldPort implements EnginePort {
  listener: (message: FromEngine) => void = () => {};
  crash: (message: string) => void = () => {};
  constructor(readonly inWorker: boolean) {}
  post(message: ToEngine): void {
    void message;
  }
  onMessage(listener: (message: FromEngine) => void): void {
    this.listener = listener;
  }
  onCrash(listener: (message: string) => void): void {
    this.crash = listener;
  }
  terminate(): void {}
  ready(): void {
    this.listener({
      type: 'ready',
      backend: 'wasm',
      msPerRun: {},
      failed: {},
      measured: true,
      model: { url: '', kind: 'local' },
      files: { fromCache: 0, fromNetwork: 0 },
      inWorker: this.inWorker,
      wasmThreads: null,
      faceFinderProblem: null,
      meshProblem: null,
    });
  }
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('an engine worker that fails while it starts', () => {
  it("ends the start when the page's engine is ready, not at the failed worker's later errors", async () => {
    const ports: HeldPort[] = [];
    const link = new EngineLink({
      openEngine: async (preferWorker) => {
        const port = new HeldPort(preferWorker);
        ports.push(port);
        return port;
      },
      storage: createMemoryStore(),
      pageUrl: 'https://example.test/',
      samples: () => perPose(() => []),
      onStateChange: () => {},
      onResult: () => {},
    });
    let started = false;
    void link.start().then(() => {
      started = true;
    });
    await settle();
    const worker = ports[0];
    if (worker === undefined) throw new Error('no worker opened');
    worker.crash('e is not defined');
    await settle();
    expect(ports).toHaveLength(2);
    worker.crash('e is not defined');
    worker.crash('e is not defined');
    await settle();
    expect(started).toBe(false);
    expect(link.failed).toBe(false);
    ports[1]?.ready();
    await settle();
    expect(started).toBe(true);
    expect(link.part).toBe('ready');
    expect(link.ready?.inWorker).toBe(false);
  });
});
