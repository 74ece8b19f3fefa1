/**
 * What each of the engine's answers does on the page: a shot recorded joins the player's shots
 * (only if its frame went out under the shots' current version: one taken before an import or a
 * removal belongs to shots that are gone), a face missed while recording is counted for the
 * calibration screen, and a prediction goes to steering and to whoever listens (the head
 * indicator, the calibration's live test, the touch-up).
 */
import type { ShotBook } from './calibration/shotBook';
import type { PosePrediction } from './engine/classifier/poseClassifier';
import type { HeadFrameView } from './headView';
import type { SentFrame } from './link/engineLink';
import type { FrameResult } from './link/headProtocol';
import type { Listeners } from './listeners';
import type { Pose } from './poses';
import type { HeadSteering } from './steering/headSteering';

/** Whoever listens to head control (headNews.ts). */
export interface AnswerListeners {
  readonly predictions: Listeners<PosePrediction | null>;
  readonly frames: Listeners<HeadFrameView>;
  readonly shotsTaken: Listeners<Pose>;
}

export interface AnswerHooks {
  /** The pose being recorded now, or null. */
  recordingPose(): Pose | null;
  /** The state's words may have changed (a shot counts towards a complete calibration). */
  refresh(): void;
  /** Only the counts changed. */
  notify(): void;
}

export class HeadAnswers {
  /** The latest prediction (null before any, and again after the shots changed). */
  latest: PosePrediction | null = null;

  constructor(
    private readonly shots: ShotBook,
    private readonly steering: HeadSteering,
    private readonly told: AnswerListeners,
    private readonly hooks: AnswerHooks,
  ) {}

  /** One answer, with what its frame was sent with (undefined: a frame given up). */
  route(result: FrameResult, sent: SentFrame | undefined): void {
    const recording = this.hooks.recordingPose();
    if (result.skipped === 'no-face' && recording !== null) {
      this.shots.missedFace(recording);
      this.hooks.notify();
    }
    if (result.recorded !== null && sent?.version === this.shots.version) {
      const { pose, sample } = result.recorded;
      this.shots.addRecorded(pose, sample, this.hooks.recordingPose() !== null);
      this.told.shotsTaken.tell(pose);
      this.hooks.refresh();
    }
    if (result.recorded === null && result.error === null && sent !== undefined) {
      this.latest = result.prediction;
      if (this.steering.frame(result, sent.width, sent.height, sent.at)) this.hooks.refresh();
      this.told.predictions.tell(result.prediction);
      this.told.frames.tell(this.steering.frameView);
    }
  }
}
