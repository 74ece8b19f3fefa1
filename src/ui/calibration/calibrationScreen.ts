/**
 * The calibration screen (a DOM overlay over the game, for keyboard, screen-reader and touch
 * use). It assembles its parts and keeps what they share: the current step and the recording
 * held down.
 *
 * The parts, a file each: the camera preview (cameraPreview.ts) and chooser (cameraChooser.ts),
 * the guided steps (guidedSteps.ts), the hands-free run with its big countdown, cues and start
 * by itself (handsFree.ts), the pose rows with counts, thumbnails, record and redo
 * (poseRows.ts), the live test (liveTest.ts), the file actions: export, import, forget, camera
 * off, play (fileActions.ts), the keys (screenKeys.ts) and the frame around them: title, ✕,
 * status, notices (screenFrame.ts). The player's data never leaves the device.
 *
 * Why about 370 lines: half of it is the constructor that wires those eleven parts to each
 * other through this screen's step and held recording (a few lines per part); the rest is the
 * step and the hold themselves, which every part reads. Moving the wiring elsewhere would
 * only make a reader follow each callback across two files.
 *
 * Over 300 lines: what is left here is the wiring of the parts above and the step and
 * recording they share; each part's own behaviour is in its file.
 */
import './calibration.css';
import { DEFAULT_START_POSE, type StartPose } from '../../handsFree/startPose';
import { MIN_SHOTS_PER_POSE, type HeadControl } from '../../vision/headControl';
import { POSES, type Pose } from '../../vision/poses';
import { CameraChooser } from './cameraChooser';
import { CameraPreview } from './cameraPreview';
import { make } from './dom';
import { FileActions } from './fileActions';
import { GuidedSteps, STEPS, type Step } from './guidedSteps';
import { HandsFree } from './handsFree';
import { HeadChoices } from './headChoices';
import { qualityVerdict } from './qualityVerdict';
import { SILENT_CUES, type HandsFreeCues } from './handsFreeCues';
import { LiveTest } from './liveTest';
import { PoseRows } from './poseRows';
import { ScreenFrame } from './screenFrame';
import { ScreenKeys } from './screenKeys';

export interface CalibrationHandlers {
  /** Back to the menu (✕, Escape). */
  onClose(): void;
  /** The Play button: every pose has enough shots. */
  onPlay(): void;
}

export interface CalibrationOptions {
  /**
   * For a player who cannot use their hands: unless the calibration is complete, the
   * hands-free run starts by itself after this many milliseconds (a notice counts down; any
   * key or tap cancels it).
   */
  readonly handsFreeAfterMs?: number;
}

export class CalibrationScreen {
  readonly root: HTMLElement;
  private handlers: CalibrationHandlers | null = null;
  private step: Step = 'neutral';
  private holding: Pose | null = null;
  /** Frames without a face of the pose being recorded, when its recording started. */
  private missedAtStart = 0;
  private readonly frame: ScreenFrame;
  private readonly camera: CameraPreview;
  private readonly guide: GuidedSteps;
  private readonly handsFree: HandsFree;
  private readonly rows: PoseRows;
  private readonly liveTest: LiveTest;
  private readonly choices: HeadChoices;
  /** The shots' total the choices' quality verdict was asked for. */
  private verdictTotal = -1;
  /**
   * The latest recording was held by hand (the record buttons): the head does not choose
   * after it. A player with hands has the Play button, and a head that is still showing the
   * poses (a clip in the tests, a player trying them out) would choose by chance.
   */
  private recordedByHand = false;
  private readonly cameras: CameraChooser;
  private readonly files: FileActions;
  private readonly keys: ScreenKeys;

