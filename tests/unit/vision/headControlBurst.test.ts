// HeadControl's touch-up bursts (head.bursts: start, judge, drop) with everything around it
// faked, as in headControl.test.ts: a camera whose frames the test delivers, an engine that
// answers at once with a shot near the pose it is told, a CalibrationStore on fake IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { InputHub } from '../../../src/input/inputHub';
import { createMemoryStore } from '../../../src/storage/safeStorage';
import { CalibrationStore } from '../../../src/vision/calibration/calibrationStore';
import { CURRENT_PIPELINE } from '../../../src/vision/engine/features/pipeline';
import { HeadControl, MIN_SHOTS_PER_POSE, type CameraLike } from '../../../src/vision/headControl';
import type { FromEngine, ToEngine } from '../../../src/vision/link/headProtocol';
import type { EnginePort } from '../../../src/vision/link/enginePort';
import { POSES, perPose, type Pose } from '../../../src/vision/poses';
import { seeded, vectorNear } from './testVectors';
import { FakeVideo } from './camera/fakeWorkerCamera';

class FakeCamera implements CameraLike {
  readonly fakeVideo = new FakeVideo();
  readonly video = this.fakeVideo as unknown as HTMLVideoElement;
  running = false;
  settings = null;
  chosenDevice = null;
  onEnded = () => {};
  async start() {
    this.running = true;
    return { ok: true as const, stream: {} as MediaStream, fellBack: false };
  }
  stop(): void {
    this.running = false;
  }
  choose = () => this.start();
  cameras = async () => [];
}

/** Every frame shows `pose`; with `faceInView` false, no face at all. */
class FakeEngine implements EnginePort {
  readonly inWorker = true;
  pose: Pose = 'neutral';
  faceInView = true;
  readonly received: ToEngine[] = [];
  private listener: (message: FromEngine) => void = () => {};
  private readonly random = seeded(5);
  post(message: ToEngine): void {
    this.received.push(message);
    queueMicrotask(() => this.answer(message));
  }
  onMessage(listener: (message: FromEngine) => void): void {
    this.listener = listener;
  }
  onCrash(): void {}
  terminate(): void {}
  private answer(message: ToEngine): void {
    if (message.type === 'init') {
      this.listener({
        type: 'ready',
        backend: 'wasm',
        msPerRun: { wasm: 10 },
        failed: {},
        measured: true,
        model: message.models[0] ?? { url: '', kind: 'local' },
        files: { fromCache: 0, fromNetwork: 2 },
        inWorker: true,
        wasmThreads: null,
        faceFinderProblem: null,
        meshProblem: null,
      });
      return;
    }
    if (message.type !== 'frame') return;
    const seen = this.faceInView;
    const features = vectorNear(this.pose, this.random, CURRENT_PIPELINE.vectorLength);
    this.listener({
      type: 'result',
      id: message.id,
      ms: 10,
      prediction: seen
        ? {
            pose: this.pose,
            confidences: perPose((pose) => (pose === this.pose ? 1 : 0)),
            confidence: 0.8,
            nearest: 0.9,
            far: false,
            gated: false,
          }
        : null,
      recorded:
        seen && message.record !== null
          ? { pose: message.record, sample: { features, mirrored: null } }
          : null,
      skipped: !seen && message.record !== null ? 'no-face' : null,
      framing: seen ? 'face' : 'no-face',
      face: seen ? { x: 200, y: 120, width: 160, height: 160 } : null,
      angles: null,
      outline: null,
      tensors: 77,
      error: null,
    });
  }
}

let databases = 0;

async function setUp() {
  const camera = new FakeCamera();
  const engine = new FakeEngine();
  const head = new HeadControl({
    hub: new InputHub(),
    live: { set: () => {} },
    storage: createMemoryStore(),
    camera,
    doc: Object.assign(new EventTarget(), {
      visibilityState: 'visible',
      defaultView: new EventTarget(),
    }) as unknown as Document,
    pageUrl: 'http://127.0.0.1:4173/',
    openEngine: async () => engine,
    openStore: () => CalibrationStore.open({ databaseName: `headchomp-burst-${++databases}` }),
  });
  let now = performance.now();
  const frames = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) {
      now += 100;
      camera.fakeVideo.frame(now);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  await head.start();
  for (const pose of POSES) {
    engine.pose = pose;
    expect(head.startRecording(pose)).toBe(true);
    await frames(MIN_SHOTS_PER_POSE);
    head.stopRecording();
  }
  /** A burst of `shown` recorded when `asked` was asked for. */
  const burst = async (asked: Pose, shown: Pose, count = 6) => {
    engine.pose = shown;
    expect(head.bursts.start(asked)).toBe(true);
    await frames(count);
    head.stopRecording();
  };
  return { head, engine, burst };
}

describe('HeadControl: touch-up bursts', () => {
  it('keeps a burst that shows the pose asked for', async () => {
    const { head, burst } = await setUp();
    await burst('up', 'up');
    expect(head.counts().up).toBe(MIN_SHOTS_PER_POSE + 6);
    expect(head.bursts.judge('up')).toMatchObject({ kept: true, shots: 6 });
  });

  it('drops a burst that shows another pose, and the engine gets the set without it', async () => {
    const { head, engine, burst } = await setUp();
    const before = head.counts();
    await burst('down', 'neutral');
    const verdict = head.bursts.judge('down', before);
    expect(verdict).toMatchObject({ kept: false, reason: 'other-pose', lookedLike: 'neutral' });
    const sent = engine.received.length;
    head.bursts.drop('down');
    expect(head.counts()).toEqual(before);
    const message = engine.received.slice(sent).find((m) => m.type === 'set-samples');
    expect(message?.type === 'set-samples' && message.samples.down.length).toBe(MIN_SHOTS_PER_POSE);
  });

  it('calls a burst without a face "no face", and dropping it changes nothing', async () => {
    const { head, engine, burst } = await setUp();
    engine.faceInView = false;
    await burst('left', 'left');
    expect(head.bursts.judge('left')).toMatchObject({ kept: false, reason: 'no-face', shots: 0 });
    const sent = engine.received.length;
    head.bursts.drop('left');
    expect(head.counts().left).toBe(MIN_SHOTS_PER_POSE);
    expect(engine.received.slice(sent).some((m) => m.type === 'set-samples')).toBe(false);
  });
});
