/**
 * Head control, as the rest of the game sees it: the coordinator that wires the rooms of
 * src/vision/ (see README.md there) and reports their state in words (`head-status`).
 *
 *   camera/ (frames, one in flight) -> link/ -> engine/ (worker: framing, MobileNet, knn)
 *     -> link/ -> steering/ (smoother, 'head' source) -> the game's InputHub
 *   calibration/ (the shots, saved) feeds the engine's classifier through the link.
 *
 * The shots live in the ShotBook (the truth, saved) and in the engine's classifier (a copy
 * kept in step: recorded shots are added on both sides in the same order; any other change
 * sends the whole set). Whatever happens to the camera or the model, this object only
 * reports it: the game goes on with keys and touch. Nothing leaves the device.
 *
 * Why about 400 lines: this is the one object the rest of the game talks to about the head
 * (some forty public members: state, events, recording, keeping), each a line or a few that
 * hand over to a room; the logic lives in the rooms. Splitting the surface in two classes
 * would only make a reader follow calls across files.
 */
import type { InputHub } from '../input/inputHub';
import type { KeyValueStore } from '../storage/safeStorage';
import { CalibrationKeeping } from './calibration/calibrationKeeping';
import type { CalibrationStore } from './calibration/calibrationStore';
import { ShotBook } from './calibration/shotBook';
import { TouchUpBursts } from './calibration/touchUpBursts';
import type { CameraDevice } from './camera/camera';
import { CameraSession, type CameraLike } from './camera/cameraSession';
import { FrameFeed } from './camera/frameFeed';
import { leaveOneOutReport, type CalibrationReport } from './engine/classifier/calibrationReport';
import type { PosePrediction } from './engine/classifier/poseClassifier';
import { KNN_K } from './engine/recipe';
import { headStateOf, describeHeadState, type HeadState } from './headStatus';
import { EngineLink, type SentFrame } from './link/engineLink';
import type { EnginePort } from './link/enginePort';
import type { FrameResult } from './link/headProtocol';
import { POSES, type Pose } from './poses';
import { HeadSteering, type HeadLiveSink } from './steering/headSteering';
import { describeStats, type HeadStatsView } from './headStats';
import type { HeadFrameView } from './headView';
import { Listeners } from './listeners';

export { MIN_SHOTS_PER_POSE } from './calibration/shotBook';
export type { HeadLiveSink } from './steering/headSteering';
export type { HeadStatsView } from './headStats';
export type { CameraLike } from './camera/cameraSession';

/** Set while the player has turned head control off, so a reload does not turn it back on. */
export const HEAD_OFF_KEY = 'headchomp.headOff';

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

export class HeadControl {
  private readonly shots: ShotBook;
  private readonly link: EngineLink;
  private readonly steering: HeadSteering;
  private readonly feed: FrameFeed;
  private readonly camera: CameraSession;
  private wanted = false;
  private lastPrediction: PosePrediction | null = null;
  private readonly changes = new Listeners<void>();
  private readonly predictions = new Listeners<PosePrediction | null>();
  private readonly shotsTaken = new Listeners<Pose>();
  private readonly frames = new Listeners<HeadFrameView>();
  private state: HeadState = { kind: 'off', note: null };
  private readonly keeping: CalibrationKeeping;
  /** The hands-free touch-up's recordings, judged before they join the calibration. */
  readonly bursts: TouchUpBursts;

