import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PoseEmbedder } from '../../../../../src/vision/engine/features/embedder';
import type { LoadedModel } from '../../../../../src/vision/engine/runtime/modelFiles';
import type {
  BackendRequest,
  FromEngine,
  FrameResult,
  ToEngine,
} from '../../../../../src/vision/link/headProtocol';
import type { EngineHost } from '../../../../../src/vision/engine/runtime/engineHost';
import { InferenceEngine } from '../../../../../src/vision/engine/runtime/inferenceEngine';
import type { Pose } from '../../../../../src/vision/poses';
import type { FaceDetector } from '../../../../../src/vision/engine/features/faceFinder/faceDetector';
import { DETECT_EVERY_FRAMES } from '../../../../../src/vision/engine/features/frameReader';
import { PICTURE_REST_LIMIT } from '../../../../../src/vision/engine/features/faceFinder/stillFace';
import { FEATURE_RECIPE } from '../../../../../src/vision/engine/recipe';
import type { FaceMesh } from '../../../../../src/vision/engine/features/faceMesh/faceMesh';
import {
  headAngles,
  MESH_INDEX,
} from '../../../../../src/vision/engine/features/faceMesh/headAngles';
import { ANGLE_WEIGHT } from '../../../../../src/vision/engine/angleFeatures';
import { clusteredSamples } from '../../testVectors';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A camera frame: one grey level (0..255) all over; `closed` tells whether it was released. */
class FakeFrame {
  closed = false;
  constructor(readonly grey: number) {}
  close(): void {
    this.closed = true;
  }
}

/**
 * A 2D context that "draws" a FakeFrame: every pixel gets the frame's grey level (the grey
 * fills around it and the eye band are not drawn: the frame's level is what the test reads).
 */
function fakeContext() {
  let grey = 0;
  return {
    imageSmoothingEnabled: false,
    imageSmoothingQuality: 'low',
    fillStyle: '',
    fillRect() {},
    save() {},
    restore() {},
    translate() {},
    scale() {},
    drawImage(source: FakeFrame) {
      grey = source.grey;
    },
    getImageData(_x: number, _y: number, width: number, height: number) {
      const data = new Uint8ClampedArray(width * height * 4).fill(grey);
      return { data, width, height };
    },
  };
}

/**
 * A face detector that sees a face in the middle of any frame but a black one (grey 0: the
 * room with nobody in it), and counts its passes.
 */
function fakeDetector(counter: { passes: number }): FaceDetector {
  return {
    async detect(pixels) {
      counter.passes++;
      if (pixels.data[0] === 0) return [];
      const c = pixels.width / 2;
      const s = pixels.width / 3;
      const at = (x: number, y: number) => ({ x: c - s / 2 + x * s, y: c - s / 2 + y * s });
      return [
        {
          box: { cx: c, cy: c, width: s, height: s },
          keypoints: [
            at(0.3, 0.4),
            at(0.7, 0.4),
            at(0.5, 0.6),
            at(0.5, 0.8),
            at(0, 0.5),
            at(1, 0.5),
          ],
          score: 0.9,
        },
      ];
    },
    dispose() {},
  };
}

/** A face's landmarks turned by `turn` radians about the vertical axis (the points the angles use). */
function turnedLandmarks(turn: number): Float32Array {
  const mesh = new Float32Array(468 * 3);
  const put = (index: number, x: number, y: number): void =>
    mesh.set([96 + x * Math.cos(turn), 96 + y, -x * Math.sin(turn)], 3 * index);
  put(MESH_INDEX.rightEyeOuter, -30, -10);
  put(MESH_INDEX.leftEyeOuter, 30, -10);
  put(MESH_INDEX.forehead, 0, -45);
  put(MESH_INDEX.chin, 0, 50);
  put(MESH_INDEX.noseTip, 0, 10);
  return mesh;
}

/** The head's turn a frame of grey level `grey` shows to the fake mesh: bright one way, dark the other. */
const turnOf = (grey: number): number => (grey - 128) / 255;

/** A face mesh that reads the head turned by turnOf(the crop's grey level), and counts its runs. */
function fakeMesh(counter: { runs: number }): FaceMesh {
  return {
    async measure(pixels) {
      counter.runs++;
      const landmarks = turnedLandmarks(turnOf(pixels.data[0] ?? 0));
      return { landmarks, angles: headAngles(landmarks), faceFlag: 0.99 };
    },
    dispose() {},
  };
}

