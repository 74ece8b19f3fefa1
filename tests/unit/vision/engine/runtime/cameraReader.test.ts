// The worker reading the camera itself: one frame in flight, the frames that come meanwhile
// let go (the processor keeps only the newest), every VideoFrame closed at once, shots at
// the recording rate, the governor's pace, and what each frame was taken with.
import { describe, expect, it, vi } from 'vitest';
import {
  CameraReader,
  DRAIN_LIMIT_MS,
  type CameraFrame,
  type CameraReaderHost,
} from '../../../../../src/vision/engine/runtime/cameraReader';
import type { LumaPlane } from '../../../../../src/vision/engine/runtime/lumaLook';
import type { FaceBox } from '../../../../../src/vision/headView';
import type { FromEngine, ToEngine } from '../../../../../src/vision/link/headProtocol';

type FrameMessage = Extract<ToEngine, { type: 'frame' }>;

class FakeFrame implements CameraFrame {
  readonly displayWidth = 640;
  readonly displayHeight = 480;
  closed = false;
  /** What the camera shows: frames of one scene are alike, of two scenes not (brightness). */
  constructor(
    readonly name: string,
    readonly scene = 0,
  ) {}
  close(): void {
    this.closed = true;
  }
}

/** A frame's brightness plane, 64x48, its face square a checkerboard that each scene shifts. */
function planeOf(frame: FakeFrame): LumaPlane {
  const width = 64;
  const height = 48;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data[y * width + x] = ((x + 6 * frame.scene) >> 2) % 2 === (y >> 2) % 2 ? 200 : 40;
    }
  }
  return { data, offset: 0, stride: width, width, height };
}

/**
 * A camera as MediaStreamTrackProcessor gives it: a frame is handed to a waiting read, else
 * held, and a newer frame replaces (and closes) the one held: nothing queues.
 */
