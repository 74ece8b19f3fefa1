/**
 * The player's shots, kept in step on both sides: the ShotBook (the truth, saved) and the
 * engine's classifier (a copy: recorded shots are added on both sides in the same order; any
 * other change sends the whole set). Whenever the shots change under it, steering lets go and
 * the latest prediction is forgotten. It makes the calibration's helpers (keeping the shots,
 * the touch-up's bursts) and starts and stops recording for them and for the screens.
 */
import type { KeyValueStore } from '../storage/safeStorage';
import { CalibrationKeeping } from './calibration/calibrationKeeping';
import type { CalibrationStore } from './calibration/calibrationStore';
import { ShotBook } from './calibration/shotBook';
import { TouchUpBursts, type BurstRecorder } from './calibration/touchUpBursts';
import { leaveOneOutReport, type CalibrationReport } from './engine/classifier/calibrationReport';
import { KNN_K } from './engine/recipe';
import type { EngineLink } from './link/engineLink';
import type { Pose } from './poses';
import type { HeadSteering } from './steering/headSteering';

export interface ShotHooks {
  /** Whether the camera is on: recording needs it (and a ready engine). */
  cameraOn(): boolean;
  /** The shots changed under the latest prediction. */
  forgetPrediction(): void;
  /** The state's words may have changed. */
  refresh(): void;
  /** Only the counts or the notice changed. */
  notify(): void;
}

export class HeadShots implements BurstRecorder {
  readonly book: ShotBook;
  readonly keeping: CalibrationKeeping;
  /** The hands-free touch-up's recordings, judged before they join the calibration. */
  readonly bursts: TouchUpBursts;

  constructor(
    openStore: (() => Promise<CalibrationStore>) | undefined,
    storage: KeyValueStore,
    private readonly link: EngineLink,
    private readonly steering: HeadSteering,
    private readonly hooks: ShotHooks,
  ) {
    this.book = new ShotBook(openStore, (reason) => this.keeping.sessionOnly(reason));
    this.keeping = new CalibrationKeeping(this.book, storage, {
      shotsChanged: () => this.shotsChanged(),
      // The engine may be loading already (headControl.ts restore): it needs them too.
      shotsRestored: () => this.sendShots(),
      shotsForgotten: () => {
        this.sendShots();
        this.steering.letGo();
        this.hooks.forgetPrediction();
      },
      stopRecording: () => this.stopRecording(),
      refresh: () => this.hooks.refresh(),
      notify: () => this.hooks.notify(),
    });
    this.bursts = new TouchUpBursts(this.book, this);
  }

  /** Start recording `pose` (hold-to-record, or the hands-free countdown). False if not ready. */
  startRecording(pose: Pose): boolean {
    if (this.link.part !== 'ready' || !this.hooks.cameraOn()) return false;
    this.link.startRecording(pose, performance.now());
    this.hooks.notify();
    return true;
  }

  stopRecording(): void {
    if (this.link.recordingPose === null) return;
    this.link.stopRecording();
    this.steering.forgetFrames();
    // New shots (a touch-up): whether the calibration fits is judged afresh.
    if (this.steering.judgeFitAfresh()) this.hooks.refresh();
    else this.hooks.notify();
    this.book.save();
  }

  /** Drop every shot of `pose`, to record it again. */
  removePose(pose: Pose): void {
    this.stopRecording();
    this.book.removePose(pose);
    this.shotsChanged();
  }

  /**
   * How well the shots tell the poses apart (leave-one-out): computed by the engine, off the
   * main thread, or here while there is no engine.
   */
  report(): Promise<CalibrationReport> {
    return this.link.report() ?? Promise.resolve(leaveOneOutReport(this.book.view, KNN_K));
  }

  /** After any change but a recorded shot: the engine gets the whole set, storage a save. */
  shotsChanged(): void {
    this.sendShots();
    this.steering.letGo();
    this.steering.judgeFitAfresh();
    this.hooks.forgetPrediction();
    this.book.save();
    this.hooks.refresh();
  }

  /** The engine gets the whole set of shots (an engine not open yet gets them with 'init'). */
  private sendShots(): void {
    this.link.post({ type: 'set-samples', samples: this.book.view });
  }
}
