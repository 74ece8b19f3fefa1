/**
 * Head control, as the rest of the game sees it: one object on the main thread that owns the
 * camera, the inference engine (a worker, enginePort.ts), the player's calibration shots, the
 * smoother and the 'head' input source, and reports its state in words (live region
 * `head-status`) and the smoothed pose (`head-pose`).
 *
 *   camera frame --(FrameGate: one in flight, drop the rest)--> engine: framing + MobileNet
 *     + knn --> prediction --> PoseSmoother --> HeadSource --> InputHub ('head')
 *
 * The shots live here (the truth, saved to IndexedDB after every change) and in the engine's
 * classifier (a copy kept in step: recorded shots are added on both sides in the same order;
 * any other change sends the whole set). Nothing leaves the device.
 *
 * Whatever happens to the camera or the model, this object only reports it: the game goes on
 * with keys and touch.
 */
import type { Direction } from '../game/direction';
import type { InputHub } from '../input/inputHub';
import type { KeyValueStore } from '../storage/safeStorage';
import { forgetBackend, rememberBackend, backendRequest } from './link/backendPreference';
import { parseCalibrationFile, serializeCalibration } from './calibration/calibrationFile';
import { leaveOneOutReport, type CalibrationReport } from './engine/calibrationReport';
import { CalibrationStore } from './calibration/calibrationStore';
import type { CameraDevice, CameraOpenResult, CameraProblem } from './camera/camera';
import type { EnginePort } from './link/enginePort';
import { FrameGate, MAIN_THREAD_SHARE } from './camera/frameGate';
import type { EngineReady, FromEngine, FrameResult } from './link/headProtocol';
import { HeadSource } from './steering/headSource';
import { describeHeadState, type HeadState } from './headStatus';
import { InferenceStats } from './link/inferenceStats';
import { modelLocations } from './link/modelSource';
import type { PosePrediction } from './engine/poseClassifier';
import { copySamples, countSamples, type PoseSample, type PoseSamples } from './poseSamples';
import { POSES, directionOfPose, perPose, type Pose } from './poses';
import { KNN_K } from './engine/recipe';
import { SMOOTHER_SETTINGS } from './steering/smootherSettings';
import { PoseSmoother } from './steering/smoother';
import { governorWanted, RateGovernor } from './steering/rateGovernor';

/** Shots each pose needs before Play is offered (and before head control steers). */
export const MIN_SHOTS_PER_POSE = 5;

/** Set while the player has turned head control off, so a reload does not turn it back on. */
export const HEAD_OFF_KEY = 'headchomp.headOff';

/** What HeadControl needs of the camera (camera.ts's Camera; a fake in unit tests). */
export interface CameraLike {
  readonly video: HTMLVideoElement;
  readonly running: boolean;
  readonly settings: MediaTrackSettings | null;
  onEnded: (problem: CameraProblem) => void;
  start(): Promise<CameraOpenResult>;
  stop(): void;
  choose(deviceId: string): Promise<CameraOpenResult>;
  cameras(): Promise<CameraDevice[]>;
  readonly chosenDevice: string | null;
}

/** Where the live values go (the page's LiveRegion). */
export interface HeadLiveSink {
  set(field: 'head-status' | 'head-pose', value: string): void;
}

export interface HeadControlOptions {
  readonly hub: InputHub;
  readonly live: HeadLiveSink;
  readonly storage: KeyValueStore;
  readonly camera: CameraLike;
  /** The page (visibility, pagehide). */
  readonly doc: Document;
  /** document.baseURI: where the model and wasm files are found. */
  readonly pageUrl: string;
  readonly openEngine: (preferWorker: boolean) => Promise<EnginePort>;
  readonly openStore?: () => Promise<CalibrationStore>;
}

/** What the debug overlay shows. */
export interface HeadStatsView {
  readonly backend: string | null;
  readonly inWorker: boolean | null;
  readonly warmupMs: Readonly<Record<string, number>>;
  /** Backends that did not start or were not measured, with why. */
  readonly notUsed: Readonly<Record<string, string>>;
  readonly msPerPrediction: number | null;
  readonly predictionsPerSecond: number;
  readonly tensors: number;
  readonly dropped: number;
  /** What the rate governor is doing ('off' with ?headRate=full). */
  readonly rate: string;
  readonly prediction: PosePrediction | null;
  readonly smoothedPose: Pose | null;
  readonly model: string | null;
  readonly camera: string | null;
  readonly lastError: string | null;
}

