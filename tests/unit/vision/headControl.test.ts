// HeadControl, the facade, with everything around it faked: a camera whose video frames the
// test delivers, an engine that answers at once with the poses the test scripts, a real
// CalibrationStore on fake IndexedDB, and the real InputHub.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { InputHub } from '../../../src/input/inputHub';
import { createMemoryStore, type KeyValueStore } from '../../../src/storage/safeStorage';
import { serializeCalibration } from '../../../src/vision/calibration/calibrationFile';
import { CalibrationStore } from '../../../src/vision/calibration/calibrationStore';
import type { CameraOpenResult } from '../../../src/vision/camera/camera';
import type { EnginePort } from '../../../src/vision/link/enginePort';
import { HeadControl, MIN_SHOTS_PER_POSE, type CameraLike } from '../../../src/vision/headControl';
import type { FromEngine, ToEngine } from '../../../src/vision/link/headProtocol';
import { CURRENT_PIPELINE } from '../../../src/vision/engine/features/pipeline';
import { POSES, perPose, type Pose } from '../../../src/vision/poses';
import { SMOOTHER_SETTINGS } from '../../../src/vision/steering/smootherSettings';
import { FAR_FROM_THE_SHOTS, STEERING_IN_TROUBLE } from '../../../src/vision/steering/fitWatch';

const FIT_MIN_FRAMES = FAR_FROM_THE_SHOTS.least;
const FIT_WINDOW = FAR_FROM_THE_SHOTS.window;
import { clusteredSamples, seeded, vectorNear } from './testVectors';
import { FakeVideo } from './camera/fakeWorkerCamera';

const LENGTH = CURRENT_PIPELINE.vectorLength;

class FakeCamera implements CameraLike {
  readonly fakeVideo = new FakeVideo();
  readonly video = this.fakeVideo as unknown as HTMLVideoElement;
  running = false;
  starts = 0;
  settings = null;
  chosenDevice = null;
  onEnded = () => {};
  constructor(private readonly failure: string | null = null) {}
  async start(): Promise<CameraOpenResult> {
    this.starts++;
    if (this.failure !== null) {
      const error = Object.assign(new Error(this.failure), { name: this.failure });
      const { describeCameraError } = await import('../../../src/vision/camera/camera');
      return { ok: false, problem: describeCameraError(error) };
    }
    this.running = true;
    return { ok: true, stream: {} as MediaStream, fellBack: false };
  }
  stop(): void {
    this.running = false;
  }
  choose = () => this.start();
  cameras = async () => [];
}

/** An engine that answers at once: every frame shows `pose` (the test changes it). */
class FakeEngine implements EnginePort {
  readonly inWorker = true;
  pose: Pose = 'neutral';
  /** False: the engine finds no face in the frames (nobody in front of the camera). */
  faceInView = true;
  /** True: every frame is far from the calibration's shots (glasses off, another room). */
  far = false;
  /** Set: the head's angles are measured and every frame carries them. */
  angles: { yaw: number; pitch: number; roll: number } | null = null;
  /** True: the picture and the angles disagree on every frame (steering in trouble). */
  disagree = false;
  readonly received: ToEngine[] = [];
  private listener: (message: FromEngine) => void = () => {};
  private readonly random = seeded(3);
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
    } else if (message.type === 'frame' && !this.faceInView) {
      this.listener({
        type: 'result',
        id: message.id,
        ms: 3,
        prediction: null,
        recorded: null,
        skipped: message.record === null ? null : 'no-face',
        framing: 'no-face',
        face: null,
        angles: null,
        outline: null,
        tensors: 77,
        error: null,
      });
    } else if (message.type === 'frame') {
      const features = vectorNear(this.pose, this.random, LENGTH);
      this.listener({
        type: 'result',
        id: message.id,
        ms: 10,
        prediction: {
          pose: this.pose,
          confidences: perPose((pose) => (pose === this.pose ? 1 : 0)),
          confidence: 0.8,
          nearest: this.far ? 0.5 : 0.9,
          far: this.far,
          gated: this.disagree,
        },
        recorded:
          message.record === null
            ? null
            : { pose: message.record, sample: { features, mirrored: null } },
        skipped: null,
        framing: 'face',
        face: { x: 200, y: 120, width: 160, height: 160 },
        angles: this.angles,
        outline: null,
        tensors: 77,
        error: null,
      });
    }
  }
}

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  readonly defaultView = new EventTarget();
  setVisibility(state: DocumentVisibilityState): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

let databases = 0;