/**
 * An embedder whose features say how bright the frame is: [v, 1 - v]; its mirror image is
 * [1 - v, v] (bright frames play "left", dark ones "right", and mirroring swaps them).
 */
const fakeEmbedder: PoseEmbedder = {
  recipe: FEATURE_RECIPE,
  async embed(input) {
    const corner = tf.slice(input, [0, 0, 0], [1, 1, 1]);
    const [v = 0] = await corner.data();
    corner.dispose();
    return new Float32Array([v, 1 - v, 0.05]);
  },
  async embedWithMirrorImage(input) {
    const features = await fakeEmbedder.embed(input);
    return { features, mirrored: new Float32Array([features[1] ?? 0, features[0] ?? 0, 0.05]) };
  },
  readLayers: () => Promise.reject(new Error('not used')),
  classifyImageNet: () => Promise.reject(new Error('not used')),
  dispose() {},
};

interface EngineOptions {
  modelFails?: boolean;
  /** The face detector's files do not load: frames are read at their centre. */
  faceModelFails?: boolean;
  /** The face mesh's files do not load: no angles. */
  meshFails?: boolean;
  /** What lostBackend() answers: the test flips it to simulate a lost WebGL context. */
  lost?: { reason: string | null };
  /** Backends that fail to start. */
  broken?: readonly string[];
  /** While true, embeddings on the first backend never settle (a GPU fence that never signals). */
  hang?: { on: boolean };
  /** Model files asked for (their first URL) and still loading; each load waits for `loaded`. */
  loading?: { asked: string[]; loaded: Promise<void> };
  /** The host's pictures of posted VideoFrames (absent: a host without them, the page's). */
  picture?: (frame: VideoFrame) => Promise<CanvasImageSource>;
  /** The host's clock (absent: always 0). */
  now?: () => number;
}

