/**
 * Head control, as the rest of the game sees it: the coordinator that wires the rooms of
 * src/vision/ (see README.md there) and reports their state in words (`head-status`).
 *
 *   camera/ (frames, one in flight) -> link/ -> engine/ (worker: framing, MobileNet, knn)
 *     -> link/ -> steering/ (smoother, 'head' source) -> the game's InputHub
 *   calibration/ (the shots, saved) feeds the engine's classifier through the link.
 *
 * Whatever happens to the camera or the model, this object only reports it: the game goes on
 * with keys and touch. Nothing leaves the device. It is the one object the rest of the game
 * talks to about the head (some forty public members), each a line or a few that hand over to
 * a helper with one job: camera/headCamera.ts (the camera around the engine, and its frames),
 * headShots.ts (the shots kept in step with the engine, recording), headAnswers.ts (what each
 * of the engine's answers does).
 */
import type { InputHub } from '../input/inputHub';
import type { KeyValueStore } from '../storage/safeStorage';
import type { CalibrationStore } from './calibration/calibrationStore';
import type { TouchUpBursts } from './calibration/touchUpBursts';
import type { CameraDevice } from './camera/camera';
import type { CameraLike } from './camera/cameraSession';
import { HeadCamera } from './camera/headCamera';
import type { CalibrationReport } from './engine/classifier/calibrationReport';
import type { PosePrediction } from './engine/classifier/poseClassifier';
import { headStateOf, describeHeadState, type HeadState } from './headStatus';
import { HeadAnswers } from './headAnswers';
import { HeadShots } from './headShots';
import { engineRanHere } from './link/backendPreference';
import { EngineLink } from './link/engineLink';
import type { EnginePort } from './link/enginePort';
import { POSES, type Pose } from './poses';
import { HeadSteering, type HeadLiveSink } from './steering/headSteering';
import { describeStats, type HeadStatsView } from './headStats';
import type { HeadFrameView } from './headView';
import { HeadNews } from './headNews';

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

export class HeadControl extends HeadNews {
  private readonly steering: HeadSteering;
  private readonly link: EngineLink;
  private readonly shots: HeadShots;
  private readonly answers: HeadAnswers;
  private readonly camera: HeadCamera;
  private wanted = false;
  private state: HeadState = { kind: 'off', note: null };
  /** The hands-free touch-up's recordings, judged before they join the calibration. */
  readonly bursts: TouchUpBursts;

  constructor(private readonly options: HeadControlOptions) {
    super();
    const refresh = (): void => this.refresh();
    const notify = (): void => this.notify();
    this.steering = new HeadSteering(options.hub, options.live);
    this.link = new EngineLink({
      openEngine: options.openEngine,
      storage: options.storage,
      pageUrl: options.pageUrl,
      samples: () => this.shots.book.view,
      onStateChange: refresh,
      onResult: (result, sent) => this.answers.route(result, sent),
    });
    this.shots = new HeadShots(options.openStore, options.storage, this.link, this.steering, {
      cameraOn: () => this.camera.on,
      forgetPrediction: () => (this.answers.latest = null),
      refresh,
      notify,
    });
    this.bursts = this.shots.bursts;
    this.answers = new HeadAnswers(this.shots.book, this.steering, this.answerNews, {
      recordingPose: () => this.link.recordingPose,
      refresh,
      notify,
    });
    this.camera = new HeadCamera(options.camera, this.link, options, {
      changed: refresh,
      wanted: () => this.wanted,
      worthPredicting: () => this.link.recordingPose !== null || this.shots.book.total > 0,
      version: () => this.shots.book.version,
      ended: () => this.steering.forgetSight(),
      hiding: () => this.letGoOfHead(),
      shown: () => void this.start(),
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
    return this.shots.book.counts();
  }
  /** Frames of each pose's recordings this visit that showed no face (not kept as shots). */
  framesWithoutFace(): Record<Pose, number> {
    return this.shots.book.framesWithoutFace();
  }
  /** Every pose has enough shots to play. */
  get complete(): boolean {
    return this.shots.book.complete;
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
    return this.answers.latest;
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
      rate: this.camera.describeRate(now),
      prediction: this.answers.latest,
      smoothedPose: this.steering.heldPose,
      angles: this.steering.frameView.angles,
      now,
    });
  }

