/**
 * The engine's life, seen from the main thread: open it (a worker, or the page's own thread
 * when a worker cannot start), load the model, hand it frames one at a time, route its answers
 * and keep the numbers the debug overlay shows. The engine itself (engine/) never learns who
 * talks to it; this side never touches TensorFlow.js.
 *
 *   camera frame --(FrameGate: one in flight, drop the rest)--> post 'frame' --> engine
 *   engine --> 'result' --> onResult(result, what the frame was sent with)
 *
 * Or, where the worker reads the camera itself (readCamera: headProtocol.ts), the worker's own
 * gate sends the frames and each 'result' says what its frame was taken with; this side only
 * tells the worker what its gate needs (recording, the governor's pace) and which set of shots
 * a recorded shot belongs to (it counts the shot messages it posted, as the worker does).
 *
 * Over 300 lines and still one idea, the engine's life on the page: the worker's camera
 * (workerCamera.ts), the frame gate (frameGate.ts) and how a frame is handed over
 * (pageFrames.ts) live apart; what is left shares the port
 * and the engine's state.
 */
import type { KeyValueStore } from '../../storage/safeStorage';
import { FrameGate, MAIN_THREAD_SHARE } from './frameGate';
import type { CalibrationReport } from '../engine/classifier/calibrationReport';
import type { PoseSamples } from '../poseSamples';
import type { Pose } from '../poses';
import { backendRequest, rememberBackend } from './backendPreference';
import type { EnginePort } from './enginePort';
import type {
  CameraCounts,
  CameraReading,
  CameraSource,
  EngineReady,
  FrameResult,
  FromEngine,
  ToEngine,
} from './headProtocol';
import { Listeners } from '../listeners';
import { WorkerCamera } from './workerCamera';
import { HeadMotion } from './headMotion';
import { PageFrames } from './pageFrames';
import { InferenceStats } from './inferenceStats';
import { faceMeshLocations, faceModelLocations, modelLocations } from './modelSource';
import { wasmThreadsWanted } from './wasmThreads';
import { engineSlowerBy } from './slowerDevice';

/** Where the engine stands: not opened, loading (with what), ready, or failed (with why). */
export type EnginePart =
  'none' | { readonly loading: string } | 'ready' | { readonly problem: string };

export interface EngineLinkOptions {
  readonly openEngine: (preferWorker: boolean) => Promise<EnginePort>;
  readonly storage: KeyValueStore;
  /** document.baseURI: where the model and wasm files are found. */
  readonly pageUrl: string;
  /** The shots the engine must hold when it starts. */
  readonly samples: () => PoseSamples;
  /** Loading, ready, failed or a backend change: the coordinator tells the player. */
  readonly onStateChange: () => void;
  /** A frame's answer, with what the frame was sent with (undefined: a frame given up). */
  readonly onResult: (result: FrameResult, sent: SentFrame | undefined) => void;
}

