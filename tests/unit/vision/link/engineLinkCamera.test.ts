// The link's side of the worker reading the camera: a result the worker took itself comes to
// the coordinator as if the page had sent its frame (on the page's clock, under the shots'
// version), unless the shots changed after the worker took it: a shot recorded from it
// belongs to a set the worker has replaced since, and must not be kept here either.
import { describe, expect, it } from 'vitest';
import { perPose } from '../../../../src/vision/poses';
import { linkToFakeEngines, resultTaken } from '../camera/fakeWorkerCamera';

async function readingLink() {
  const engines = linkToFakeEngines();
  await engines.link.start();
  const port = engines.ports[0];
  if (port === undefined) throw new Error('no engine');
  const handed = engines.link.readCamera(
    { posted: true },
    () => 4,
    () => {},
  );
  expect(handed).toBe(true);
  return { ...engines, port };
}

describe('results of frames the worker read itself', () => {
  it('come under the shots version and on the page clock', async () => {
    const { port, results } = await readingLink();
    // 'init' went with one set-samples: the worker has heard one shot message.
    const at = performance.timeOrigin + 1234;
    port.listener(resultTaken({ at, width: 320, height: 240, shotMessages: 1 }, true));
    expect(results).toHaveLength(1);
    const sent = results[0]?.sent;
    expect(sent?.version).toBe(4);
    expect(sent?.at).toBeCloseTo(1234, 3);
    expect([sent?.width, sent?.height]).toEqual([320, 240]);
  });

  it('come under no version when the shots changed after the worker took the frame', async () => {
    const { link, port, results } = await readingLink();
    link.post({ type: 'set-samples', samples: perPose(() => []) });
    link.post({ type: 'remove-pose', pose: 'up' });
    port.listener(resultTaken({ at: 0, width: 640, height: 480, shotMessages: 2 }, true));
    port.listener(resultTaken({ at: 0, width: 640, height: 480, shotMessages: 3 }, true));
    expect(results.map((r) => r.sent?.version)).toEqual([-1, 4]);
  });

  it("never count against the page's own frame in flight", async () => {
    const { link, port } = await readingLink();
    expect(link.gate.offer(0).send).toBe(true);
    port.listener(resultTaken({ at: 0, width: 640, height: 480, shotMessages: 1 }));
    expect(link.gate.busy).toBe(true);
  });

  it('cannot be asked of an engine on the page', async () => {
    const engines = linkToFakeEngines(false);
    await engines.link.start();
    const handed = engines.link.readCamera(
      { posted: true },
      () => 0,
      () => {},
    );
    expect(handed).toBe(false);
    expect(engines.link.workerReadsCamera).toBe(false);
  });
});

describe('a frame in flight when the worker stops reading', () => {
  it('still comes with its version: the worker kept its shot, so the page keeps it too', async () => {
    const { link, port, results } = await readingLink();
    link.stopReadingCamera();
    expect(port.received.at(-1)).toEqual({ type: 'camera-stop' });
    expect(link.workerReadsCamera).toBe(false);
    port.listener(resultTaken({ at: 0, width: 640, height: 480, shotMessages: 1 }, true));
    expect(results[0]?.sent?.version).toBe(4);
  });

  it('tells the worker nothing more once it stopped', async () => {
    const { link, port } = await readingLink();
    link.stopReadingCamera();
    const count = port.received.length;
    link.startRecording('up', 0);
    link.setMinInterval(100);
    link.stopReadingCamera();
    expect(port.received).toHaveLength(count);
  });
});