  // ---- starting and stopping ----

  /**
   * Bring back the saved calibration (at page load). A complete one turns head control on at
   * once (unless the player turned it off), so a returning player goes straight to playing.
   */
  async restore(): Promise<void> {
    // Ran here before and not turned off: the engine loads now, beside the game's own start, not
    // after the saved shots and the camera. A wrong guess only loads the models for nothing.
    const { storage } = this.options;
    if (storage.get(HEAD_OFF_KEY) !== 'true' && engineRanHere(storage)) void this.link.start();
    const back = await this.shots.keeping.restore();
    // Turned off meanwhile (read again after the wait): stays off.
    if (back && this.complete && storage.get(HEAD_OFF_KEY) !== 'true') await this.start();
  }

  /** Turn head control on: the camera and the model, at once. Safe to call again. */
  async start(): Promise<void> {
    this.wanted = true;
    this.shots.keeping.offNote = null;
    if (this.options.storage.get(HEAD_OFF_KEY) === 'true')
      this.options.storage.set(HEAD_OFF_KEY, '');
    if (this.options.doc.visibilityState === 'hidden') {
      this.camera.pause();
      return;
    }
    const engine = this.link.start(); // loads while the player answers the camera's question
    const cameraOk = await this.camera.open(() => this.wanted);
    if (!cameraOk || !this.wanted) return;
    await engine;
    this.camera.startFrames();
  }

  /** Turn head control off (camera light off) until turned on again, across reloads. */
  stop(): void {
    if (this.wanted) this.options.storage.set(HEAD_OFF_KEY, 'true');
    this.wanted = false;
    this.letGoOfHead();
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
    await this.start();
  }

  chooseCamera(deviceId: string): Promise<void> {
    return this.camera.choose(deviceId);
  }

  // ---- recording and keeping ----

  /** Start recording `pose` (hold-to-record, or the hands-free countdown). False if not ready. */
  startRecording(pose: Pose): boolean {
    return this.shots.startRecording(pose);
  }
  stopRecording(): void {
    this.shots.stopRecording();
  }
  /** Drop every shot of `pose`, to record it again. */
  removePose(pose: Pose): void {
    this.shots.removePose(pose);
  }

  /** The calibration file's text, or null when there is nothing to export. */
  exportText(): string | null {
    return this.shots.book.exportText();
  }

  /** Import a calibration file; a bad file changes nothing and says why. */
  importFile(input: string | ArrayBuffer): { ok: boolean; message: string } {
    return this.shots.keeping.importFile(input);
  }

  /** "Forget me": delete the shots here, in the engine and in storage, and the backend choice. */
  forget(): Promise<void> {
    return this.shots.keeping.forget();
  }

  /** The latest thing the player should read in the calibration screen (import, forget...). */
  get notice(): string | null {
    return this.shots.keeping.notice;
  }
  set notice(text: string | null) {
    this.shots.keeping.notice = text;
  }

  /** How well the shots tell the poses apart (leave-one-out), computed off the main thread. */
  report(): Promise<CalibrationReport> {
    return this.shots.report();
  }

  // ---- inside ----

  /** Recording stops and steering lets go: head control stops, or the page is hidden. */
  private letGoOfHead(): void {
    this.stopRecording();
    this.steering.letGo();
    this.steering.forgetSight();
  }

  private refresh(): void {
    this.state = headStateOf({
      wanted: this.wanted,
      offNote: this.shots.keeping.offNote,
      camera: this.camera.part,
      engine: this.link.part,
      backend: this.link.ready?.backend ?? null,
      posesReady: this.shots.book.posesReady,
      complete: this.shots.book.complete,
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
}