  constructor(private readonly options: HeadControlOptions) {
    this.shots = new ShotBook(options.openStore, (reason) => this.keeping.sessionOnly(reason));
    this.keeping = new CalibrationKeeping(this.shots, options.storage, {
      shotsChanged: () => this.shotsChanged(),
      shotsForgotten: () => {
        this.link.post({ type: 'set-samples', samples: this.shots.view });
        this.steering.letGo();
        this.lastPrediction = null;
      },
      stopRecording: () => this.stopRecording(),
      refresh: () => this.refresh(),
      notify: () => this.notify(),
    });
    this.bursts = new TouchUpBursts(this.shots, {
      startRecording: (pose) => this.startRecording(pose),
      stopRecording: () => this.stopRecording(),
      shotsChanged: () => this.shotsChanged(),
    });
    this.steering = new HeadSteering(options.hub, options.live);
    this.link = new EngineLink({
      openEngine: options.openEngine,
      storage: options.storage,
      pageUrl: options.pageUrl,
      samples: () => this.shots.view,
      onStateChange: () => this.refresh(),
      onResult: (result, version) => this.onResult(result, version),
    });
    this.feed = new FrameFeed(this.link, options.pageUrl);
    this.camera = new CameraSession(options.camera, () => this.refresh());
    this.camera.onEnded(() => {
      this.stopPump();
      this.steering.forgetSight();
    });
    this.camera.watchPage(
      options.doc,
      () => this.pauseCamera(),
      () => this.resumeCamera(),
    );
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
    return this.shots.counts();
  }
  /** Frames of each pose's recordings this visit that showed no face (not kept as shots). */
  framesWithoutFace(): Record<Pose, number> {
    return this.shots.framesWithoutFace();
  }
  /** Every pose has enough shots to play. */
  get complete(): boolean {
    return this.shots.complete;
  }
  get isOn(): boolean {
    return this.wanted;
  }
  get recordingPose(): Pose | null {
    return this.link.recordingPose;
  }
  get smoothedPose(): Pose | null {
    return this.steering.heldPose;
  }
  get prediction(): PosePrediction | null {
    return this.lastPrediction;
  }
  /** The latest frame as the head indicator shows it (face box, pose, how sure). */
  get frameView(): HeadFrameView {
    return this.steering.frameView;
  }
  /** False once the camera has not seen the player's face for a while (no face is no pose). */
  get faceSeen(): boolean {
    return this.steering.sight !== 'lost';
  }
  /** False once what the camera sees no longer matches the calibration (offer a touch-up). */
  get calibrationFits(): boolean {
    return this.steering.calibrationFits;
  }
  get chosenCamera(): string | null {
    return this.options.camera.chosenDevice;
  }
  cameras(): Promise<CameraDevice[]> {
    return this.options.camera.cameras();
  }

  statsView(now: number = performance.now()): HeadStatsView {
    return describeStats({
      link: this.link,
      camera: this.options.camera.settings,
      rate: this.feed.describeRate(now),
      prediction: this.lastPrediction,
      smoothedPose: this.steering.heldPose,
      angles: this.steering.frameView.angles,
      now,
    });
  }

  /** Called on every change of state or shots; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    return this.changes.add(listener);
  }
  /** Called with every prediction (null while recording or before any shot). */
  onPrediction(listener: (prediction: PosePrediction | null) => void): () => void {
    return this.predictions.add(listener);
  }
  /** Called with every frame's view (face, pose, how sure) while head control runs. */
  onFrame(listener: (view: HeadFrameView) => void): () => void {
    return this.frames.add(listener);
  }
  /** Called when a shot of `pose` has been recorded (the video shows that frame, near enough). */
  onShot(listener: (pose: Pose) => void): () => void {
    return this.shotsTaken.add(listener);
  }

  // ---- starting and stopping ----

  /**
   * Bring back the saved calibration (at page load). A complete one turns head control on at
   * once (unless the player turned it off), so a returning player goes straight to playing.
   */
  async restore(): Promise<void> {
    const back = await this.keeping.restore();
    if (back && this.complete && this.options.storage.get(HEAD_OFF_KEY) !== 'true') {
      await this.start();
    }
  }

  /** Turn head control on: camera, then the model. Safe to call again. */
  async start(): Promise<void> {
    this.wanted = true;
    this.keeping.offNote = null;
    if (this.options.storage.get(HEAD_OFF_KEY) === 'true')
      this.options.storage.set(HEAD_OFF_KEY, '');
    if (this.options.doc.visibilityState === 'hidden') {
      this.camera.pause();
      return;
    }
    const cameraOk = await this.camera.open(() => this.wanted);
    if (!cameraOk || !this.wanted) return;
    await this.link.start();
    this.startPump();
  }

  /** Turn head control off (camera light off) until turned on again, across reloads. */
  stop(): void {
    if (this.wanted) this.options.storage.set(HEAD_OFF_KEY, 'true');
    this.wanted = false;
    this.stopRecording();
    this.stopPump();
    this.steering.letGo();
    this.steering.forgetSight();
    this.camera.close();
  }

  /**
   * Try again after a camera or model problem (the Retry button): a camera that failed or
   * stopped is asked for again, and a model that failed to load is loaded afresh in a new
   * engine. Nothing happens to the shots.
   */
  async retry(): Promise<void> {
    this.link.forgetFailure();
    this.camera.forgetProblem();
    this.stopPump();
    await this.start();
  }

  async chooseCamera(deviceId: string): Promise<void> {
    this.stopPump();
    await this.camera.choose(deviceId);
    this.startPump();
  }

  // ---- recording and keeping ----

