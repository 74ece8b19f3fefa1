// Who reads the camera's frames: the engine's worker where the camera can be handed to it
// (a track processor here, an engine in a worker), else the page; and the page again when the
// worker cannot, is silent too long, or gives way to an engine on the page's own thread.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handOverCamera, workerFramesWanted } from '../../../../src/vision/camera/cameraHandover';
import {
  countsText,
  FIRST_FRAME_WAIT_MS,
  FrameFeed,
} from '../../../../src/vision/camera/frameFeed';
import type { ToEngine } from '../../../../src/vision/link/headProtocol';
import {
  FakeCameraVideo,
  FakeVideoFrame,
  linkToFakeEngines,
  resultTaken,
  scopeWithProcessor,
  type FakeTrack,
} from './fakeWorkerCamera';

const PAGE = 'https://example.test/?headRate=full&headFrames=worker';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function feeding(address = PAGE, firstInWorker = true) {
  const engines = linkToFakeEngines(firstInWorker);
  await engines.link.start();
  const video = new FakeCameraVideo();
  const { scope, tracks, push, end } = scopeWithProcessor();
  const feed = new FrameFeed(engines.link, address, scope);
  feed.start(
    video.element,
    () => true,
    () => 7,
  );
  const port = engines.ports[0];
  if (port === undefined) throw new Error('no engine opened');
  return { ...engines, port, video, feed, tracks, push, end };
}

function clone(video: FakeCameraVideo): FakeTrack {
  const copy = video.track.clones[0];
  if (copy === undefined) throw new Error('the track was not cloned');
  return copy;
}

const frames = (received: ToEngine[]): ToEngine[] => received.filter((m) => m.type === 'frame');

afterEach(() => {
  vi.useRealTimers();
});

describe('handing the camera to the worker', () => {
  it('makes a processor of a clone of the live track, and stops only the clone', () => {
    const video = new FakeCameraVideo();
    const { scope, tracks } = scopeWithProcessor();
    const handover = handOverCamera(video.element, scope);
    expect(handover?.source).toEqual({ posted: true });
    expect(tracks).toEqual([clone(video)]);
    handover?.stop();
    expect(clone(video).stopped).toBe(true);
    expect(video.track.stopped).toBe(false);
  });

  it('hands the track itself where the page has no processor, and nothing without a live one', () => {
    const video = new FakeCameraVideo();
    const handover = handOverCamera(video.element, {} as typeof globalThis);
    expect(handover?.source).toEqual({ track: clone(video) });
    video.track.readyState = 'ended';
    expect(handOverCamera(video.element, {} as typeof globalThis)).toBeNull();
    const noStream = new FakeCameraVideo();
    noStream.srcObject = null;
    expect(handOverCamera(noStream.element, {} as typeof globalThis)).toBeNull();
  });

  it('the page reads the frames unless ?headFrames=worker asks for the worker', () => {
    expect(workerFramesWanted('https://example.test/')).toBe(false);
    expect(workerFramesWanted('https://example.test/?headFrames=page')).toBe(false);
    expect(workerFramesWanted('https://example.test/?headFrames=worker')).toBe(true);
    expect(workerFramesWanted('not an address')).toBe(false);
  });
});