  constructor(
    private readonly doc: Document,
    parent: HTMLElement,
    private readonly head: HeadControl,
    cues: HandsFreeCues = SILENT_CUES,
  ) {
    this.frame = new ScreenFrame(doc, () => this.requestClose());
    this.cameras = new CameraChooser(doc, head);
    this.camera = new CameraPreview(doc, this.cameras.elements);

    this.guide = new GuidedSteps(doc, {
      holdStart: () => {
        if (this.step !== 'test') this.beginHold(this.step);
      },
      holdStop: () => this.endHold(),
      handsFree: () => {
        if (this.step !== 'test') this.handsFree.start(this.step);
      },
      move: (by) => this.moveStep(by),
    });
    this.handsFree = new HandsFree(
      doc,
      this.frame,
      head,
      {
        isOpen: () => this.isOpen,
        poseToRecord: () => this.poseToRecord(),
        goTo: (step) => this.goTo(step),
        record: (pose) => {
          this.recordedByHand = false;
          this.startRecording(pose);
        },
        stopRecording: () => this.endHold(),
      },
      cues,
    );
    const main = make(doc, 'div', 'cal-main');
    main.append(this.camera.element, this.guide.element);

    this.rows = new PoseRows(doc, {
      holdStart: (pose) => this.beginHold(pose),
      holdStop: () => this.endHold(),
      redo: (pose) => {
        this.head.removePose(pose);
        this.rows.clearThumbnails(pose);
        this.goTo(pose);
      },
      goTo: (pose) => this.goTo(pose),
    });
    this.liveTest = new LiveTest(
      doc,
      async () => {
        const report = await this.head.report();
        // Only a complete calibration's check counts towards "poor again" (poorChecks.ts).
        this.choices.setVerdict(this.head.complete ? qualityVerdict(report) : null);
        return report;
      },
      () => {
        const state = this.head.headState;
        const finderOff = state.kind === 'on' && state.finderProblem !== null;
        return finderOff || this.head.frameView.finder === 'centre';
      },
    );
    this.choices = new HeadChoices(
      doc,
      {
        play: () => this.handlers?.onPlay(),
        redo: (pose) => this.redoHandsFree(pose),
        menu: () => this.requestClose(),
      },
      DEFAULT_START_POSE,
    );
    this.liveTest.element.append(this.choices.element);
    this.files = new FileActions(doc, head, {
      imported: () => {
        this.rows.clearThumbnails();
        this.choices.startOver();
        this.step = this.firstIncompleteStep();
      },
      forget: () => void this.forget(),
      cameraOff: () => {
        this.head.stop();
        this.requestClose();
      },
      play: () => this.handlers?.onPlay(),
      changed: () => this.render(),
    });

    this.frame.fill(
      main,
      this.rows.element,
      this.liveTest.element,
      this.files.element,
      this.handsFree.element,
    );
    parent.append(this.frame.root);
    this.root = this.frame.root;
    this.keys = new ScreenKeys(doc, {
      escape: () => this.requestClose(),
      recordDown: () => {
        if (this.step !== 'test') this.beginHold(this.step);
      },
      recordUp: () => this.endHold(),
    });

    head.onChange(() => {
      this.render();
      this.handsFree.headChanged();
    });
    head.onShot((pose) => this.rows.addThumbnail(pose, this.head.video));
    head.onPrediction((prediction) =>
      this.liveTest.showPrediction(prediction, head.frameView.sight === 'lost'),
    );
    head.onFrame((view) => {
      if (this.isOpen) this.camera.showFace(view);
    });
    this.render();
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  open(handlers: CalibrationHandlers, options: CalibrationOptions = {}): void {
    this.handlers = handlers;
    this.root.hidden = false;
    this.camera.attach(this.head.video);
    this.step = this.firstIncompleteStep();
    this.choices.startOver();
    this.keys.listen();
    void this.head.start();
    this.render();
    (this.doc.getElementById('calibration-title') as HTMLElement | null)?.focus();
    const after = options.handsFreeAfterMs;
    if (after !== undefined && Number.isFinite(after) && !this.head.complete) {
      this.handsFree.startLater(after);
    }
  }

  close(): void {
    this.handsFree.cancel();
    this.endHold();
    this.choices.setOffered(false);
    // The focus leaves with the screen, at once: a hidden element keeps it until the browser's
    // next rendering update, and a key pressed meanwhile (K right after Esc) went to the
    // screen, which keeps its keys from the game: lost (a red fault test, 1 run in 4).
    const focused = this.doc.activeElement;
    if (focused instanceof HTMLElement && this.root.contains(focused)) focused.blur();
    this.root.hidden = true;
    this.handlers = null;
    this.keys.stop();
  }

  /** Leave the screen as ✕ or Esc would (the camera goes off without a full calibration). */
  requestClose(): void {
    this.handsFree.cancel();
    this.endHold();
    // Without a full calibration the camera has nothing to do: its light goes off.
    if (!this.head.complete) this.head.stop();
    this.handlers?.onClose();
  }

  /**
   * One frame of the head (from the scene): after the recording, the head chooses between
   * Play, Record again and Menu. Returns the hold's fill (0 to 1) and what it does, in words.
   */
  tick(
    steering: boolean,
    pose: Pose | null,
    startPose: StartPose,
    now: number,
  ): { fill: number; hint: string } {
    return this.choices.tick(steering, pose, startPose, now);
  }

  // ---- recording ----

  /** Record `pose` (null: every pose) again, hands-free, from its countdown on. */
  private redoHandsFree(pose: Pose | null): void {
    const poses = pose === null ? POSES : [pose];
    for (const each of poses) {
      this.head.removePose(each);
      this.rows.clearThumbnails(each);
    }
    this.handsFree.start(poses[0] as Pose);
  }

  private beginHold(pose: Pose): void {
    this.handsFree.cancel();
    this.recordedByHand = true;
    this.startRecording(pose);
  }

  /** A recording of `pose` starts (held down, or the hands-free run's turn). */
  private startRecording(pose: Pose): void {
    this.holding = pose;
    this.missedAtStart = this.head.framesWithoutFace()[pose];
    if (this.step !== pose) this.step = pose;
    // Not ready yet (camera or model starting)? Recording begins as soon as it is.
    this.head.startRecording(pose);
    this.render();
  }

  private endHold(): void {
    if (this.holding === null) return;
    const pose = this.holding;
    this.holding = null;
    this.head.stopRecording();
    if (this.head.counts()[pose] >= MIN_SHOTS_PER_POSE && this.step === pose) {
      this.step = this.firstIncompleteStep();
    }
    this.render();
  }

  private async forget(): Promise<void> {
    this.handsFree.cancel();
    this.endHold();
    await this.head.forget();
    this.rows.clearThumbnails();
    this.choices.startOver();
    this.step = 'neutral';
    this.render();
  }

  // ---- steps ----

  private poseToRecord(): Pose | null {
    const counts = this.head.counts();
    return POSES.find((pose) => counts[pose] < MIN_SHOTS_PER_POSE) ?? null;
  }

  private firstIncompleteStep(): Step {
    return this.poseToRecord() ?? 'test';
  }

  private goTo(step: Step): void {
    this.step = step;
    this.render();
  }

  private moveStep(by: number): void {
    const index = Math.min(STEPS.length - 1, Math.max(0, STEPS.indexOf(this.step) + by));
    this.goTo(STEPS[index] as Step);
  }

  // ---- showing ----

  private render(): void {
    const head = this.head;
    const counts = head.counts();
    const recording = head.recordingPose;
    // A hold that began before the camera and model were ready starts now.
    if (this.holding !== null && recording === null) head.startRecording(this.holding);
    this.frame.show(head.statusText, head.notice);
    this.rows.render(counts, this.step, head.recordingPose);
    this.camera.setRecording(head.recordingPose !== null);
    const missed = this.holding === null ? 0 : head.framesWithoutFace()[this.holding];
    this.camera.showFramesWithoutFace(Math.max(0, missed - this.missedAtStart));
    this.files.render();
    this.placeLiveTest();
    this.guide.render({
      step: this.step,
      counts,
      recordingPose: head.recordingPose,
      complete: head.complete,
      countingDown: this.handsFree.running,
    });
    this.liveTest.setCurrent(this.step === 'test');
    this.liveTest.shotsChanged(counts, recording, head.framesWithoutFace());
    this.offerChoices(counts);
    this.cameras.render(this.isOpen);
  }

  /** After the recording (every pose has enough shots, nothing recording): the head chooses. */
  private offerChoices(counts: Record<Pose, number>): void {
    const total = POSES.reduce((sum, pose) => sum + counts[pose], 0);
    // New shots: the verdict waits for their quality check (the live test asks for it).
    if (total !== this.verdictTotal) {
      this.verdictTotal = total;
      this.choices.setVerdict(null);
    }
    this.choices.setOffered(
      this.isOpen &&
        this.step === 'test' &&
        this.head.complete &&
        !this.handsFree.running &&
        !this.recordedByHand &&
        this.holding === null &&
        this.head.recordingPose === null,
    );
  }

  /** The live test takes the guide's place in the last step (visible without scrolling). */
  private placeLiveTest(): void {
    const element = this.liveTest.element;
    if (this.step === 'test') {
      if (element.parentElement !== this.guide.element) this.guide.showInPlace(element);
    } else if (element.parentElement !== this.frame.panel) {
      this.frame.panel.insertBefore(element, this.files.element);
    }
  }
}