function engine(options: EngineOptions = {}) {
  const replies: FromEngine[] = [];
  const started: BackendRequest[] = [];
  const watchers = new Set<(reason: string) => void>();
  const hanging: PoseEmbedder = {
    ...fakeEmbedder,
    embed: (input) => {
      embeds.runs++;
      return options.hang?.on && started.length === 1
        ? new Promise<Float32Array>(() => {})
        : fakeEmbedder.embed(input);
    },
    embedWithMirrorImage: (input) => {
      embeds.runs++;
      return fakeEmbedder.embedWithMirrorImage(input);
    },
  };
  const detections = { passes: 0 };
  const meshRuns = { runs: 0 };
  /** MobileNet's runs (shots with their mirror images count once). */
  const embeds = { runs: 0 };
  const host: EngineHost = {
    makeContext: () => fakeContext() as unknown as OffscreenCanvasRenderingContext2D,
    loadModelFiles: async (locations) => {
      if (options.loading) {
        options.loading.asked.push(locations[0]?.url ?? '');
        await options.loading.loaded;
      }
      if (options.modelFails) throw new Error('from this site: 404 Not Found');
      if (options.faceModelFails && locations[0]?.url.includes('face-detector')) {
        throw new Error('from this site: 404 Not Found');
      }
      if (options.meshFails && locations[0]?.url.includes('face-mesh')) {
        throw new Error('from this site: 404 Not Found');
      }
      return {
        artifacts: {},
        location: locations[0],
        files: { fromCache: 0, fromNetwork: 2 },
      } as LoadedModel;
    },
    startEmbedder: async (request) => {
      started.push(request);
      const backend = request.use ?? 'webgl';
      if (options.broken?.includes(backend)) throw new Error(`${backend} did not initialise`);
      return {
        embedder: hanging,
        backend,
        msPerRun: { [backend]: 10 },
        failed: {},
        measured: true,
        wasmThreads: null,
      };
    },
    startFaceDetector: async () => fakeDetector(detections),
    startFaceMesh: async () => fakeMesh(meshRuns),
    tensorsInMemory: () => tf.memory().numTensors,
    lostBackend: () => {
      const reason = options.lost?.reason ?? null;
      // Once moved, the new backend works.
      if (reason !== null && started.length > 1) return null;
      return reason;
    },
    watchBackend: (listener) => {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    inWorker: true,
    now: options.now ?? (() => 0),
    ...(options.picture === undefined ? {} : { picture: options.picture }),
  };
  const subject = new InferenceEngine(host, (message) => replies.push(message));
  let id = 0;
  const frame = async (grey: number, record: Pose | null = null) => {
    const image = new FakeFrame(grey);
    await subject.receive({
      type: 'frame',
      id: ++id,
      frame: image as unknown as CanvasImageSource,
      width: 640,
      height: 480,
      record,
    });
    expect(image.closed).toBe(true);
    return replies.at(-1) as FrameResult;
  };
  /** The backend's context goes, as the browser's webglcontextlost event would say. */
  const loseContext = (reason: string): void => {
    for (const listener of [...watchers]) listener(reason);
  };
  return { subject, replies, frame, started, loseContext, detections, meshRuns, embeds };
}

const INIT: ToEngine = {
  type: 'init',
  models: [{ url: 'http://127.0.0.1/models/mobilenet/model.json', kind: 'local' }],
  faceModels: [{ url: 'http://127.0.0.1/models/face-detector/model.json', kind: 'local' }],
  meshModels: [{ url: 'http://127.0.0.1/models/face-mesh/model.json', kind: 'local' }],
  backend: { use: null, candidates: ['wasm', 'webgl'] },
};

describe('the inference engine', () => {
  it('behaves as a device slowerBy times slower when asked: each answer held back that long', async () => {
    // A clock that moves 1 ms each time it is read: the frame's work reads it a few times.
    const timed = async (slowerBy: number | undefined) => {
      const clock = { ms: 0 };
      const { subject, frame } = engine({ now: () => clock.ms++ });
      await subject.receive({ ...INIT, slowerBy } as ToEngine);
      await frame(200, 'left');
      const start = clock.ms;
      const answer = await frame(210);
      return { took: clock.ms - start, ms: answer.ms, pose: answer.prediction?.pose };
    };
    const plain = await timed(undefined);
    const slow = await timed(4);
    expect(plain.pose).toBe('left');
    expect(slow.pose).toBe('left');
    expect(plain.took).toBeGreaterThan(0);
    expect(slow.took).toBeGreaterThanOrEqual(4 * plain.took - 2);
    expect(slow.ms).toBeGreaterThanOrEqual(4 * plain.ms - 2);
    expect(slow.ms).toBeLessThanOrEqual(4 * plain.took + 2);
  });

  it('reports its progress, then ready with the backend it measured', async () => {
    const { subject, replies } = engine();
    await subject.receive(INIT);
    expect(replies.map((reply) => reply.type)).toEqual(['progress', 'progress', 'ready']);
    expect(replies[2]).toMatchObject({
      backend: 'webgl',
      measured: true,
      inWorker: true,
      faceFinderProblem: null,
    });
  });

  it("asks for the three models' files at once, not one after the other", async () => {
    let release = (): void => {};
    const loading = { asked: [] as string[], loaded: new Promise<void>((r) => (release = r)) };
    const { subject, replies } = engine({ loading });
    const init = subject.receive(INIT);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loading.asked).toEqual([
      'http://127.0.0.1/models/mobilenet/model.json',
      'http://127.0.0.1/models/face-detector/model.json',
      'http://127.0.0.1/models/face-mesh/model.json',
    ]);
    release();
    await init;
    expect(replies.at(-1)).toMatchObject({ type: 'ready', faceFinderProblem: null });
  });

  it('finds the face first: no face gives no pose and keeps no shot, and says where the face is', async () => {
    const { subject, frame, detections, meshRuns } = engine();
    await subject.receive(INIT);
    for (let i = 0; i < 3; i++) await frame(200 + i, 'left');
    for (let i = 0; i < 3; i++) await frame(60 + i, 'neutral');
    const seen = await frame(210);
    expect(seen).toMatchObject({ framing: 'face', skipped: null, error: null });
    expect(seen.prediction?.pose).toBe('left');
    // The fake finds a face a third of the letterboxed 640x640 square wide, in its middle.
    expect(seen.face?.width).toBeCloseTo(640 / 3, 5);
    expect(seen.face?.x).toBeCloseTo(320 - 640 / 6, 5);

    // Nobody in front of the camera: the picture where the face was changed, so the
    // detector looks at once (no reuse of the last face) and says so on the first frame.
    const nobody = await frame(0);
    expect(nobody).toMatchObject({ framing: 'no-face', face: null, prediction: null });
    const notKept = await frame(0, 'up');
    expect(notKept).toMatchObject({ recorded: null, skipped: 'no-face' });
    // Tracking: a face found in the last frame is looked for around it in one pass, and
    // only on one frame in DETECT_EVERY_FRAMES; a shot always looks afresh.
    // The face mesh rests with the detector: a still face keeps the angles of its last look.
    const measured = await frame(200);
    const before = detections.passes;
    const meshBefore = meshRuns.runs;
    const still: Array<number | undefined> = [];
    for (let i = 0; i < DETECT_EVERY_FRAMES * 4; i++) still.push((await frame(201)).angles?.yaw);
    expect(detections.passes - before).toBe(4);
    expect(meshRuns.runs - meshBefore).toBe(4);
    // Frames between the looks carry the angles measured at the last look (grey 200 first).
    expect(still[0]).toBe(measured.angles?.yaw);
    expect(still.every((yaw) => yaw !== undefined)).toBe(true);
    // A picture that changes (a face moved or turned) is looked at and measured on every frame.
    const beforeMoves = detections.passes;
    const meshBeforeMoves = meshRuns.runs;
    for (let i = 0; i < DETECT_EVERY_FRAMES * 2; i++) await frame(i % 2 === 0 ? 120 : 200);
    expect(detections.passes - beforeMoves).toBe(DETECT_EVERY_FRAMES * 2);
    expect(meshRuns.runs - meshBeforeMoves).toBe(DETECT_EVERY_FRAMES * 2);
    const beforeShot = detections.passes;
    const meshBeforeShot = meshRuns.runs;
    await frame(202, 'left');
    await frame(202, 'left');
    expect(detections.passes - beforeShot).toBe(2);
    expect(meshRuns.runs - meshBeforeShot).toBe(2);
  });

  describe('a VideoFrame the page posted', () => {
    /** The browser's VideoFrame, as the engine tells one apart: a frame of one grey level. */
    class FakeVideoFrame extends FakeFrame {}
    /** The page posts `posted` as a 640x480 frame to predict. */
    const postFrame = (subject: InferenceEngine, posted: FakeVideoFrame): Promise<void> =>
      subject.receive({
        type: 'frame',
        id: 1,
        frame: posted as unknown as CanvasImageSource,
        width: 640,
        height: 480,
        record: null,
      });
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('is read through the picture the host makes of it, and closed', async () => {
      vi.stubGlobal('VideoFrame', FakeVideoFrame);
      const given: unknown[] = [];
      const { subject, replies } = engine({
        // The picture shows nobody (grey 0) where the frame itself would show a face.
        picture: async (made) => {
          given.push(made);
          return new FakeFrame(0) as unknown as CanvasImageSource;
        },
      });
      await subject.receive(INIT);
      const posted = new FakeVideoFrame(200);
      await postFrame(subject, posted);
      expect(given).toEqual([posted]);
      expect(posted.closed).toBe(true);
      expect(replies.at(-1)).toMatchObject({ framing: 'no-face', error: null });
    });

    it('is closed even when its picture cannot be made, with the reason in the answer', async () => {
      vi.stubGlobal('VideoFrame', FakeVideoFrame);
      const { subject, replies } = engine({
        picture: () => Promise.reject(new Error('copyTo failed')),
      });
      await subject.receive(INIT);
      const posted = new FakeVideoFrame(200);
      await postFrame(subject, posted);
      expect(posted.closed).toBe(true);
      expect((replies.at(-1) as FrameResult).error).toMatch(/copyTo failed/);
    });

    it('other pictures go to the reader as they are, with or without the host making pictures', async () => {
      vi.stubGlobal('VideoFrame', FakeVideoFrame);
      const { subject, frame } = engine({
        picture: () => Promise.reject(new Error('not for a bitmap')),
      });
      await subject.receive(INIT);
      expect(await frame(200)).toMatchObject({ framing: 'face', error: null });
    });
  });

  it('lets MobileNet rest on a still face: the last full frame stands, a shot and a moved face read in full', async () => {
    const probe = engine();
    const { subject, frame, embeds } = probe;
    await subject.receive(INIT);
    for (let i = 0; i < 3; i++) await frame(200 + i, 'left');
    for (let i = 0; i < 3; i++) await frame(60 + i, 'neutral');
    const look = await frame(210);
    const runs = embeds.runs;
    const still = [];
    for (let i = 0; i < DETECT_EVERY_FRAMES * 3; i++) still.push(await frame(211));
    // One frame in DETECT_EVERY_FRAMES is read in full (the detector's look); between them the
    // last full frame's features stand, so the pose and its confidence are that frame's.
    expect(embeds.runs - runs).toBe(3);
    for (const answer of still) {
      expect(answer.prediction?.pose).toBe('left');
      expect(answer.prediction?.confidence).toBe(look.prediction?.confidence);
    }
    // A small change the box may ignore (still for the detector) is read by MobileNet.
    const { detections } = probe;
    await frame(211); // the detector's look
    const passes = detections.passes;
    const beforeSmall = embeds.runs;
    await frame(211 + PICTURE_REST_LIMIT + 2);
    expect(detections.passes).toBe(passes);
    expect(embeds.runs - beforeSmall).toBe(1);
    // A shot always reads in full, however still; so does a face that moved.
    const beforeShot = embeds.runs;
    await frame(211, 'left');
    expect(embeds.runs - beforeShot).toBe(1);
    const beforeMove = embeds.runs;
    const moved = await frame(70);
    expect(embeds.runs - beforeMove).toBe(1);
    expect(moved.prediction?.pose).toBe('neutral');
    // No face: nothing stands for the next frame, which is read in full.
    await frame(0);
    const beforeBack = embeds.runs;
    await frame(70);
    expect(embeds.runs - beforeBack).toBe(1);
  });

  it("measures the head's angles on every face: in the features, the mirror shots and the result", async () => {
    const { subject, replies, frame, meshRuns } = engine();
    await subject.receive(INIT);
    expect(replies.at(-1)).toMatchObject({ type: 'ready', meshProblem: null });
    const shot = await frame(220, 'left');
    const angles = headAngles(turnedLandmarks(turnOf(220)));
    expect(Math.abs(angles.yaw)).toBeGreaterThan(0.2);
    expect(shot.angles?.yaw).toBeCloseTo(angles.yaw, 6);
    const features = shot.recorded?.sample.features ?? new Float32Array();
    const mirrored = shot.recorded?.sample.mirrored ?? new Float32Array();
    expect([...features.subarray(-3)].map((v) => v / ANGLE_WEIGHT)).toEqual(
      [angles.yaw, angles.pitch, angles.roll].map((v) => expect.closeTo(v, 6)),
    );
    // The mirror image: the other turn, by formula (one mesh per shot, not two).
    expect((mirrored.at(-3) ?? 0) / ANGLE_WEIGHT).toBeCloseTo(-angles.yaw, 6);
    // The preview's outline: the face oval's points and the nose tip, in the frame's pixels.
    expect(shot.outline?.oval).toHaveLength(72);
    expect(shot.outline?.noseTip[0]).toBeGreaterThan(0);
    // No mesh on a frame without a face.
    const runs = meshRuns.runs;
    expect(await frame(0)).toMatchObject({ framing: 'no-face', angles: null, outline: null });
    expect(meshRuns.runs).toBe(runs);
  });

  it('runs without the angles when the face mesh does not load, and says why', async () => {
    const { subject, replies, frame } = engine({ meshFails: true });
    await subject.receive(INIT);
    expect(replies.at(-1)).toMatchObject({
      type: 'ready',
      faceFinderProblem: null,
      meshProblem: 'from this site: 404 Not Found',
    });
    for (let i = 0; i < 3; i++) await frame(200 + i, 'left');
    for (let i = 0; i < 3; i++) await frame(60 + i, 'neutral');
    const result = await frame(210);
    expect(result).toMatchObject({ framing: 'face', angles: null, outline: null, error: null });
    expect(result.prediction?.pose).toBe('left');
  });

  it('reads the centre of the frame when the face finder does not load, and says why', async () => {
    const { subject, replies, frame } = engine({ faceModelFails: true });
    await subject.receive(INIT);
    expect(replies.at(-1)).toMatchObject({
      type: 'ready',
      faceFinderProblem: 'from this site: 404 Not Found',
      // The mesh measures the faces the finder finds: nothing to measure without it.
      meshProblem: expect.stringMatching(/face finder/),
    });
    for (let i = 0; i < 3; i++) await frame(200 + i, 'left');
    for (let i = 0; i < 3; i++) await frame(60 + i, 'neutral');
    // Even a frame the finder would call empty is read: the centre is all there is.
    const result = await frame(210);
    expect(result).toMatchObject({ framing: 'centre', face: null, error: null });
    expect(result.prediction?.pose).toBe('left');
  });

  it('moves to wasm when the WebGL context is lost, keeping every shot', async () => {
    const lost = { reason: null as string | null };
    const { subject, replies, frame, started } = engine({ lost });
    await subject.receive(INIT);
    for (let i = 0; i < 3; i++) await frame(200 + i, 'left');
    for (let i = 0; i < 3; i++) await frame(60 + i, 'neutral');
    expect((await frame(210)).prediction?.pose).toBe('left');

    lost.reason = 'the WebGL context was lost';
    const result = await frame(205);
    expect(started.at(-1)).toEqual({ use: 'wasm', candidates: ['cpu'] });
    expect(replies.find((reply) => reply.type === 'backend-changed')).toEqual({
      type: 'backend-changed',
      from: 'webgl',
      backend: 'wasm',
      reason: 'the WebGL context was lost',
    });
    // The same frame is answered on the new backend, from the same shots.
    expect(result.error).toBeNull();
    expect(result.prediction?.pose).toBe('left');
    expect((await frame(62)).prediction?.pose).toBe('neutral');
  });

  it('gives up on an embedding that never settles once the loss is heard of', async () => {
    const hang = { on: false };
    const { subject, replies, frame, started, loseContext } = engine({ hang });
    await subject.receive(INIT);
    for (let i = 0; i < 3; i++) await frame(200 + i, 'left');
    for (let i = 0; i < 3; i++) await frame(60 + i, 'neutral');
    hang.on = true;
    const stuck = subject.receive({
      type: 'frame',
      id: 99,
      frame: new FakeFrame(200) as unknown as CanvasImageSource,
      width: 640,
      height: 480,
      record: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    loseContext('the WebGL context was lost');
    await stuck;
    expect(replies.at(-1)).toMatchObject({ id: 99, error: 'the WebGL context was lost' });
    const next = await frame(61);
    expect(started).toHaveLength(2);
    expect(next.prediction?.pose).toBe('neutral');
  });

  it('says the backend failed when no other backend starts after a loss', async () => {
    const lost = { reason: 'the WebGL context was lost' };
    const { subject, replies, frame } = engine({ lost, broken: ['wasm'] });
    await subject.receive(INIT);
    const result = await frame(100);
    expect(result.error).toBe('the model is not ready');
    expect(replies.at(-2)).toMatchObject({ type: 'failed', stage: 'backend' });
    expect((replies.at(-2) as { message: string }).message).toMatch(
      /^the WebGL context was lost, and no other backend started: wasm did not initialise/,
    );
  });

  it('says so when the model cannot be loaded, and answers frames with an error', async () => {
    const { subject, replies, frame } = engine({ modelFails: true });
    await subject.receive(INIT);
    expect(replies.at(-1)).toEqual({
      type: 'failed',
      stage: 'model',
      message: 'from this site: 404 Not Found',
    });
    const result = await frame(100);
    expect(result).toMatchObject({
      type: 'result',
      prediction: null,
      error: 'the model is not ready',
    });
  });

  it('records shots (with their mirror images), then predicts the pose of a new frame', async () => {
    const { subject, frame } = engine();
    await subject.receive(INIT);
    expect((await frame(200)).prediction).toBeNull(); // no shots yet: nothing to compare with
    for (let i = 0; i < 3; i++) {
      const shot = await frame(200 + i, 'left');
      expect(shot.recorded?.pose).toBe('left');
      expect(shot.recorded?.sample.mirrored).not.toBeNull();
    }
    for (let i = 0; i < 3; i++) await frame(60 + i, 'neutral');
    expect((await frame(210)).prediction?.pose).toBe('left');
    // The mirror image of a bright "left" frame is a dark frame: "right", never recorded.
    expect((await frame(45)).prediction?.pose).toBe('right');
    const tensorsBefore = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await frame(200);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    // The count a result reports is taken once the frame's own tensors are freed: the same on
    // a frame with a face as on one without (a soak compares such counts).
    expect((await frame(200)).tensors).toBe(tf.memory().numTensors);
  });

  it('takes a whole set of shots, drops a pose, and reports how distinct the poses are', async () => {
    const { subject, replies, frame } = engine();
    await subject.receive(INIT);
    const samples = clusteredSamples(4, 7, 3);
    await subject.receive({ type: 'set-samples', samples });
    await subject.receive({ type: 'report', id: 9 });
    const report = replies.at(-1);
    expect(report?.type).toBe('report');
    if (report?.type === 'report') {
      expect(report.id).toBe(9);
      expect(report.report.accuracy).not.toBeNull();
    }
    await subject.receive({ type: 'remove-pose', pose: 'up' });
    await subject.receive({ type: 'report', id: 10 });
    const after = replies.at(-1);
    if (after?.type === 'report') expect(after.report.advice).toMatch(/no shots of up/);
    // Disposed: frames are released and nothing more is said.
    await subject.receive({ type: 'dispose' });
    const said = replies.length;
    await frame(1);
    expect(replies).toHaveLength(said);
  });
});
