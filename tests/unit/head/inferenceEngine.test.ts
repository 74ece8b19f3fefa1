import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PoseEmbedder } from '../../../src/vision/embedder';
import type { LoadedModel } from '../../../src/vision/engineRuntime';
import type { FromEngine, FrameResult, ToEngine } from '../../../src/vision/headProtocol';
import { InferenceEngine, type EngineHost } from '../../../src/vision/inferenceEngine';
import { MODEL_INPUT_SIZE } from '../../../src/vision/framing';
import type { Pose } from '../../../src/vision/poses';
import { FEATURE_RECIPE } from '../../../src/vision/settings';
import { clusteredSamples } from '../vision/testVectors';

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

/** A 2D context that "draws" a FakeFrame: every pixel gets the frame's grey level. */
function fakeContext() {
  let grey = 0;
  return {
    imageSmoothingEnabled: false,
    imageSmoothingQuality: 'low',
    save() {},
    restore() {},
    translate() {},
    scale() {},
    drawImage(source: FakeFrame) {
      grey = source.grey;
    },
    getImageData() {
      const data = new Uint8ClampedArray(MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 4).fill(grey);
      return { data, width: MODEL_INPUT_SIZE, height: MODEL_INPUT_SIZE };
    },
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

function engine(options: { modelFails?: boolean } = {}) {
  const replies: FromEngine[] = [];
  const host: EngineHost = {
    makeContext: () => fakeContext() as unknown as OffscreenCanvasRenderingContext2D,
    loadModelFiles: async (locations) => {
      if (options.modelFails) throw new Error('from this site: 404 Not Found');
      return {
        artifacts: {},
        location: locations[0],
        files: { fromCache: 0, fromNetwork: 2 },
      } as LoadedModel;
    },
    startEmbedder: async () => ({
      embedder: fakeEmbedder,
      backend: 'wasm',
      msPerRun: { wasm: 10 },
      failed: {},
      measured: true,
    }),
    tensorsInMemory: () => tf.memory().numTensors,
    inWorker: true,
    now: () => 0,
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
  return { subject, replies, frame };
}

const INIT: ToEngine = {
  type: 'init',
  models: [{ url: 'http://127.0.0.1/models/mobilenet/model.json', kind: 'local' }],
  backend: { use: null, candidates: ['wasm', 'webgl'] },
};

describe('the inference engine', () => {
  it('reports its progress, then ready with the backend it measured', async () => {
    const { subject, replies } = engine();
    await subject.receive(INIT);
    expect(replies.map((reply) => reply.type)).toEqual(['progress', 'progress', 'ready']);
    expect(replies[2]).toMatchObject({ backend: 'wasm', measured: true, inWorker: true });
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