describe('the frame feed', () => {
  it('lets the worker read the frames, and tells it what its gate needs', async () => {
    const { port, video, feed, link } = await feeding();
    expect(feed.reader).toBe('worker');
    expect(feed.describeRate(0)).toMatch(/frames read by the worker/);
    const camera = port.received.find((m) => m.type === 'camera');
    expect(camera !== undefined && 'posted' in camera.source).toBe(true);
    expect(port.received.at(-1)).toEqual({ type: 'feed', record: null, minIntervalMs: 0 });
    video.frame(10);
    expect(frames(port.received)).toHaveLength(0); // the page sends none itself
    link.startRecording('left', 20);
    expect(port.received.at(-1)).toEqual({ type: 'feed', record: 'left', minIntervalMs: 0 });
    link.setMinInterval(100);
    expect(port.received.at(-1)).toEqual({ type: 'feed', record: 'left', minIntervalMs: 100 });
    const count = port.received.length;
    link.setMinInterval(100); // unchanged: nothing to tell
    expect(port.received).toHaveLength(count);
    feed.stop();
    expect(port.received.at(-1)).toEqual({ type: 'camera-stop' });
    expect(clone(video).stopped).toBe(true);
    expect(video.track.stopped).toBe(false);
  });

  it('posts the frames to the worker one at a time, the newest as soon as it asks, transferred; closes those once stopped', async () => {
    const { port, feed, push, end } = await feeding();
    const posted = (): unknown[] =>
      port.received.flatMap((m) => (m.type === 'camera-frame' ? [m.frame] : []));
    const [first, second, newest] = ['first', 'second', 'newest'].map(
      (name) => new FakeVideoFrame(name),
    ) as [FakeVideoFrame, FakeVideoFrame, FakeVideoFrame];
    push(first);
    await settle();
    push(second);
    push(newest);
    await settle();
    expect(posted()).toEqual([first]); // the worker is busy with it
    expect([second.closed, newest.closed]).toEqual([true, false]);
    port.listener({ type: 'camera', state: 'next', reason: null });
    await settle();
    expect(posted()).toEqual([first, newest]);
    expect(first.closed).toBe(false); // the worker's to close
    const waiting = new FakeVideoFrame('waiting');
    push(waiting);
    await settle();
    feed.stop();
    await settle();
    expect(waiting.closed).toBe(true);
    const late = new FakeVideoFrame('late');
    push(late);
    end();
    await settle();
    expect(posted()).toHaveLength(2);
    expect(late.closed).toBe(true);
  });

  it("shows on the overlay what became of the worker's frames, as of its latest answer", async () => {
    const { port, feed } = await feeding();
    port.listener({ type: 'camera', state: 'reading', reason: null });
    const counts = {
      read: 90,
      predicted: 50,
      looked: 60,
      moved: 8,
      settling: 22,
      still: 30,
      blind: 0,
    };
    port.listener(resultTaken({ at: 0, width: 640, height: 480, shotMessages: 1, counts }));
    expect(feed.describeRate(0)).toBe(
      "off (?headRate=full); frames read by the worker: 90 read, 50 predicted; 60 before the governor's turn: " +
        '8 moved, 22 settling (predicted at once), 30 still, 0 unseen (let go)',
    );
    expect(countsText(counts)).toMatch(/^90 read/);
  });

  it('reads on the page when the worker says it cannot', async () => {
    const { port, video, feed } = await feeding();
    port.listener({ type: 'camera', state: 'failed', reason: 'no processor here' });
    expect(feed.reader).toBe('page');
    expect(port.types).toContain('camera-stop');
    expect(clone(video).stopped).toBe(true);
    video.frame(10);
    expect(frames(port.received)).toHaveLength(1);
    expect(feed.describeRate(0)).toMatch(
      /frames read by the page: 1 sent, 0 of them before the governor's turn/,
    );
  });

  it('reads on the page when the worker has not said it reads within the wait', async () => {
    vi.useFakeTimers();
    const { port, video, feed } = await feeding();
    vi.advanceTimersByTime(FIRST_FRAME_WAIT_MS - 1);
    expect(feed.reader).toBe('worker');
    vi.advanceTimersByTime(1);
    expect(feed.reader).toBe('page');
    video.frame(10);
    expect(frames(port.received)).toHaveLength(1);
  });

  it('keeps the worker reading once it has said so', async () => {
    vi.useFakeTimers();
    const { port, feed } = await feeding();
    port.listener({ type: 'camera', state: 'reading', reason: null });
    vi.advanceTimersByTime(10 * FIRST_FRAME_WAIT_MS);
    expect(feed.reader).toBe('worker');
    expect(port.types).not.toContain('camera-stop');
  });

  it('reads on the page by default, or where a track does not transfer', async () => {
    const asked = await feeding('https://example.test/');
    expect(asked.feed.reader).toBe('page');
    expect(asked.port.types).not.toContain('camera');
    expect(asked.video.track.clones).toHaveLength(0);

    const engines = linkToFakeEngines();
    await engines.link.start();
    const port = engines.ports[0];
    if (port === undefined) throw new Error('no engine');
    port.refuseCamera = new DOMException('not transferable', 'DataCloneError');
    const video = new FakeCameraVideo();
    const feed = new FrameFeed(engines.link, PAGE, {} as typeof globalThis);
    feed.start(
      video.element,
      () => true,
      () => 0,
    );
    expect(feed.reader).toBe('page');
    expect(clone(video).stopped).toBe(true);
  });

  it('reads on the page when the engine runs there', async () => {
    const { feed, port } = await feeding(PAGE, false);
    expect(feed.reader).toBe('page');
    expect(port.types).not.toContain('camera');
  });

  it('follows the engine when a crashed worker is replaced by one on the page', async () => {
    const { ports, port, video, feed } = await feeding();
    expect(feed.reader).toBe('worker');
    port.crash('the worker died');
    await settle();
    await settle();
    const next = ports[1];
    expect(next?.inWorker).toBe(false);
    expect(feed.reader).toBe('page');
    expect(clone(video).stopped).toBe(true);
    video.frame(50);
    expect(frames(next?.received ?? [])).toHaveLength(1);
  });

  it("ignores the replaced worker's late errors: the engine on the page keeps its frames", async () => {
    const { ports, port, video, feed, link } = await feeding();
    // A worker whose helper threads all fail sends one error each, the later ones after the
    // first has already replaced it.
    port.crash('e is not defined');
    await settle();
    await settle();
    port.crash('e is not defined');
    port.crash('e is not defined');
    await settle();
    expect(ports).toHaveLength(2);
    expect(link.ready?.inWorker).toBe(false);
    expect(link.failed).toBe(false);
    expect(feed.reader).toBe('page');
    video.frame(50);
    expect(frames(ports[1]?.received ?? [])).toHaveLength(1);
  });
});