class FakeProcessor {
  private held: FakeFrame | null = null;
  private waiting: ((frame: FakeFrame) => void) | null = null;
  cancelled = false;
  private controller: ReadableStreamDefaultController<CameraFrame> | null = null;
  readonly readable = new ReadableStream<CameraFrame>(
    {
      start: (controller) => {
        this.controller = controller;
      },
      pull: (controller) =>
        new Promise<void>((resolve) => {
          const give = (frame: FakeFrame): void => {
            controller.enqueue(frame);
            resolve();
          };
          if (this.held !== null) {
            const frame = this.held;
            this.held = null;
            give(frame);
          } else {
            this.waiting = give;
          }
        }),
      cancel: () => {
        this.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );

  /** The track stopped: the stream ends. */
  end(): void {
    this.controller?.close();
  }

  push(frame: FakeFrame): void {
    const waiting = this.waiting;
    if (waiting !== null) {
      this.waiting = null;
      waiting(frame);
      return;
    }
    this.held?.close();
    this.held = frame;
  }
}

/** An engine whose answers the test releases (or that answers at once). */
class FakeHost implements CameraReaderHost {
  clock = 0;
  shots = true;
  answerAtOnce = false;
  readonly predicted: FrameMessage[] = [];
  readonly told: FromEngine[] = [];
  private answers: Array<() => void> = [];
  trackFrames: ReadableStream<CameraFrame> | null = null;

  /** The face the engine finds in every frame (null: none). */
  face: FaceBox | null = { x: 16, y: 12, width: 24, height: 24 };
  /** Whether the frames' planes can be read (the still check). */
  planes = true;

  predict(message: FrameMessage): Promise<FaceBox | null> {
    this.predicted.push(message);
    if (this.answerAtOnce) return Promise.resolve(this.face);
    return new Promise((resolve) => this.answers.push(() => resolve(this.face)));
  }
  answer(): void {
    this.answers.shift()?.();
  }
  async luma(frame: CameraFrame): Promise<LumaPlane | null> {
    return this.planes ? planeOf(frame as FakeFrame) : null;
  }
  holdsShots(): boolean {
    return this.shots;
  }
  async picture(frame: CameraFrame): Promise<CanvasImageSource> {
    return { pictureOf: (frame as FakeFrame).name } as unknown as CanvasImageSource;
  }
  framesOfTrack(): ReadableStream<CameraFrame> | null {
    return this.trackFrames;
  }
  tell(message: FromEngine): void {
    this.told.push(message);
  }
  now(): number {
    return this.clock;
  }
  epochNow(): number {
    return 1_000_000 + this.clock;
  }
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

function pictureName(message: FrameMessage | undefined): string | undefined {
  return (message?.frame as unknown as { pictureOf: string } | undefined)?.pictureOf;
}

/** A track handed over whole, read through host.trackFrames. */
const fakeTrack = (): MediaStreamTrack => ({ stop: () => {} }) as unknown as MediaStreamTrack;

function reading(host: FakeHost): { reader: CameraReader; camera: FakeProcessor } {
  const reader = new CameraReader(host);
  const camera = new FakeProcessor();
  host.trackFrames = camera.readable;
  const handled = reader.heard({ type: 'camera', source: { track: fakeTrack() } });
  expect(handled).toBe(true);
  return { reader, camera };
}

/** Camera frames at 30 a second for `seconds`, each answered at once. */
async function film(host: FakeHost, camera: FakeProcessor, seconds: number): Promise<void> {
  host.answerAtOnce = true;
  for (let i = 0; i < seconds * 30; i++) {
    host.clock += 1000 / 30;
    camera.push(new FakeFrame(`t${i}`));
    await settle();
  }
}

describe('the worker reading the camera', () => {
  it('predicts one frame at a time, and then the newest: the frames between are let go', async () => {
    const host = new FakeHost();
    const { camera } = reading(host);
    const first = new FakeFrame('first');
    camera.push(first);
    await settle();
    expect(host.predicted.map(pictureName)).toEqual(['first']);
    expect(first.closed).toBe(true); // closed once its picture is taken, before the answer
    const meanwhile = [new FakeFrame('a'), new FakeFrame('b'), new FakeFrame('newest')];
    for (const frame of meanwhile) camera.push(frame);
    await settle();
    expect(host.predicted).toHaveLength(1); // never two in flight
    host.answer();
    await settle();
    expect(host.predicted.map(pictureName)).toEqual(['first', 'newest']);
    expect(meanwhile.every((frame) => frame.closed)).toBe(true);
    expect(host.told).toEqual([{ type: 'camera', state: 'reading', reason: null }]);
  });

  it('reads every frame as it comes while the engine works, so the stream never fills: the older are closed, the newest waits', async () => {
    const host = new FakeHost();
    const reader = new CameraReader(host);
    // A stream that queues whatever comes (a browser's queue behind the stream, with no
    // dropping of its own): what the reader leaves unread would stay queued.
    let queue: ReadableStreamDefaultController<CameraFrame> | null = null;
    const frames = new ReadableStream<CameraFrame>({ start: (c) => void (queue = c) });
    host.trackFrames = frames;
    reader.heard({ type: 'camera', source: { track: fakeTrack() } });
    const enqueue = (frame: FakeFrame): void =>
      (queue as unknown as ReadableStreamDefaultController<CameraFrame>).enqueue(frame);
    enqueue(new FakeFrame('first'));
    await settle();
    const meanwhile = [new FakeFrame('a'), new FakeFrame('b'), new FakeFrame('newest')];
    for (const frame of meanwhile) enqueue(frame);
    await settle();
    const [a, b, newest] = meanwhile as [FakeFrame, FakeFrame, FakeFrame];
    expect([a.closed, b.closed, newest.closed]).toEqual([true, true, false]);
    expect(reader.frameCounts.read).toBe(4);
    host.answer();
    await settle();
    expect(host.predicted.map(pictureName)).toEqual(['first', 'newest']);
    expect(newest.closed).toBe(true);
  });

  it("reads the frames the page posts one by one like a stream's, and closes one that no reading wants", async () => {
    const host = new FakeHost();
    const reader = new CameraReader(host);
    const stray = new FakeFrame('before');
    reader.heard({ type: 'camera-frame', frame: stray as unknown as VideoFrame });
    expect(stray.closed).toBe(true);
    reader.heard({ type: 'camera', source: { posted: true } });
    expect(reader.reading).toBe(true);
    const post = (frame: FakeFrame): boolean =>
      reader.heard({ type: 'camera-frame', frame: frame as unknown as VideoFrame });
    expect(post(new FakeFrame('first'))).toBe(true);
    await settle();
    const [a, newest] = [new FakeFrame('a'), new FakeFrame('newest')];
    post(a);
    post(newest);
    expect([a.closed, newest.closed]).toEqual([true, false]);
    host.answer();
    await settle();
    expect(host.predicted.map(pictureName)).toEqual(['first', 'newest']);
    // Asks the page for the next frame only once free: after the first answer, none meanwhile.
    expect(host.told.map((m) => m.type === 'camera' && m.state)).toEqual(['reading']);
    host.answer();
    await settle();
    expect(host.told.map((m) => m.type === 'camera' && m.state)).toEqual(['reading', 'next']);
    reader.heard({ type: 'camera-stop' });
    const late = new FakeFrame('late');
    post(late);
    expect(late.closed).toBe(true);
    expect(reader.reading).toBe(false);
  });

  it('closes a frame at once and predicts nothing while there is no shot', async () => {
    const host = new FakeHost();
    host.shots = false;
    const { camera } = reading(host);
    const frames = [new FakeFrame('1'), new FakeFrame('2')];
    for (const frame of frames) {
      camera.push(frame);
      await settle();
    }
    expect(host.predicted).toHaveLength(0);
    expect(frames.every((frame) => frame.closed)).toBe(true);
  });

  it('records ten shots a second while the page records a pose, then only predicts', async () => {
    const host = new FakeHost();
    host.shots = false; // the first shot of a calibration: recording alone wants frames
    const { reader, camera } = reading(host);
    reader.heard({ type: 'feed', record: 'left', minIntervalMs: 0 });
    await film(host, camera, 2);
    const shots = host.predicted.filter((m) => m.record === 'left');
    expect(shots.length).toBeGreaterThanOrEqual(19);
    expect(shots.length).toBeLessThanOrEqual(21);
    expect(host.predicted.every((m) => m.record === 'left')).toBe(true);
    host.shots = true;
    reader.heard({ type: 'feed', record: null, minIntervalMs: 0 });
    const before = host.predicted.length;
    await film(host, camera, 1);
    const after = host.predicted.slice(before);
    expect(after.every((m) => m.record === null)).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(29);
  });

  it("keeps the rate governor's pace", async () => {
    const host = new FakeHost();
    const { reader, camera } = reading(host);
    reader.heard({ type: 'feed', record: null, minIntervalMs: 100 });
    await film(host, camera, 3);
    expect(host.predicted.length).toBeGreaterThanOrEqual(27);
    expect(host.predicted.length).toBeLessThanOrEqual(33);
  });

  it('while the governor paces, predicts a head that moves at once and holds back one that holds still', async () => {
    const host = new FakeHost();
    const { reader, camera } = reading(host);
    reader.heard({ type: 'feed', record: null, minIntervalMs: 100 });
    host.answerAtOnce = true;
    // The picture changes every 10 camera frames (a third of a second), as the bench's clip.
    const frames: FakeFrame[] = [];
    for (let i = 0; i < 90; i++) {
      host.clock += 1000 / 30;
      const frame = new FakeFrame(`t${i}`, Math.floor(i / 10));
      frames.push(frame);
      camera.push(frame);
      await settle();
    }
    const predicted = new Set(host.predicted.map(pictureName));
    // Every first frame of a new picture goes at once, wherever the governor's turn is...
    for (let i = 10; i < 90; i += 10) expect(predicted.has(`t${i}`)).toBe(true);
    // ...and so do the next three (steering needs 4 frames of a new pose), then the pace again:
    // 4 a picture, plus at most 1 on the governor's turn in the 6 frames left.
    for (let i = 10; i < 90; i += 10) {
      const ofPicture = frames.slice(i, i + 10).filter((f) => predicted.has(f.name));
      expect(ofPicture.slice(0, 4).map((f) => f.name)).toEqual(
        [0, 1, 2, 3].map((k) => `t${i + k}`),
      );
      expect(ofPicture.length).toBeLessThanOrEqual(6);
    }
    expect(frames.every((frame) => frame.closed)).toBe(true);
    const counts = reader.frameCounts;
    expect(counts.read).toBe(90);
    expect(counts.predicted).toBe(host.predicted.length);
    expect(counts.looked).toBe(counts.moved + counts.settling + counts.still + counts.blind);
    expect(counts.moved).toBeGreaterThanOrEqual(8);
    expect(counts.still).toBeGreaterThanOrEqual(8 * 3);
    expect(counts.blind).toBe(0);
  });

  it("keeps the governor's pace for a head that holds still, once settled", async () => {
    const host = new FakeHost();
    const { reader, camera } = reading(host);
    await film(host, camera, 1); // a still head, at full rate
    reader.heard({ type: 'feed', record: null, minIntervalMs: 100 });
    const before = host.predicted.length;
    await film(host, camera, 3);
    // 10 a second, plus the 3 that settle the head once the governor starts pacing.
    expect(host.predicted.length - before).toBeGreaterThanOrEqual(29);
    expect(host.predicted.length - before).toBeLessThanOrEqual(34);
    expect(reader.frameCounts.still).toBeGreaterThanOrEqual(55);
  });

  it('with no face to compare, or planes it cannot read, keeps the pace as before', async () => {
    for (const setUp of [
      (host: FakeHost) => (host.face = null),
      (host: FakeHost) => (host.planes = false),
    ]) {
      const host = new FakeHost();
      setUp(host);
      const { reader, camera } = reading(host);
      reader.heard({ type: 'feed', record: null, minIntervalMs: 100 });
      host.answerAtOnce = true;
      for (let i = 0; i < 90; i++) {
        host.clock += 1000 / 30;
        camera.push(new FakeFrame(`t${i}`, i)); // a new picture every frame
        await settle();
      }
      expect(host.predicted.length).toBeGreaterThanOrEqual(29);
      expect(host.predicted.length).toBeLessThanOrEqual(31);
      if (host.planes) expect(reader.frameCounts.blind).toBeGreaterThanOrEqual(58);
    }
  });

  it('records at its own rate whatever the picture does', async () => {
    const host = new FakeHost();
    host.answerAtOnce = true;
    const { reader, camera } = reading(host);
    reader.heard({ type: 'feed', record: 'up', minIntervalMs: 100 });
    for (let i = 0; i < 60; i++) {
      host.clock += 1000 / 30;
      camera.push(new FakeFrame(`t${i}`, i));
      await settle();
    }
    expect(host.predicted.length).toBeGreaterThanOrEqual(19);
    expect(host.predicted.length).toBeLessThanOrEqual(21);
    expect(reader.frameCounts.looked).toBe(0);
  });

  it('says what each frame was taken with, the shot messages heard before it among them', async () => {
    const host = new FakeHost();
    const { reader, camera } = reading(host);
    host.clock = 500;
    expect(reader.heard({ type: 'set-samples', samples: {} as never })).toBe(false);
    expect(reader.heard({ type: 'remove-pose', pose: 'up' })).toBe(false);
    expect(reader.heard({ type: 'report', id: 1 })).toBe(false);
    camera.push(new FakeFrame('x'));
    await settle();
    const message = host.predicted[0];
    expect(message?.id).toBeLessThan(0);
    expect(message?.taken).toEqual({
      at: 1_000_500,
      width: 640,
      height: 480,
      shotMessages: 2,
      counts: { read: 1, predicted: 1, looked: 0, moved: 0, settling: 0, still: 0, blind: 0 },
    });
    expect([message?.width, message?.height]).toEqual([640, 480]);
  });

  it('stops reading when asked: a frame still on its way is closed, not predicted, and the stream read to its end', async () => {
    const host = new FakeHost();
    const { reader, camera } = reading(host);
    vi.useFakeTimers();
    try {
      expect(reader.heard({ type: 'camera-stop' })).toBe(true);
      expect(reader.reading).toBe(false);
      const late = new FakeFrame('late');
      camera.push(late);
      await vi.advanceTimersByTimeAsync(10);
      expect(late.closed).toBe(true);
      expect(host.predicted).toHaveLength(0);
      // The page stops the track as it says stop: the stream ends, nothing is cancelled.
      camera.end();
      await vi.advanceTimersByTimeAsync(DRAIN_LIMIT_MS);
      expect(camera.cancelled).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a stopped stream that does not end is cancelled after DRAIN_LIMIT_MS', async () => {
    const host = new FakeHost();
    const { reader, camera } = reading(host);
    vi.useFakeTimers();
    try {
      reader.heard({ type: 'camera-stop' });
      await vi.advanceTimersByTimeAsync(DRAIN_LIMIT_MS - 10);
      expect(camera.cancelled).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      expect(camera.cancelled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a track it cannot read is stopped, and the page told why', () => {
    const host = new FakeHost();
    const reader = new CameraReader(host);
    let stopped = false;
    const track = { stop: () => (stopped = true) } as unknown as MediaStreamTrack;
    reader.heard({ type: 'camera', source: { track } });
    expect(stopped).toBe(true);
    expect(host.told).toEqual([
      {
        type: 'camera',
        state: 'failed',
        reason: 'this browser cannot read the camera in a worker',
      },
    ]);
  });

  it('reads a track handed over whole where the worker can, and stops it with the reading', async () => {
    const host = new FakeHost();
    const processor = new FakeProcessor();
    host.trackFrames = processor.readable;
    const reader = new CameraReader(host);
    let stopped = false;
    const track = { stop: () => (stopped = true) } as unknown as MediaStreamTrack;
    reader.heard({ type: 'camera', source: { track } });
    processor.push(new FakeFrame('from the track'));
    await settle();
    expect(host.predicted.map(pictureName)).toEqual(['from the track']);
    reader.heard({ type: 'dispose' });
    expect(stopped).toBe(true);
  });
});