function setup(
  options: { cameraFailure?: string; databaseName?: string; storage?: KeyValueStore } = {},
) {
  const hub = new InputHub();
  const live = new Map<string, string>();
  const camera = new FakeCamera(options.cameraFailure ?? null);
  const engine = new FakeEngine();
  const doc = new FakeDocument();
  const databaseName = options.databaseName ?? `headchomp-head-test-${++databases}`;
  const storage = options.storage ?? createMemoryStore();
  let engineOpens = 0;
  const head = new HeadControl({
    hub,
    live: { set: (field, value) => live.set(field, value) },
    storage,
    camera,
    doc: doc as unknown as Document,
    pageUrl: 'http://127.0.0.1:4173/',
    openEngine: async () => {
      engineOpens++;
      return engine;
    },
    openStore: () => CalibrationStore.open({ databaseName }),
  });
  // Video frame times share performance.now()'s clock (recording is timed by it).
  let now = performance.now();
  /** Deliver camera frames, letting the engine answer each. */
  const frames = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) {
      now += 100; // 10 fps: each frame of a recording is a shot
      camera.fakeVideo.frame(now);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  /** How many times the engine was opened (started loading its models). */
  const opens = (): number => engineOpens;
  return { hub, live, camera, engine, doc, head, frames, databaseName, storage, opens };
}

