// A worker that fails while it starts: the engine moves to the page, and the start that the
// player's head control waits on ends only once that engine is ready, however many errors the
// failed worker still sends (one per wasm helper thread).
import { describe, expect, it } from 'vitest';
import { linkToFakeEngines } from '../camera/fakeWorkerCamera';

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('an engine worker that fails while it starts', () => {
  it("ends the start when the page's engine is ready, not at the failed worker's later errors", async () => {
    const { link, ports } = linkToFakeEngines(true, true);
    let started = false;
    void link.start().then(() => {
      started = true;
    });
    await settle();
    // The worker fails while it loads, as a threaded start did.
    const first = ports[0];
    if (first === undefined) throw new Error('no worker opened');
    first.crash('e is not defined');
    await settle();
    expect(ports).toHaveLength(2);
    first.crash('e is not defined');
    first.crash('e is not defined');
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