type CameraPart = 'off' | 'starting' | 'on' | 'paused' | { readonly problem: CameraProblem };
type EnginePart = 'none' | { readonly loading: string } | 'ready' | { readonly problem: string };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class HeadControl {
  private samples: Record<Pose, PoseSample[]> = perPose(() => []);
  /** Bumped by every change other than a recorded shot; stale recorded shots are dropped. */
  private samplesVersion = 0;
  private wanted = false;
  private cameraPart: CameraPart = 'off';
  private enginePart: EnginePart = 'none';
  private offNote: string | null = null;
  private port: EnginePort | null = null;
  private ready: EngineReady | null = null;
  private engineStart: Promise<void> | null = null;
  private triedMainThread = false;
  private store: Promise<CalibrationStore> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly gate = new FrameGate();
  private readonly governor = new RateGovernor();
  /** False with ?headRate=full: predictions are never held back. */
  private readonly governed: boolean;
  private readonly frameVersions = new Map<number, number>();
  private frameId = 0;
  private pumpHandle: { cancel(): void } | null = null;
  private readonly smoother = new PoseSmoother(SMOOTHER_SETTINGS);
  private readonly source = new HeadSource();
  private readonly stats = new InferenceStats();
  private lastPrediction: PosePrediction | null = null;
  private reportId = 0;
  private readonly pendingReports = new Map<number, (report: CalibrationReport) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly predictionListeners = new Set<(prediction: PosePrediction | null) => void>();
  private readonly shotListeners = new Set<(pose: Pose) => void>();
  private state: HeadState = { kind: 'off', note: null };
  /** The latest thing the player should read in the calibration screen (import, forget...). */
  notice: string | null = null;

  constructor(private readonly options: HeadControlOptions) {
    this.governed = governorWanted(options.pageUrl);
    options.camera.onEnded = (problem) => {
      this.cameraPart = { problem };
      this.stopPump();
      this.refresh();
    };
    const doc = options.doc;
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'hidden') this.pauseCamera();
      else this.resumeCamera();
    });
    doc.defaultView?.addEventListener('pagehide', () => this.pauseCamera());
    doc.defaultView?.addEventListener('pageshow', () => {
      if (doc.visibilityState !== 'hidden') this.resumeCamera();
    });
    this.refresh();
  }

  // ---- reading ----

  get headState(): HeadState {
    return this.state;
  }

  get statusText(): string {
    return describeHeadState(this.state, POSES.length);
  }

  get video(): HTMLVideoElement {
    return this.options.camera.video;
  }

  counts(): Record<Pose, number> {
    return perPose((pose) => this.samples[pose].length);
  }

  /** Every pose has enough shots to play. */
  get complete(): boolean {
    return POSES.every((pose) => this.samples[pose].length >= MIN_SHOTS_PER_POSE);
  }

  get isOn(): boolean {
    return this.wanted;
  }

  get recordingPose(): Pose | null {
    return this.gate.recordingPose;
  }

  get smoothedPose(): Pose | null {
    return this.smoother.heldPose;
  }

  get prediction(): PosePrediction | null {
    return this.lastPrediction;
  }

  statsView(now: number = performance.now()): HeadStatsView {
    const settings = this.options.camera.settings;
    return {
      backend: this.ready?.backend ?? null,
      inWorker: this.ready?.inWorker ?? null,
      warmupMs: this.ready?.msPerRun ?? {},
      notUsed: this.ready?.failed ?? {},
      msPerPrediction: this.stats.msPerPrediction,
      predictionsPerSecond: this.stats.perSecond(now),
      tensors: this.stats.tensors,
      dropped: this.gate.dropped,
      rate: this.governed ? this.governor.describe(now) : 'off (?headRate=full)',
      prediction: this.lastPrediction,
      smoothedPose: this.smoother.heldPose,
      model:
        this.ready === null
          ? null
          : `${this.ready.model.kind} (${this.ready.files.fromCache} cached, ${this.ready.files.fromNetwork} fetched)`,
      camera:
        settings === null
          ? null
          : `${settings.width ?? '?'}x${settings.height ?? '?'} @ ${Math.round(settings.frameRate ?? 0)} fps`,
      lastError: this.stats.lastError,
    };
  }

  /** Called on every change of state or shots; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Called with every prediction (null while recording or before any shot). */
  onPrediction(listener: (prediction: PosePrediction | null) => void): () => void {
    this.predictionListeners.add(listener);
    return () => this.predictionListeners.delete(listener);
  }

  /** Called when a shot of `pose` has been recorded (the video shows that frame, near enough). */
  onShot(listener: (pose: Pose) => void): () => void {
    this.shotListeners.add(listener);
    return () => this.shotListeners.delete(listener);
  }

  // ---- starting and stopping ----

  /**
   * Bring back the saved calibration (at page load). A complete one turns head control on at
   * once, so a returning player goes straight to playing; one made with another model or
   * framing is refused and the player is told why.
   */
  async restore(): Promise<void> {
    const store = await this.openStore();
    const loaded = await store.load();
    if (loaded.problem !== null) {
      this.offNote = `Your saved calibration cannot be used: ${loaded.problem}`;
      this.notice = this.offNote;
      this.refresh();
      return;
    }
    if (loaded.calibration === null) return;
    if (countSamples(this.sampleView()) > 0) return; // recorded meanwhile: keep the newer
    this.replaceSamples(loaded.calibration.samples);
    this.refresh();
    if (this.complete && this.options.storage.get(HEAD_OFF_KEY) !== 'true') await this.start();
  }

  /** Turn head control on: camera, then the model. Safe to call again. */
  async start(): Promise<void> {
    this.wanted = true;
    this.offNote = null;
    if (this.options.storage.get(HEAD_OFF_KEY) === 'true')
      this.options.storage.set(HEAD_OFF_KEY, '');
    if (this.options.doc.visibilityState === 'hidden') {
      this.cameraPart = 'paused';
      this.refresh();
      return;
    }
    const cameraOk = await this.startCamera();
    if (!cameraOk || !this.wanted) return;
    await this.startEngine();
    this.startPump();
  }

  /**
   * Turn head control off (camera light off) until the player turns it on again, across
   * reloads; shots and model stay.
   */
  stop(): void {
    if (this.wanted) this.options.storage.set(HEAD_OFF_KEY, 'true');
    this.wanted = false;
    this.stopRecording();
    this.stopPump();
    this.options.camera.stop();
    this.cameraPart = 'off';
    this.smoother.reset();
    this.source.release();
    this.refresh();
  }

  /**
   * Try again after a camera or model problem (the Retry button): a camera that failed or
   * stopped is asked for again, and a model that failed to load is loaded afresh in a new
   * engine. Nothing happens to the shots.
   */
  async retry(): Promise<void> {
    const engine = this.enginePart;
    if (typeof engine === 'object' && 'problem' in engine) {
      const port = this.port;
      this.port = null;
      port?.terminate();
      this.ready = null;
      this.engineStart = null;
      this.triedMainThread = false;
      this.enginePart = 'none';
      this.gate.done();
    }
    if (typeof this.cameraPart === 'object') this.cameraPart = 'off';
    this.stopPump();
    await this.start();
  }

  cameras(): Promise<CameraDevice[]> {
    return this.options.camera.cameras();
  }

  get chosenCamera(): string | null {
    return this.options.camera.chosenDevice;
  }

  async chooseCamera(deviceId: string): Promise<void> {
    this.stopPump();
    this.cameraPart = 'starting';
    this.refresh();
    this.applyCameraResult(await this.options.camera.choose(deviceId));
    this.startPump();
  }

  // ---- recording ----

  /** Start recording `pose` (hold-to-record, or the hands-free countdown). False if not ready. */
  startRecording(pose: Pose): boolean {
    if (this.enginePart !== 'ready' || this.cameraPart !== 'on') return false;
    this.gate.startRecording(pose, performance.now());
    this.notify();
    return true;
  }

  stopRecording(): void {
    if (this.gate.recordingPose === null) return;
    this.gate.stopRecording();
    this.smoother.reset();
    this.notify();
    this.flushSave();
  }

  /** Drop every shot of `pose`, to record it again. */
  removePose(pose: Pose): void {
    this.stopRecording();
    this.samples[pose] = [];
    this.samplesChanged();
  }

  // ---- keeping ----

  /** The calibration file's text, or null when there is nothing to export. */
  exportText(): string | null {
    return countSamples(this.sampleView()) === 0 ? null : serializeCalibration(this.sampleView());
  }

  /** Import a calibration file; a bad file changes nothing and says why. */
  importFile(input: string | ArrayBuffer): { ok: boolean; message: string } {
    const parsed = parseCalibrationFile(input);
    if (!parsed.ok) {
      this.notice = `Import refused: ${parsed.message} Your current calibration is unchanged.`;
      this.notify();
      return { ok: false, message: this.notice };
    }
    this.stopRecording();
    this.replaceSamples(parsed.calibration.samples);
    this.samplesChanged();
    const total = countSamples(this.sampleView());
    this.notice = `Calibration imported: ${total} shots.`;
    this.notify();
    return { ok: true, message: this.notice };
  }

  /** "Forget me": delete the shots here, in the engine and in storage, and the backend choice. */
  async forget(): Promise<void> {
    this.stopRecording();
    this.samples = perPose(() => []);
    this.samplesVersion++;
    this.port?.post({ type: 'set-samples', samples: this.sampleView() });
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.smoother.reset();
    this.source.release();
    this.lastPrediction = null;
    forgetBackend(this.options.storage);
    const store = await this.openStore();
    await store.forget();
    this.offNote = null;
    this.notice = 'Forgotten: your calibration was deleted from this device.';
    this.refresh();
  }

  /** How well the shots tell the poses apart (leave-one-out), computed off the main thread. */
  report(): Promise<CalibrationReport> {
    const port = this.port;
    if (port === null || this.enginePart !== 'ready') {
      return Promise.resolve(leaveOneOutReport(this.sampleView(), KNN_K));
    }
    const id = ++this.reportId;
    return new Promise((resolve) => {
      this.pendingReports.set(id, resolve);
      port.post({ type: 'report', id });
    });
  }

  // ---- inside ----

  private sampleView(): PoseSamples {
    return this.samples;
  }

  private replaceSamples(samples: PoseSamples): void {
    const copy = copySamples(samples);
    this.samples = perPose((pose) => [...copy[pose]]);
  }

  /** After any change but a recorded shot: the engine gets the whole set, storage a save. */
  private samplesChanged(): void {
    this.samplesVersion++;
    this.port?.post({ type: 'set-samples', samples: this.sampleView() });
    this.smoother.reset();
    this.source.release();
    this.lastPrediction = null;
    this.flushSave();
    this.refresh();
  }

  private openStore(): Promise<CalibrationStore> {
    this.store ??= (this.options.openStore ?? (() => CalibrationStore.open()))();
    return this.store;
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null) return;
    this.saveTimer = setTimeout(() => this.flushSave(), 500);
  }

  private flushSave(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const samples = copySamples(this.sampleView());
    void this.openStore().then(async (store) => {
      // An empty calibration is no calibration: nothing to keep.
      if (countSamples(samples) === 0) {
        await store.forget();
        return;
      }
      const health = await store.save(samples);
      if (health.kind === 'this-session-only') {
        this.notice = `Your calibration is kept for this visit only (${health.reason}).`;
        this.notify();
      }
    });
  }

  private applyCameraResult(result: CameraOpenResult): boolean {
    this.cameraPart = result.ok ? 'on' : { problem: result.problem };
    this.refresh();
    return result.ok;
  }

  private async startCamera(): Promise<boolean> {
    if (this.options.camera.running) {
      this.cameraPart = 'on';
      this.refresh();
      return true;
    }
    this.cameraPart = 'starting';
    this.refresh();
    const result = await this.options.camera.start();
    if (!this.wanted) {
      this.options.camera.stop();
      this.cameraPart = 'off';
      this.refresh();
      return false;
    }
    return this.applyCameraResult(result);
  }

  private pauseCamera(): void {
    if (!this.wanted || this.cameraPart === 'paused') return;
    this.stopRecording();
    this.stopPump();
    this.options.camera.stop();
    this.cameraPart = 'paused';
    this.smoother.reset();
    this.source.release();
    this.refresh();
  }

  private resumeCamera(): void {
    if (!this.wanted || this.cameraPart !== 'paused') return;
    void this.start();
  }

  private startEngine(): Promise<void> {
    this.engineStart ??= this.openEngineOnce(true);
    return this.engineStart;
  }

  private async openEngineOnce(preferWorker: boolean): Promise<void> {
    this.enginePart = { loading: 'loading the head-tracking model' };
    this.refresh();
    let port: EnginePort;
    try {
      port = await this.options.openEngine(preferWorker);
    } catch (error) {
      this.enginePart = { problem: `the engine did not start: ${describe(error)}` };
      this.refresh();
      return;
    }
    this.port = port;
    await new Promise<void>((resolve) => {
      port.onMessage((message) => {
        this.onEngineMessage(message);
        if (message.type === 'ready' || message.type === 'failed') resolve();
      });
      port.onCrash((message) => {
        port.terminate();
        if (this.port === port) this.port = null;
        this.ready = null;
        this.gate.done();
        if (!this.triedMainThread) {
          // A worker that cannot start (old browser, blocked module worker): run here instead.
          this.triedMainThread = true;
          this.engineStart = this.openEngineOnce(false).then(() => this.startPump());
          void this.engineStart.then(resolve);
        } else {
          this.enginePart = { problem: `the engine stopped: ${message}` };
          this.refresh();
          resolve();
        }
      });
      port.post({
        type: 'init',
        models: modelLocations(this.options.pageUrl),
        backend: backendRequest(this.options.storage, this.options.pageUrl),
      });
      port.post({ type: 'set-samples', samples: this.sampleView() });
    });
  }

  private onEngineMessage(message: FromEngine): void {
    switch (message.type) {
      case 'progress':
        this.enginePart = { loading: message.message };
        this.refresh();
        return;
      case 'ready':
        this.ready = message;
        this.enginePart = 'ready';
        // On the page's own thread, inference yields most of it to the game (frameGate.ts).
        this.gate.limitShare(this.port?.inWorker === false ? MAIN_THREAD_SHARE : null);
        rememberBackend(this.options.storage, message, this.options.pageUrl);
        this.refresh();
        return;
      case 'failed':
        this.enginePart = { problem: message.message };
        this.refresh();
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
        this.refresh();
        return;
      case 'result':
        this.onResult(message);
        return;
      case 'report': {
        const resolve = this.pendingReports.get(message.id);
        this.pendingReports.delete(message.id);
        resolve?.(message.report);
        return;
      }
    }
  }

  private onResult(result: FrameResult): void {
    this.gate.done(performance.now());
    const version = this.frameVersions.get(result.id);
    this.frameVersions.delete(result.id);
    const now = performance.now();
    this.stats.tensors = result.tensors;
    if (result.error !== null) {
      this.stats.errors++;
      this.stats.lastError = result.error;
    }
    if (result.recorded !== null && version === this.samplesVersion) {
      this.samples[result.recorded.pose].push(result.recorded.sample);
      // Saved when the recording stops (saving the growing set 2x a second costs frames).
      if (this.gate.recordingPose === null) this.scheduleSave();
      for (const listener of this.shotListeners) listener(result.recorded.pose);
      this.refresh();
    }
    if (result.recorded === null && result.error === null) {
      this.stats.add(result.ms, now);
      this.lastPrediction = result.prediction;
      this.steer(result.prediction);
      for (const listener of this.predictionListeners) listener(result.prediction);
    }
  }

  private steer(prediction: PosePrediction | null): void {
    if (prediction === null) return;
    const request = this.smoother.update({
      pose: prediction.pose,
      confidence: prediction.confidences[prediction.pose],
    });
    const held = this.smoother.heldPose;
    const heldDirection: Direction | null = held === null ? null : directionOfPose(held);
    this.source.update(request, heldDirection);
    this.options.live.set('head-pose', held ?? 'none');
  }

  // ---- the frame pump ----

  private startPump(): void {
    if (this.pumpHandle !== null || this.enginePart !== 'ready' || this.cameraPart !== 'on') return;
    const video = this.options.camera.video;
    let cancelled = false;
    let handle = 0;
    let lastTime = -1;
    const withFrames = video as HTMLVideoElement & {
      requestVideoFrameCallback?: (callback: (now: number) => void) => number;
      cancelVideoFrameCallback?: (handle: number) => void;
    };
    const useVideoFrames = typeof withFrames.requestVideoFrameCallback === 'function';
    const next = (): void => {
      if (cancelled) return;
      if (useVideoFrames) {
        handle = withFrames.requestVideoFrameCallback?.((now) => {
          this.tick(now);
          next();
        }) as number;
      } else {
        handle = requestAnimationFrame((now) => {
          // Without video frame callbacks: act only when the picture has changed.
          if (video.currentTime !== lastTime) {
            lastTime = video.currentTime;
            this.tick(now);
          }
          next();
        });
      }
    };
    // The game's frame rate, watched on its own animation frames: fewer predictions while
    // it drops (a slow device), as many as the engine gives when it is back.
    let watchHandle = 0;
    const watch = (now: number): void => {
      if (cancelled) return;
      this.governor.frame(now);
      this.gate.minIntervalMs = this.governor.minIntervalMs;
      watchHandle = requestAnimationFrame(watch);
    };
    this.governor.reset();
    this.gate.minIntervalMs = 0;
    if (typeof requestAnimationFrame === 'function' && this.governed) {
      watchHandle = requestAnimationFrame(watch);
    }
    this.pumpHandle = {
      cancel: () => {
        cancelled = true;
        if (useVideoFrames) withFrames.cancelVideoFrameCallback?.(handle);
        else cancelAnimationFrame(handle);
        if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(watchHandle);
      },
    };
    next();
  }

  private stopPump(): void {
    this.pumpHandle?.cancel();
    this.pumpHandle = null;
  }

  private tick(now: number): void {
    const port = this.port;
    const video = this.options.camera.video;
    if (port === null || this.enginePart !== 'ready' || this.cameraPart !== 'on') return;
    if (video.readyState < 2 || video.videoWidth === 0) return;
    // Nothing to predict before the first shot: the engine rests until recording starts.
    if (this.gate.recordingPose === null && countSamples(this.sampleView()) === 0) return;
    const decision = this.gate.offer(now);
    if (!decision.send) return;
    const id = ++this.frameId;
    this.frameVersions.set(id, this.samplesVersion);
    const width = video.videoWidth;
    const height = video.videoHeight;
    const send = (frame: CanvasImageSource): void =>
      port.post({ type: 'frame', id, frame, width, height, record: decision.record });
    if (typeof createImageBitmap === 'function') {
      createImageBitmap(video).then(send, () => {
        this.frameVersions.delete(id);
        this.gate.done();
      });
    } else {
      send(video); // main-thread engine only: it draws the element directly
    }
  }

  // ---- telling ----

  private computeState(): HeadState {
    if (!this.wanted) return { kind: 'off', note: this.offNote };
    const camera = this.cameraPart;
    const engine = this.enginePart;
    if (camera === 'paused') return { kind: 'paused' };
    if (typeof camera === 'object')
      return { kind: 'camera-problem', message: camera.problem.message };
    if (typeof engine === 'object' && 'problem' in engine) {
      return { kind: 'model-problem', message: engine.problem };
    }
    if (camera === 'starting' || camera === 'off') return { kind: 'starting-camera' };
    if (typeof engine === 'object') return { kind: 'loading-model', message: engine.loading };
    if (engine === 'none')
      return { kind: 'loading-model', message: 'loading the head-tracking model' };
    const backend = this.ready?.backend ?? 'cpu';
    if (!this.complete) {
      const posesReady = POSES.filter(
        (pose) => this.samples[pose].length >= MIN_SHOTS_PER_POSE,
      ).length;
      return { kind: 'needs-calibration', backend, posesReady };
    }
    return { kind: 'on', backend };
  }

  private refresh(): void {
    this.state = this.computeState();
    this.options.live.set('head-status', this.statusText);
    if (this.state.kind !== 'on' && this.state.kind !== 'needs-calibration') {
      this.options.live.set('head-pose', 'none');
    }
    // Steering only with a full calibration and a working camera and model.
    const steer = this.state.kind === 'on';
    if (steer && !this.options.hub.has(this.source.name)) this.options.hub.add(this.source);
    if (!steer && this.options.hub.has(this.source.name)) this.options.hub.remove(this.source.name);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.changeListeners) listener();
  }
}
