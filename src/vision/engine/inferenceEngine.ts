/**
 * The inference engine: one camera frame in, a pose prediction (and, while recording, a
 * calibration shot) out. It finds the face and cuts the network's input around it
 * (frameReader.ts: the face detector, then faceFraming.ts), turns that into features
 * (MobileNet, embedder.ts, plus the face's keypoints: faceFeatures.ts) and asks the pose
 * classifier (poseClassifier.ts); it speaks only the messages of link/headProtocol.ts.
 * No face in the frame: no pose, and no shot.
 *
 * Messages are handled one after another: a set of shots never changes while a prediction is
 * being made from it.
 */
import { BackendWatch, type BackendLossHost } from './backendWatch';
import type { FaceDetector } from './faceFinder/faceDetector';
import { embedFace, embedFaceShot } from './faceFeatures';
import type { Face } from './faceFinder/face';
import { FrameReader, type FrameReading } from './frameReader';
import type { FaceBox } from '../headView';
import type { EngineReady, FromEngine, FrameResult, ToEngine } from '../link/headProtocol';
import type { PoseEmbedder } from './embedder';
import { PoseClassifier } from './poseClassifier';
import type { PoseSample } from '../poseSamples';
import { KNN_K, RECORD_MIRROR_IMAGES } from './recipe';
import type { LoadedModel, StartedEmbedder } from './engineRuntime';
import type { BackendName, BackendRequest } from '../link/headProtocol';
import type { ModelLocation } from '../link/modelSource';

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** What the engine needs from where it runs (a worker or the page) and from tfjs. */
export interface EngineHost extends BackendLossHost {
  /** A 224x224 2D context to frame camera frames in (OffscreenCanvas or a DOM canvas). */
  makeContext(size: number): Context2D;
  loadModelFiles(locations: readonly ModelLocation[]): Promise<LoadedModel>;
  startEmbedder(
    request: BackendRequest,
    artifacts: LoadedModel['artifacts'],
  ): Promise<StartedEmbedder>;
  /** The face detector on the backend the embedder runs on. */
  startFaceDetector(artifacts: LoadedModel['artifacts']): Promise<FaceDetector>;
  tensorsInMemory(): number;
  readonly inWorker: boolean;
  now(): number;
}