  /** Start recording `pose` (hold-to-record, or the hands-free countdown). False if not ready. */
  startRecording(pose: Pose): boolean {
    if (this.link.part !== 'ready' || !this.camera.on) return false;
    this.link.startRecording(pose, performance.now());
    this.notify();
    return true;
  }

  stopRecording(): void {
    if (this.link.recordingPose === null) return;
    this.link.stopRecording();
    this.steering.forgetFrames();
    // New shots (a touch-up): whether the calibration fits is judged afresh.
    if (this.steering.judgeFitAfresh()) this.refresh();
    else this.notify();
    this.shots.save();
  }

  /** Drop every shot of `pose`, to record it again. */
  removePose(pose: Pose): void {
    this.stopRecording();
    this.shots.removePose(pose);
    this.shotsChanged();
  }

  /** The calibration file's text, or null when there is nothing to export. */
  exportText(): string | null {
    return this.shots.exportText();
  }

  /** Import a calibration file; a bad file changes nothing and says why. */
  importFile(input: string | ArrayBuffer): { ok: boolean; message: string } {
    return this.keeping.importFile(input);
  }

  /** "Forget me": delete the shots here, in the engine and in storage, and the backend choice. */
  forget(): Promise<void> {
    return this.keeping.forget();
  }

  /** The latest thing the player should read in the calibration screen (import, forget...). */
  get notice(): string | null {
    return this.keeping.notice;
  }
  set notice(text: string | null) {
    this.keeping.notice = text;
  }

  /** How well the shots tell the poses apart (leave-one-out), computed off the main thread. */
  report(): Promise<CalibrationReport> {
    return this.link.report() ?? Promise.resolve(leaveOneOutReport(this.shots.view, KNN_K));
  }

  // ---- inside ----

  /** After any change but a recorded shot: the engine gets the whole set, storage a save. */
  private shotsChanged(): void {
    this.link.post({ type: 'set-samples', samples: this.shots.view });
    this.steering.letGo();
    this.steering.judgeFitAfresh();
    this.lastPrediction = null;
    this.shots.save();
    this.refresh();
  }

  private onResult(result: FrameResult, sent: SentFrame | undefined): void {
    const recording = this.link.recordingPose;
    if (result.skipped === 'no-face' && recording !== null) {
      this.shots.missedFace(recording);
      this.notify();
    }
    if (result.recorded !== null && sent?.version === this.shots.version) {
      const { pose, sample } = result.recorded;
      this.shots.addRecorded(pose, sample, this.link.recordingPose !== null);
      this.shotsTaken.tell(pose);
      this.refresh();
    }
    if (result.recorded === null && result.error === null && sent !== undefined) {
      this.lastPrediction = result.prediction;
      if (this.steering.frame(result, sent.width, sent.height, sent.at)) this.refresh();
      this.predictions.tell(result.prediction);
      this.frames.tell(this.steering.frameView);
    }
  }

  private pauseCamera(): void {
    if (!this.wanted || this.camera.part === 'paused') return;
    this.stopRecording();
    this.stopPump();
    this.steering.letGo();
    this.steering.forgetSight();
    this.camera.pause();
  }

  private resumeCamera(): void {
    if (!this.wanted || this.camera.part !== 'paused') return;
    void this.start();
  }

  private startPump(): void {
    if (this.link.part !== 'ready' || !this.camera.on) return;
    this.feed.start(
      this.options.camera.video,
      // Nothing to predict before the first shot: the engine rests until recording starts.
      () =>
        this.link.isReady &&
        this.camera.on &&
        (this.link.recordingPose !== null || this.shots.total > 0),
      () => this.shots.version,
    );
  }

  private stopPump(): void {
    this.feed.stop();
  }

  private refresh(): void {
    this.state = headStateOf({
      wanted: this.wanted,
      offNote: this.keeping.offNote,
      camera: this.camera.part,
      engine: this.link.part,
      backend: this.link.ready?.backend ?? null,
      posesReady: this.shots.posesReady,
      complete: this.shots.complete,
      faceSeen: this.faceSeen,
      finderProblem: this.link.ready?.faceFinderProblem ?? null,
      meshProblem: this.link.ready?.meshProblem ?? null,
      calibrationFits: this.steering.calibrationFits,
    });
    this.options.live.set('head-status', this.statusText);
    if (this.state.kind !== 'on' && this.state.kind !== 'needs-calibration') {
      this.options.live.set('head-pose', 'none');
    }
    // Steering only with a full calibration and a working camera and model.
    this.steering.connect(this.state.kind === 'on');
    this.notify();
  }

  private notify(): void {
    this.changes.tell();
  }
}