/** What a frame went out with: the shots' version, when (ms), and its size in pixels. */
export interface SentFrame {
  readonly version: number;
  readonly at: number;
  readonly width: number;
  readonly height: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class EngineLink {
  readonly gate = new FrameGate();
  /** Whether the head was on the move, from the answers to the page's frames. */
  readonly motion = new HeadMotion();
  readonly stats = new InferenceStats();
  part: EnginePart = 'none';
  ready: EngineReady | null = null;
  private port: EnginePort | null = null;
  private starting: Promise<void> | null = null;
  private triedMainThread = false;
  private readonly sentFrames = new Map<number, SentFrame>();
  private frameId = 0;
  private readonly pageFrames = new PageFrames();
  private reportId = 0;
  private readonly pendingReports = new Map<number, (report: CalibrationReport) => void>();
  /** 'set-samples' and 'remove-pose' messages posted to this engine (the worker counts too). */
  private shotMessages = 0;
  /** The camera the worker reads itself (or read: its last answers may still come). */
  private workerCamera: WorkerCamera | null = null;
  private readonly readied = new Listeners<void>();

  constructor(private readonly options: EngineLinkOptions) {}

  get isReady(): boolean {
    return this.part === 'ready' && this.port !== null;
  }

  get failed(): boolean {
    return typeof this.part === 'object' && 'problem' in this.part;
  }

  /** Open the engine once; later calls wait for the same start. */
  start(): Promise<void> {
    this.starting ??= this.openOnce(true);
    return this.starting;
  }

  /**
   * After a failure, or a face model that did not load (the Retry button): drop the engine so
   * the next start loads every model afresh (the shots go with 'init' again).
   */
  forgetFailure(): void {
    const faceModelOff =
      (this.ready?.faceFinderProblem ?? null) !== null ||
      (this.ready?.meshProblem ?? null) !== null;
    if (!this.failed && !faceModelOff) return;
    const port = this.port;
    this.port = null;
    this.workerCamera?.release();
    this.workerCamera = null;
    port?.terminate();
    this.ready = null;
    this.starting = null;
    this.triedMainThread = false;
    this.part = 'none';
    this.gate.done();
  }

  /** A message for the engine, if there is one (shots sent before it opens go with 'init'). */
  post(message: ToEngine): void {
    const port = this.port;
    if (port !== null) this.postTo(port, message);
  }

  private postTo(port: EnginePort, message: ToEngine): void {
    if (message.type === 'set-samples' || message.type === 'remove-pose') this.shotMessages++;
    port.post(message);
  }

  /** Hear each time an engine becomes ready (the first, and one opened after a crash). */
  onReady(listener: () => void): () => void {
    return this.readied.add(listener);
  }

  /**
   * Hand the camera to the engine's worker, which then reads the frames itself; `version`
   * is the shots' version, `onState` hears whether it reads. False where it cannot be handed
   * over (no worker, or a track this browser does not transfer): send frames with offerFrame.
   */
  readCamera(
    source: CameraSource,
    version: () => number,
    onState: (reading: CameraReading) => void,
  ): boolean {
    const port = this.port;
    if (port === null || !port.inWorker || this.part !== 'ready') return false;
    try {
      port.post({ type: 'camera', source });
    } catch {
      return false; // DataCloneError: this browser does not transfer it
    }
    this.workerCamera = new WorkerCamera((message) => port.post(message), onState, version);
    this.tellFeed();
    return true;
  }

  /**
   * One camera frame to the worker that reads the camera (source `posted`), transferred.
   * Settles true once the worker is free for the next, false where none reads it now, it could
   * not go, or the reading stopped first (the caller closes the frame: harmless once moved).
   */
  postCameraFrame(frame: VideoFrame): Promise<boolean> {
    return this.workerCamera?.postFrame(frame) ?? Promise.resolve(false);
  }

  /** The worker stops reading the camera (the caller stops the track it handed over). */
  stopReadingCamera(): void {
    if (this.workerCamera?.reading !== true) return;
    this.workerCamera.release();
    this.port?.post({ type: 'camera-stop' });
  }

  /** Whether the worker reads the camera now. */
  get workerReadsCamera(): boolean {
    return this.workerCamera?.reading === true;
  }

  /** What became of the frames the worker read, as of its latest answer (null: none yet). */
  get workerFrameCounts(): CameraCounts | null {
    return this.workerCamera?.counts ?? null;
  }

  /** The rate governor's least time between two predictions, ms (0: as fast as they come). */
  setMinInterval(ms: number): void {
    this.gate.minIntervalMs = ms;
    this.tellFeed();
  }

  /** What the worker's own gate needs (told when it changed). */
  private tellFeed(): void {
    if (this.workerCamera?.reading === true) {
      this.workerCamera.feed(this.gate.recordingPose, this.gate.minIntervalMs);
    }
  }

  /** How well the shots tell the poses apart, computed by the engine off the main thread. */
  report(): Promise<CalibrationReport> | null {
    const port = this.port;
    if (port === null || this.part !== 'ready') return null;
    const id = ++this.reportId;
    return new Promise((resolve) => {
      this.pendingReports.set(id, resolve);
      port.post({ type: 'report', id });
    });
  }

  /**
   * Offer the video's current frame; it goes to the engine unless one is in flight (or the
   * rate is held back while the head holds still: headMotion.ts). `version` comes back with
   * its answer.
   */
  offerFrame(video: HTMLVideoElement, now: number, version: number): void {
    const port = this.port;
    if (port === null) return;
    const decision = this.gate.offer(now, this.motion.moving);
    if (!decision.send) return;
    const id = ++this.frameId;
    const width = video.videoWidth;
    const height = video.videoHeight;
    this.sentFrames.set(id, { version, at: now, width, height });
    const send = (frame: CanvasImageSource): void =>
      port.post({ type: 'frame', id, frame, width, height, record: decision.record });
    this.pageFrames.send(video, port.inWorker, send, () => {
      this.sentFrames.delete(id);
      this.gate.done();
    });
  }

  startRecording(pose: Pose, now: number): void {
    this.gate.startRecording(pose, now);
    this.tellFeed();
  }

  stopRecording(): void {
    this.gate.stopRecording();
    this.tellFeed();
  }

  get recordingPose(): Pose | null {
    return this.gate.recordingPose;
  }

  private async openOnce(preferWorker: boolean): Promise<void> {
    this.part = { loading: 'loading the head-tracking model' };
    this.options.onStateChange();
    let port: EnginePort;
    try {
      port = await this.options.openEngine(preferWorker);
    } catch (error) {
      this.part = { problem: `the engine did not start: ${describe(error)}` };
      this.options.onStateChange();
      return;
    }
    this.port = port;
    this.shotMessages = 0;
    await new Promise<void>((resolve) => {
      port.onMessage((message) => {
        this.onMessage(message);
        if (message.type === 'ready' || message.type === 'failed') resolve();
      });
      port.onCrash((message) => {
        port.terminate();
        // An engine already replaced or dropped: its late errors (each of a wasm helper
        // thread's, queued before it was terminated) must not stop the one in use now, nor end
        // this start early: it ends when the replacement is ready (below), and a caller that
        // went on before then would feed no frames to it.
        if (this.port !== port) return;
        this.port = null;
        this.workerCamera?.release();
        this.workerCamera = null;
        this.ready = null;
        this.gate.done();
        if (!this.triedMainThread) {
          // A worker that cannot start (old browser, blocked module worker): run here instead.
          this.triedMainThread = true;
          this.starting = this.openOnce(false);
          void this.starting.then(resolve);
        } else {
          this.part = { problem: `the engine stopped: ${message}` };
          this.options.onStateChange();
          resolve();
        }
      });
      port.post({
        type: 'init',
        models: modelLocations(this.options.pageUrl),
        faceModels: faceModelLocations(this.options.pageUrl),
        meshModels: faceMeshLocations(this.options.pageUrl),
        backend: {
          ...backendRequest(this.options.storage, this.options.pageUrl),
          wasmThreads: port.inWorker ? wasmThreadsWanted(this.options.pageUrl) : 1,
        },
        // On the page's own thread the CPU throttling that asks for it already applies.
        slowerBy: port.inWorker ? engineSlowerBy(this.options.pageUrl) : 1,
      });
      this.postTo(port, { type: 'set-samples', samples: this.options.samples() });
    });
  }

  private onMessage(message: FromEngine): void {
    switch (message.type) {
      case 'progress':
        this.part = { loading: message.message };
        this.options.onStateChange();
        return;
      case 'ready':
        this.ready = message;
        this.part = 'ready';
        // On the page's own thread, inference yields most of it to the game (frameGate.ts).
        this.gate.limitShare(this.port?.inWorker === false ? MAIN_THREAD_SHARE : null);
        rememberBackend(this.options.storage, message, this.options.pageUrl);
        this.options.onStateChange();
        this.readied.tell();
        return;
      case 'failed':
        this.part = { problem: message.message };
        this.options.onStateChange();
        return;
      case 'backend-changed':
        // The engine already runs on the new backend with every shot: only the words change.
        // The remembered choice stays: a lost context is rare, and the GPU is back next visit.
        if (this.ready !== null) {
          this.ready = {
            ...this.ready,
            backend: message.backend,
            failed: { ...this.ready.failed, [message.from]: message.reason },
          };
        }
        this.options.onStateChange();
        return;
      case 'result':
        this.onFrameResult(message);
        return;
      case 'camera':
        if (this.workerCamera?.reading !== true) return;
        if (message.state === 'next') this.workerCamera.next();
        else this.workerCamera.onState(message);
        return;
      case 'report': {
        const resolve = this.pendingReports.get(message.id);
        this.pendingReports.delete(message.id);
        resolve?.(message.report);
        return;
      }
    }
  }

  private onFrameResult(result: FrameResult): void {
    const now = performance.now();
    let sent: SentFrame | undefined;
    if (result.taken !== undefined) {
      // A frame the worker read itself (its answer may come after the reading stopped).
      sent = this.workerCamera?.sentOf(result.taken, this.shotMessages);
    } else {
      this.gate.done(now);
      sent = this.sentFrames.get(result.id);
      this.sentFrames.delete(result.id);
      if (result.recorded === null && result.error === null) this.motion.heard(result.angles);
    }
    this.stats.tensors = result.tensors;
    if (result.error !== null) {
      this.stats.errors++;
      this.stats.lastError = result.error;
    } else if (result.recorded === null) {
      this.stats.add(result.ms, now);
    }
    this.options.onResult(result, sent);
  }
}
