/**
 * The inference engine: one camera frame in, a pose prediction (and, while recording, a
 * calibration shot) out. It finds the face and cuts the network's input around it
 * (frameReader.ts: the face detector, the face mesh's angles, then faceFraming.ts), turns that
 * into features (MobileNet, embedder.ts, plus the face's keypoints and the head's angles:
 * faceFeatures.ts) and asks the pose classifier (poseClassifier.ts); it speaks only the
 * messages of link/headProtocol.ts. No face in the frame: no pose, and no shot. The models
 * and their backend are engineModels.ts's.
 *
 * Messages are handled one after another: a set of shots never changes while a prediction is
 * being made from it.
 *
 * `slowerBy` (init; link/slowerDevice.ts, for the bench and the trial only) makes the engine
 * behave as on a slower device: the work of starting and of each frame is followed by a spin
 * of (n - 1) times its length before the answer goes, the core kept busy all the while, as
 * Chromium's CPU throttling cannot do for a worker.
 */
import { BackendWatch } from './backendWatch';
import { EngineModels } from './engineModels';
import type { EngineHost } from './engineHost';
import { embedFace, embedFaceShot } from '../features/faceFeatures';
import type { Face } from '../features/faceFinder/face';
import { meshOutline } from '../features/faceMesh/meshOutline';
import { FrameReader, type FrameReading } from '../features/frameReader';
import type { FaceBox } from '../../headView';
import type { FromEngine, FrameResult, ToEngine } from '../../link/headProtocol';
import { PoseClassifier } from '../classifier/poseClassifier';
import type { PoseSample } from '../../poseSamples';
import { KNN_K, RECORD_MIRROR_IMAGES } from '../recipe';
import { describeError } from './errorText';