/** A found face's box as the page shows it (left, top, size). */
function boxOf(face: Face): FaceBox {
  const { cx, cy, width, height } = face.box;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function closeFrame(frame: unknown): void {
  if (typeof frame === 'object' && frame !== null && 'close' in frame) {
    const close = (frame as { close?: unknown }).close;
    if (typeof close === 'function') close.call(frame);
  }
}

export class InferenceEngine {
  private embedder: PoseEmbedder | null = null;
  /** The model's files, kept to build the embedder again on another backend. */
  private artifacts: LoadedModel['artifacts'] | null = null;
  private backend: BackendName = 'cpu';
  private readonly backendWatch: BackendWatch;
  /** The face detector's files, kept to build it again on another backend. */
  private faceArtifacts: LoadedModel['artifacts'] | null = null;
  private readonly classifier = new PoseClassifier(KNN_K);
  private readonly reader: FrameReader;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly host: EngineHost,
    private readonly reply: (message: FromEngine) => void,
  ) {
    this.reader = new FrameReader((size) => host.makeContext(size));
    this.backendWatch = new BackendWatch(host);
  }

  /** Handle a message after every earlier one has been handled. */
  receive(message: ToEngine): Promise<void> {
    const next = this.queue.then(() => this.handle(message));
    this.queue = next.catch(() => {});
    return next;
  }

  private async handle(message: ToEngine): Promise<void> {
    if (this.disposed) {
      if (message.type === 'frame') closeFrame(message.frame);
      return;
    }
    switch (message.type) {
      case 'init':
        await this.init(message.models, message.faceModels, message.backend);
        return;
      case 'frame':
        this.reply(await this.frame(message));
        return;
      case 'set-samples':
        this.classifier.importSamples(message.samples);
        return;
      case 'remove-pose':
        this.classifier.removeExamplesOf(message.pose);
        return;
      case 'report':
        this.reply({ type: 'report', id: message.id, report: this.classifier.leaveOneOutReport() });
        return;
      case 'dispose':
        this.dispose();
        return;
    }
  }

  private async init(
    models: readonly ModelLocation[],
    faceModels: readonly ModelLocation[],
    backend: BackendRequest,
  ): Promise<void> {
    this.reply({ type: 'progress', stage: 'model', message: 'loading the head-tracking model' });
    // Both models' files at once (the cold start waited for one, then the other). Without
    // the face finder head control still runs, on the centre of the frame.
    const [mobileNet, faceFinder] = await Promise.allSettled([
      this.host.loadModelFiles(models),
      this.host.loadModelFiles(faceModels),
    ]);
    if (mobileNet.status === 'rejected') {
      this.reply({ type: 'failed', stage: 'model', message: describe(mobileNet.reason) });
      return;
    }
    const loaded: LoadedModel = mobileNet.value;
    let faceFinderProblem: string | null = null;
    if (faceFinder.status === 'fulfilled') this.faceArtifacts = faceFinder.value.artifacts;
    else faceFinderProblem = describe(faceFinder.reason);
    this.reply({
      type: 'progress',
      stage: 'backend',
      message:
        backend.use === null
          ? 'measuring the fastest way to run the model on this device'
          : `starting the model on ${backend.use}`,
    });
    let started: StartedEmbedder;
    try {
      started = await this.host.startEmbedder(backend, loaded.artifacts);
    } catch (error) {
      this.reply({ type: 'failed', stage: 'backend', message: describe(error) });
      return;
    }
    this.embedder = started.embedder;
    this.backend = started.backend;
    this.artifacts = loaded.artifacts;
    faceFinderProblem ??= await this.startFaceFinder();
    this.backendWatch.watch();
    const ready: EngineReady = {
      type: 'ready',
      backend: started.backend,
      msPerRun: started.msPerRun,
      failed: started.failed,
      measured: started.measured,
      model: loaded.location,
      files: loaded.files,
      inWorker: this.host.inWorker,
      faceFinderProblem,
    };
    this.reply(ready);
  }

  /** The face detector on the active backend; why it did not start, or null. */
  private async startFaceFinder(): Promise<string | null> {
    if (this.faceArtifacts === null) return 'its files did not load';
    try {
      this.reader.useDetector(await this.host.startFaceDetector(this.faceArtifacts));
      return null;
    } catch (error) {
      this.reader.useDetector(null);
      return describe(error);
    }
  }

  private async frame(message: Extract<ToEngine, { type: 'frame' }>): Promise<FrameResult> {
    const answer = await this.readFrame(message);
    // Counted once the frame's tensors are freed: the model's input is disposed in a `finally`
    // that runs after the answer is built, so a count taken inside included it on face frames
    // only, and a soak read one tensor more or less depending on the frame (165 against 164
    // on a clean machine: not a leak).
    return { ...answer, tensors: this.host.tensorsInMemory() };
  }

  private async readFrame(message: Extract<ToEngine, { type: 'frame' }>): Promise<FrameResult> {
    const start = this.host.now();
    const result = (partial: Partial<FrameResult>): FrameResult => ({
      type: 'result',
      id: message.id,
      ms: this.host.now() - start,
      prediction: null,
      recorded: null,
      skipped: null,
      framing: 'centre',
      face: null,
      tensors: 0, // counted by frame() once this frame's tensors are gone
      error: null,
      ...partial,
    });
    const lost = this.embedder === null ? null : this.backendWatch.loss();
    if (lost !== null) await this.moveToAnotherBackend(lost);
    const embedder = this.embedder;
    if (embedder === null) {
      closeFrame(message.frame);
      return result({ error: 'the model is not ready' });
    }
    let reading: FrameReading;
    try {
      reading = await this.backendWatch.unlessLost(
        this.reader.read(message.frame, message.width, message.height, message.record !== null),
      );
    } catch (error) {
      return result({ error: `the frame could not be read: ${describe(error)}` });
    } finally {
      closeFrame(message.frame);
    }
    if (reading.framing === 'no-face') {
      return result({ framing: 'no-face', skipped: message.record === null ? null : 'no-face' });
    }
    const { input, face } = reading;
    const seen = {
      framing: reading.framing,
      face: reading.framing === 'face' ? boxOf(face) : null,
    };
    try {
      let sample: PoseSample | null = null;
      if (message.record !== null) {
        sample = RECORD_MIRROR_IMAGES
          ? await this.backendWatch.unlessLost(embedFaceShot(embedder, input, face))
          : {
              features: await this.backendWatch.unlessLost(embedFace(embedder, input, face)),
              mirrored: null,
            };
      }
      const features =
        sample?.features ?? (await this.backendWatch.unlessLost(embedFace(embedder, input, face)));
      // A context lost as the embedding ended leaves zeros behind: neither kept nor used.
      const lostMeanwhile = this.backendWatch.loss();
      if (lostMeanwhile !== null) {
        return result({
          ...seen,
          error: sample === null ? lostMeanwhile : `${lostMeanwhile}: shot not kept`,
        });
      }
      let recorded: FrameResult['recorded'] = null;
      if (message.record !== null && sample !== null) {
        this.classifier.addExample(message.record, sample.features, sample.mirrored);
        recorded = { pose: message.record, sample };
      }
      const prediction =
        this.classifier.totalCount > 0 ? await this.classifier.predict(features) : null;
      return result({ ...seen, prediction, recorded });
    } catch (error) {
      return result({ ...seen, error: describe(error) });
    } finally {
      input.dispose();
    }
  }

  /**
   * The backend died under us (a lost WebGL context): build the embedder again on wasm (cpu if
   * wasm cannot start) and the face detector with it, from the kept model files. No shot is
   * lost; the main thread is told which backend steers now.
   */
  private async moveToAnotherBackend(reason: string): Promise<void> {
    const from = this.backend;
    try {
      this.embedder?.dispose();
    } catch {
      // Its tensors lived in the lost context: nothing left to free.
    }
    this.embedder = null;
    if (this.artifacts === null) return;
    try {
      const started = await this.host.startEmbedder(
        { use: 'wasm', candidates: ['cpu'] },
        this.artifacts,
      );
      this.embedder = started.embedder;
      this.backend = started.backend;
      // The detector's tensors lived on the lost backend too.
      await this.startFaceFinder();
      this.backendWatch.watch();
      this.reply({ type: 'backend-changed', from, backend: started.backend, reason });
    } catch (error) {
      this.reply({
        type: 'failed',
        stage: 'backend',
        message: `${reason}, and no other backend started: ${describe(error)}`,
      });
    }
  }

  private dispose(): void {
    this.disposed = true;
    this.backendWatch.stop();
    this.embedder?.dispose();
    this.embedder = null;
    this.reader.dispose();
    this.classifier.dispose();
  }
}