async function record(context: ReturnType<typeof setup>, pose: Pose, shots: number) {
  context.engine.pose = pose;
  expect(context.head.startRecording(pose)).toBe(true);
  await context.frames(shots);
  context.head.stopRecording();
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('HeadControl', () => {
  it('takes no face as no pose: the hero keeps its request, and after a second it says so', async () => {
    const context = setup();
    const { head, live, hub, engine } = context;
    await head.start();
    for (const pose of POSES) await record(context, pose, MIN_SHOTS_PER_POSE);
    engine.pose = 'left';
    await context.frames(SMOOTHER_SETTINGS.framesToStart);
    expect(hub.requestedDirection).toBe('left');
    expect(head.frameView).toMatchObject({ pose: 'left', sight: 'seen', frameWidth: 640 });
    expect(head.frameView.face).toEqual({ x: 200, y: 120, width: 160, height: 160 });
    const views: string[] = [];
    head.onFrame((view) => views.push(view.sight));

    engine.faceInView = false;
    await context.frames(5); // half a second: a short gap changes nothing
    expect(head.faceSeen).toBe(true);
    expect(live.get('head-pose')).toBe('left');
    await context.frames(6);
    expect(head.faceSeen).toBe(false);
    expect(live.get('head-pose')).toBe('none');
    expect(live.get('head-status')).toMatch(/cannot see your face/);
    expect(head.frameView).toMatchObject({ sight: 'lost', pose: null, face: null });
    // No face requests nothing: the hero keeps going the way it was asked.
    expect(hub.requestedDirection).toBe('left');
    expect(views.at(-1)).toBe('lost');

    engine.faceInView = true;
    engine.pose = 'right';
    await context.frames(SMOOTHER_SETTINGS.framesToStart);
    expect(head.faceSeen).toBe(true);
    expect(live.get('head-status')).toMatch(/steer by turning your head/);
    expect(hub.requestedDirection).toBe('right');
  });

  it('tells the player when the calibration stops fitting, and judges afresh after a touch-up', async () => {
    const context = setup();
    const { head, live, engine } = context;
    await head.start();
    for (const pose of POSES) await record(context, pose, MIN_SHOTS_PER_POSE);
    await context.frames(FIT_MIN_FRAMES);
    expect(head.calibrationFits).toBe(true);
    engine.far = true;
    await context.frames(FIT_WINDOW);
    expect(head.calibrationFits).toBe(false);
    expect(live.get('head-status')).toMatch(/is misreading you/);
    // A touch-up: more shots of a pose, recorded as the player looks now.
    engine.far = false;
    await record(context, 'neutral', 3);
    expect(head.counts().neutral).toBe(MIN_SHOTS_PER_POSE + 3);
    await context.frames(FIT_MIN_FRAMES);
    expect(head.calibrationFits).toBe(true);
  });

  it('with the angles measured, offers a touch-up when steering is in trouble, not when frames are far', async () => {
    const context = setup();
    const { head, live, engine } = context;
    engine.angles = { yaw: 0, pitch: 0, roll: 0 };
    await head.start();
    for (const pose of POSES) await record(context, pose, MIN_SHOTS_PER_POSE);
    // Far from every shot, but read without a disagreement: the player is steering fine.
    engine.far = true;
    await context.frames(STEERING_IN_TROUBLE.window);
    expect(head.calibrationFits).toBe(true);
    // The picture and the angles keep disagreeing: steering is in trouble.
    engine.disagree = true;
    await context.frames(STEERING_IN_TROUBLE.window);
    expect(head.calibrationFits).toBe(false);
    expect(live.get('head-status')).toMatch(/is misreading you/);
    // A touch-up: new shots, judged afresh.
    engine.disagree = false;
    await record(context, 'neutral', 3);
    await context.frames(STEERING_IN_TROUBLE.least);
    expect(head.calibrationFits).toBe(true);
  });

  it('does not count the frames of a head on its way between poses as trouble', async () => {
    const context = setup();
    const { head, engine } = context;
    engine.angles = { yaw: 0, pitch: 0, roll: 0 };
    await head.start();
    for (const pose of POSES) await record(context, pose, MIN_SHOTS_PER_POSE);
    // Every frame disagrees, but the head turns 5 degrees from one prediction to the next.
    engine.disagree = true;
    for (let i = 0; i < STEERING_IN_TROUBLE.window; i++) {
      engine.angles = { yaw: (i % 2) * 0.09, pitch: 0, roll: 0 };
      await context.frames(1);
    }
    expect(head.calibrationFits).toBe(true);
  });

  it('keeps no shot from a frame without a face', async () => {
    const context = setup();
    await context.head.start();
    context.engine.faceInView = false;
    expect(context.head.startRecording('up')).toBe(true);
    await context.frames(5);
    context.head.stopRecording();
    expect(context.head.counts().up).toBe(0);
    expect(context.head.framesWithoutFace().up).toBe(5);
    context.engine.faceInView = true;
    context.head.removePose('up');
    expect(context.head.framesWithoutFace().up).toBe(0);
  });

  it('is off and says how to turn it on until the player calibrates', () => {
    const { live, hub } = setup();
    expect(live.get('head-status')).toMatch(/head control off/i);
    expect(hub.has('head')).toBe(false);
  });

  it('starts camera and model, records every pose, then steers the hub as "head"', async () => {
    const context = setup();
    const { head, live, hub, engine } = context;
    await head.start();
    expect(live.get('head-status')).toMatch(/ready \(wasm\)/i);
    expect(hub.has('head')).toBe(false);
    for (const pose of POSES) await record(context, pose, MIN_SHOTS_PER_POSE);
    expect(head.counts()).toEqual(perPose(() => MIN_SHOTS_PER_POSE));
    expect(head.complete).toBe(true);
    expect(live.get('head-status')).toMatch(/^Head control on/);
    expect(hub.has('head')).toBe(true);

    engine.pose = 'up';
    await context.frames(SMOOTHER_SETTINGS.framesToStart);
    expect(live.get('head-pose')).toBe('up');
    expect(hub.requestedDirection).toBe('up');
    expect(hub.lastSource).toBe('head');
    engine.pose = 'neutral';
    await context.frames(SMOOTHER_SETTINGS.windowFrames);
    expect(live.get('head-pose')).toBe('neutral');
    expect(hub.requestedDirection).toBe('up'); // neutral asks for nothing new
  });

  it('keeps the calibration: a returning player is straight back with head control on', async () => {
    const first = setup();
    await first.head.start();
    for (const pose of POSES) await record(first, pose, 6);
    await settle();

    const again = setup({ databaseName: first.databaseName });
    await again.head.restore();
    expect(again.head.counts()).toEqual(perPose(() => 6));
    expect(again.camera.starts).toBe(1);
    expect(again.live.get('head-status')).toMatch(/^Head control on/);
    const setSamples = again.engine.received.filter((m) => m.type === 'set-samples');
    expect(setSamples.length).toBeGreaterThan(0);
  });

  it("starts a returning player's engine before the saved shots are read back", async () => {
    const first = setup();
    await first.head.start();
    for (const pose of POSES) await record(first, pose, 6);
    await settle();

    // The same device (its storage remembers the backend chosen), the next visit.
    const again = setup({ databaseName: first.databaseName, storage: first.storage });
    const restoring = again.head.restore();
    expect(again.opens()).toBe(1);
    expect(again.head.counts()).toEqual(perPose(() => 0));
    await restoring;
    expect(again.head.counts()).toEqual(perPose(() => 6));
    expect(again.opens()).toBe(1);
    // The engine, opened before the shots were back, has them all.
    const sent = again.engine.received.filter((m) => m.type === 'set-samples').at(-1);
    expect(sent?.type === 'set-samples' && POSES.map((pose) => sent.samples[pose].length)).toEqual(
      POSES.map(() => 6),
    );
    expect(again.live.get('head-status')).toMatch(/^Head control on/);
  });

  it('loads no engine ahead on a first visit, nor for a player who turned head control off', async () => {
    const fresh = setup();
    await fresh.head.restore();
    expect(fresh.opens()).toBe(0);

    const first = setup();
    await first.head.start();
    for (const pose of POSES) await record(first, pose, 6);
    await settle();
    first.head.stop();
    const again = setup({ databaseName: first.databaseName, storage: first.storage });
    await again.head.restore();
    expect(again.opens()).toBe(0);
  });

  it('asks for the camera and loads the model at once', async () => {
    const context = setup();
    const starting = context.head.start();
    expect(context.opens()).toBe(1);
    expect(context.camera.starts).toBe(1);
    await starting;
    expect(context.live.get('head-status')).toMatch(/^Camera and model ready/);
  });

  it('refuses a saved calibration of another model, with a message, and stays off', async () => {
    const name = `headchomp-head-test-${++databases}`;
    const other = await CalibrationStore.open({
      databaseName: name,
      pipeline: { ...CURRENT_PIPELINE, modelId: 'another-network' },
    });
    await other.save(clusteredSamples(5, 1, LENGTH));
    other.close();
    const { head, live, camera } = setup({ databaseName: name });
    await head.restore();
    expect(head.counts()).toEqual(perPose(() => 0));
    expect(camera.starts).toBe(0);
    expect(live.get('head-status')).toMatch(/cannot be used.*different head-tracking model/i);
  });

  it('imports a good file, refuses a bad one without touching the shots, and forgets', async () => {
    const context = setup();
    const { head } = context;
    await head.start();
    await record(context, 'left', 3);
    const bad = head.importFile('{"format":"headchomp-calibration","version":99}');
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/refused.*newer version.*unchanged/i);
    expect(head.counts().left).toBe(3);

    const good = head.importFile(serializeCalibration(clusteredSamples(7, 2, LENGTH)));
    expect(good.ok).toBe(true);
    expect(head.counts()).toEqual(perPose(() => 7));
    expect(context.engine.received.at(-1)?.type).toBe('set-samples');

    await head.forget();
    expect(head.counts()).toEqual(perPose(() => 0));
    expect(head.notice).toMatch(/forgotten/i);
    const stored = await (
      await CalibrationStore.open({ databaseName: context.databaseName })
    ).load();
    expect(stored.calibration).toBeNull();
  });

  it('says plainly when the camera is denied, and never steers', async () => {
    const { head, live, hub } = setup({ cameraFailure: 'NotAllowedError' });
    await head.start();
    expect(live.get('head-status')).toMatch(/camera permission denied/i);
    expect(live.get('head-status')).toMatch(/keys and touch still work/i);
    expect(hub.has('head')).toBe(false);
  });

  it('stops the camera while the page is hidden and starts it again on return', async () => {
    const context = setup();
    await context.head.start();
    expect(context.camera.running).toBe(true);
    context.doc.setVisibility('hidden');
    expect(context.camera.running).toBe(false);
    expect(context.live.get('head-status')).toMatch(/camera off while the game is hidden/i);
    context.doc.setVisibility('visible');
    await settle();
    expect(context.camera.running).toBe(true);
    expect(context.camera.starts).toBe(2);
  });

  it('sends no frame to the engine before the first shot, and none while one is in flight', async () => {
    const context = setup();
    await context.head.start();
    await context.frames(3);
    expect(context.engine.received.filter((m) => m.type === 'frame')).toHaveLength(0);
    await record(context, 'neutral', 2);
    expect(context.engine.received.filter((m) => m.type === 'frame')).toHaveLength(2);
  });
});

describe('turning head control off', () => {
  it('stays off across a reload until the player turns it on again', async () => {
    const first = setup();
    await first.head.start();
    for (const pose of POSES) await record(first, pose, MIN_SHOTS_PER_POSE);
    await settle();
    first.head.stop();
    expect(first.camera.running).toBe(false);
    expect(first.hub.has('head')).toBe(false);
    expect(first.live.get('head-status')).toMatch(/head control off/i);

    const again = setup({ databaseName: first.databaseName, storage: first.storage });
    await again.head.restore();
    expect(again.head.complete).toBe(true);
    expect(again.camera.starts).toBe(0);
    await again.head.start();
    expect(again.live.get('head-status')).toMatch(/^Head control on/);
  });
});