/** A found face's box as the page shows it (left, top, size). */
function boxOf(face: Face): FaceBox {
  const { cx, cy, width, height } = face.box;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

function closeFrame(frame: unknown): void {
  if (typeof frame === 'object' && frame !== null && 'close' in frame) {
    const close = (frame as { close?: unknown }).close;
    if (typeof close === 'function') close.call(frame);
  }
}

export class InferenceEngine {
  private readonly backendWatch: BackendWatch;
  private readonly classifier = new PoseClassifier(KNN_K, { anglesAtEnd: true });
  private readonly reader: FrameReader;
  private readonly models: EngineModels;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  /** How many times slower to behave (init's slowerBy): 1 but in the bench and the trial. */
  private slowerBy = 1;
  /** When the start began (its answer is held back as a slower device's would be). */
  private startedAt = 0;
  /**
   * The features of the last frame read in full (null after a frame without a face or one
   * that failed): a still frame's stand for it (frameReader.ts `restPicture`).
   */
  private lastFeatures: Float32Array | null = null;

  constructor(
    private readonly host: EngineHost,
    private readonly reply: (message: FromEngine) => void,
  ) {
    this.reader = new FrameReader((size) => host.makeContext(size));
    this.backendWatch = new BackendWatch(host);
    this.models = new EngineModels(host, this.reader, this.backendWatch, (message) => {
      if (message.type === 'ready' || message.type === 'failed') this.lagBehind(this.startedAt);
      reply(message);
    });
  }

  /** Whether there is anything to predict: the classifier holds shots. */
  get holdsShots(): boolean {
    return this.classifier.totalCount > 0;
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
        this.slowerBy = Math.max(1, message.slowerBy ?? 1);
        this.startedAt = this.host.now();
        await this.models.start(message);
        this.classifier.setAnglesMeasured(this.reader.measuresAngles);
        return;
      case 'frame': {
        const start = this.host.now();
        const answer = await this.frame(message);
        const lag = this.lagBehind(start);
        this.reply(lag === 0 ? answer : { ...answer, ms: answer.ms + lag });
        return;
      }
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

  private async frame(message: Extract<ToEngine, { type: 'frame' }>): Promise<FrameResult> {
    const answer = await this.readFrame(message);
    // Counted once the frame's tensors are freed: the model's input is disposed in a `finally`
    // that runs after the answer is built, so a count taken inside included it on face frames
    // only, and a soak read one tensor more or less depending on the frame (165 against 164
    // on a clean machine: not a leak).
    const tensors = this.host.tensorsInMemory();
    // A frame the worker read itself goes back with what it was taken with.
    return message.taken === undefined
      ? { ...answer, tensors }
      : { ...answer, tensors, taken: message.taken };
  }

  /**
   * A VideoFrame the page posted becomes a picture here, off the page's thread (the page then
   * only wraps the video's current frame: engineLink.ts); the frame itself is closed by the
   * caller once read.
   */
  private async pictureOf(frame: CanvasImageSource): Promise<CanvasImageSource> {
    const picture = this.host.picture;
    if (picture === undefined || typeof VideoFrame === 'undefined') return frame;
    return frame instanceof VideoFrame ? picture.call(this.host, frame) : frame;
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
      angles: null,
      outline: null,
      tensors: 0, // counted by frame() once this frame's tensors are gone
      error: null,
      ...partial,
    });
    const lost = this.models.embedder === null ? null : this.backendWatch.loss();
    if (lost !== null) {
      await this.models.moveToAnotherBackend(lost);
      this.classifier.setAnglesMeasured(this.reader.measuresAngles);
    }
    const embedder = this.models.embedder;
    if (embedder === null) {
      closeFrame(message.frame);
      return result({ error: 'the model is not ready' });
    }
    let reading: FrameReading;
    const recording = message.record !== null;
    const lastFeatures = this.lastFeatures;
    this.lastFeatures = null;
    try {
      const picture = await this.pictureOf(message.frame);
      reading = await this.backendWatch.unlessLost(
        this.reader.read(
          picture,
          message.width,
          message.height,
          recording,
          !recording && lastFeatures !== null,
        ),
      );
    } catch (error) {
      return result({ error: `the frame could not be read: ${describeError(error)}` });
    } finally {
      closeFrame(message.frame);
    }
    if (reading.framing === 'no-face') {
      return result({ framing: 'no-face', skipped: message.record === null ? null : 'no-face' });
    }
    const { input, face, mesh } = reading;
    const angles = mesh?.angles ?? null;
    const seen = {
      framing: reading.framing,
      face: reading.framing === 'face' ? boxOf(face) : null,
      angles,
      outline: mesh === null ? null : meshOutline(mesh.landmarks, face),
    };
    try {
      let sample: PoseSample | null = null;
      if (message.record !== null) {
        // A shot is always read in full (frameReader.ts): it has its input.
        if (input === null) throw new Error('a shot was read without its picture');
        sample = RECORD_MIRROR_IMAGES
          ? await this.backendWatch.unlessLost(embedFaceShot(embedder, input, face, angles))
          : {
              features: await this.backendWatch.unlessLost(
                embedFace(embedder, input, face, angles),
              ),
              mirrored: null,
            };
      }
      // A still frame whose picture rested: the last full frame's features stand.
      const features =
        sample?.features ??
        (input === null
          ? (lastFeatures as Float32Array)
          : await this.backendWatch.unlessLost(embedFace(embedder, input, face, angles)));
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
      this.lastFeatures = features;
      return result({ ...seen, prediction, recorded });
    } catch (error) {
      return result({ ...seen, error: describeError(error) });
    } finally {
      input?.dispose();
    }
  }

  /**
   * As a device `slowerBy` times slower would be: the work since `start` made that many times
   * as long, the core busy (a spin, not a timer). Returns the ms added (0 at full speed).
   */
  private lagBehind(start: number): number {
    if (this.slowerBy === 1) return 0;
    const now = this.host.now();
    const until = now + (now - start) * (this.slowerBy - 1);
    let spins = 0;
    while (this.host.now() < until) spins++;
    return spins === 0 ? 0 : this.host.now() - now;
  }

  private dispose(): void {
    this.disposed = true;
    this.backendWatch.stop();
    this.models.dispose();
    this.reader.dispose();
    this.classifier.dispose();
  }
}
