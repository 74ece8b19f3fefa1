// What the page posts for a camera frame: the video's own frame wrapped in a VideoFrame for a
// worker engine (no pixels copied on the page's thread), an ImageBitmap where that cannot be.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameResult, ToEngine } from '../../../../src/vision/link/headProtocol';
import { linkToFakeEngines, resultTaken } from '../camera/fakeWorkerCamera';

type FrameMessage = Extract<ToEngine, { type: 'frame' }>;

/** The browser's VideoFrame: made from a video element, or refusing (no frame shown yet). */
class FakeVideoFrame {
  static refuse = false;
  /** The height it is shown at: another than its picture's 480 for a stretched frame. */
  static shownHeight = 480;
  /** The camera's planes (what a webcam gives), or RGBA (a canvas's stream). */
  static format = 'I420';
  readonly format = FakeVideoFrame.format;
  /** A 640x480 picture shown at its own size. */
  readonly visibleRect = { x: 0, y: 0, width: 640, height: 480 } as DOMRectReadOnly;
  readonly displayWidth = 640;
  readonly displayHeight = FakeVideoFrame.shownHeight;
  closed = false;
  constructor(readonly source: unknown) {
    if (FakeVideoFrame.refuse) throw new DOMException('no frame yet', 'InvalidStateError');
  }
  close(): void {
    this.closed = true;
  }
}

/** The engine's answer to the page's frame `id`. */
function answerTo(id: number): FrameResult {
  const taken = resultTaken({ at: 0, width: 640, height: 480, shotMessages: 0 });
  return { ...taken, taken: undefined, id };
}

const video = { videoWidth: 640, videoHeight: 480 } as HTMLVideoElement;

async function framesPosted(inWorker: boolean): Promise<FrameMessage[]> {
  const { link, ports } = linkToFakeEngines(inWorker);
  await link.start();
  const port = ports[0];
  if (port === undefined) throw new Error('no engine');
  link.offerFrame(video, 0, 0);
  await Promise.resolve(); // an ImageBitmap is posted once made
  await Promise.resolve();
  return port.received.filter((m): m is FrameMessage => m.type === 'frame');
}

describe("the page's camera frames", () => {
  const bitmap = { kind: 'bitmap' };
  const createImageBitmap = vi.fn(() => Promise.resolve(bitmap));

  afterEach(() => {
    vi.unstubAllGlobals();
    createImageBitmap.mockClear();
    FakeVideoFrame.refuse = false;
    FakeVideoFrame.format = 'I420';
    FakeVideoFrame.shownHeight = 480;
  });

  it('go to a worker as the video’s own frame, with no copy made on the page', async () => {
    vi.stubGlobal('VideoFrame', FakeVideoFrame);
    vi.stubGlobal('createImageBitmap', createImageBitmap);
    const [sent, ...more] = await framesPosted(true);
    expect(more).toEqual([]);
    expect(sent?.frame).toBeInstanceOf(FakeVideoFrame);
    expect((sent?.frame as unknown as FakeVideoFrame).source).toBe(video);
    expect(sent).toMatchObject({ width: 640, height: 480, record: null });
    expect(createImageBitmap).not.toHaveBeenCalled();
  });

  it('are copied into an ImageBitmap when the video has no frame to wrap yet', async () => {
    vi.stubGlobal('VideoFrame', FakeVideoFrame);
    vi.stubGlobal('createImageBitmap', createImageBitmap);
    FakeVideoFrame.refuse = true;
    const [sent] = await framesPosted(true);
    expect(sent?.frame).toBe(bitmap);
    expect(createImageBitmap).toHaveBeenCalledWith(video);
  });

  it('are ImageBitmaps when the frame is not in planes the worker converts (a canvas stream)', async () => {
    vi.stubGlobal('VideoFrame', FakeVideoFrame);
    vi.stubGlobal('createImageBitmap', createImageBitmap);
    FakeVideoFrame.format = 'RGBA';
    const { link, ports } = linkToFakeEngines(true);
    await link.start();
    const made: FakeVideoFrame[] = [];
    const Made = class extends FakeVideoFrame {
      constructor(source: unknown) {
        super(source);
        made.push(this);
      }
    };
    vi.stubGlobal('VideoFrame', Made);
    link.offerFrame(video, 0, 0);
    await Promise.resolve();
    await Promise.resolve();
    const sent = ports[0]?.received.filter((m): m is FrameMessage => m.type === 'frame');
    expect(sent?.map((m) => m.frame)).toEqual([bitmap]);
    expect(made.map((frame) => frame.closed)).toEqual([true]);
  });

  it('look at a stream whose frames the worker would not picture once, not every frame', async () => {
    vi.stubGlobal('createImageBitmap', createImageBitmap);
    FakeVideoFrame.format = 'BGRA'; // a canvas's stream
    let made = 0;
    vi.stubGlobal(
      'VideoFrame',
      class extends FakeVideoFrame {
        constructor(source: unknown) {
          super(source);
          made++;
        }
      },
    );
    const { link, ports } = linkToFakeEngines(true);
    await link.start();
    const port = ports[0];
    if (port === undefined) throw new Error('no engine');
    const canvasVideo = { ...video, srcObject: {} } as HTMLVideoElement;
    for (let i = 0; i < 3; i++) {
      link.offerFrame(canvasVideo, i * 1000, 0);
      await Promise.resolve();
      await Promise.resolve();
      const sent = port.received.filter((m): m is FrameMessage => m.type === 'frame').at(-1);
      expect(sent?.frame).toBe(bitmap);
      port.listener(answerTo(sent?.id ?? 0));
    }
    expect(made).toBe(1);
  });

  it('are ImageBitmaps when the frame is shown at another size than its picture', async () => {
    vi.stubGlobal('VideoFrame', FakeVideoFrame);
    vi.stubGlobal('createImageBitmap', createImageBitmap);
    FakeVideoFrame.shownHeight = 360;
    expect((await framesPosted(true))[0]?.frame).toBe(bitmap);
  });

  it('are ImageBitmaps from the first VideoFrame the browser would not post on', async () => {
    vi.stubGlobal('VideoFrame', FakeVideoFrame);
    vi.stubGlobal('createImageBitmap', createImageBitmap);
    const { link, ports } = linkToFakeEngines(true);
    await link.start();
    const port = ports[0];
    if (port === undefined) throw new Error('no engine');
    const made: FakeVideoFrame[] = [];
    const post = port.post.bind(port);
    port.post = (message) => {
      if (message.type === 'frame' && message.frame instanceof FakeVideoFrame) {
        made.push(message.frame);
        throw new DOMException('VideoFrame could not be cloned', 'DataCloneError');
      }
      post(message);
    };
    for (let i = 0; i < 2; i++) {
      link.offerFrame(video, i * 1000, 0);
      await Promise.resolve();
      await Promise.resolve();
      const answered = port.received.filter((m) => m.type === 'frame').at(-1) as FrameMessage;
      expect(answered.frame).toBe(bitmap);
      port.listener(answerTo(answered.id));
    }
    expect(made).toHaveLength(1); // tried once, then not again
    expect(made[0]?.closed).toBe(true);
  });

  it('are ImageBitmaps where the browser has no VideoFrame, and for an engine on the page', async () => {
    vi.stubGlobal('createImageBitmap', createImageBitmap);
    expect((await framesPosted(true))[0]?.frame).toBe(bitmap);
    vi.stubGlobal('VideoFrame', FakeVideoFrame);
    expect((await framesPosted(false))[0]?.frame).toBe(bitmap);
  });
});
