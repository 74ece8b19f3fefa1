/**
 * The calibration screen (a DOM overlay over the game, for keyboard, screen-reader and touch
 * use): a guided flow, one pose at a time, with a drawing of the pose, a hold-to-record button
 * (also the R key held) and a hands-free countdown for phone players; a live count and
 * thumbnails per pose, redo per pose; then a live test with confidence bars and the quality
 * check. Play is offered once every pose has enough shots. Export, import and "Forget me" keep
 * the player in charge of their data, which never leaves the device.
 *
 * Hands-free (a phone propped up, out of reach): one tap starts a 3-2-1 countdown that records
 * the current pose, then moves on to the next pose that needs shots and counts down again, until
 * every pose has enough and the live test shows; nothing more to touch until Play.
 *
 * Every pose's record button is on the screen at once (the guide only highlights the current
 * pose), so any pose can be recorded or redone in any order.
 */
import './calibration.css';
import { MAX_FILE_BYTES } from '../../vision/calibration/calibrationFile';
import { MIN_SHOTS_PER_POSE, type HeadControl } from '../../vision/headControl';
import { POSES, type Pose } from '../../vision/poses';
import { bindHold } from './holdToRecord';
import { LiveTest } from './liveTest';
import { drawPose, POSE_WORDS } from './poseArt';
import { make, makeButton, thumbnailOf } from './dom';

const COUNTDOWN_SECONDS = 3;
const HANDS_FREE_RECORD_MS = 2000;
/** A hands-free run gives up after this many countdowns (a camera that never delivers). */
const HANDS_FREE_MAX_COUNTDOWNS = 15;
const THUMBNAILS_PER_POSE = 6;

type Step = Pose | 'test';
const STEPS: readonly Step[] = [...POSES, 'test'];

export interface CalibrationHandlers {
  /** Back to the menu (✕, Escape). */
  onClose(): void;
  /** The Play button: every pose has enough shots. */
  onPlay(): void;
}

interface PoseRow {
  readonly row: HTMLElement;
  readonly count: HTMLElement;
  readonly thumbs: HTMLElement;
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))
  );
}

export class CalibrationScreen {
  readonly root: HTMLElement;
  private handlers: CalibrationHandlers | null = null;
  private step: Step = 'neutral';
  private holding: Pose | null = null;
  private countdown: { timers: ReturnType<typeof setTimeout>[] } | null = null;
  /** Countdowns left in a hands-free run (0: none running). */
  private handsFreeLeft = 0;
  private readonly switchCamera: HTMLButtonElement;
  private cameraList: readonly { deviceId: string; label: string }[] = [];
  private readonly rows = new Map<Pose, PoseRow>();
  private readonly liveTest: LiveTest;
  private readonly preview: HTMLElement;
  private readonly countdownText: HTMLElement;
  private readonly status: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly guide: {
    step: HTMLElement;
    art: HTMLElement;
    title: HTMLElement;
    instruction: HTMLElement;
    hold: HTMLButtonElement;
    handsFree: HTMLButtonElement;
    back: HTMLButtonElement;
    next: HTMLButtonElement;
    nav: HTMLElement;
  };
  /** Where the live test sits outside the last step: the panel, before `testAnchor`. */
  private readonly testHome: HTMLElement;
  private readonly testAnchor: HTMLElement;
  private readonly cameraPicker: HTMLSelectElement;
  private readonly playButton: HTMLButtonElement;
  private readonly exportLink: HTMLAnchorElement;
  private readonly announcer: HTMLElement;
  private exportUrl: string | null = null;
  private lastTotal = -1;
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private camerasListed = false;

  constructor(
    private readonly doc: Document,
    parent: HTMLElement,
    private readonly head: HeadControl,
  ) {
    const root = make(doc, 'section', 'calibration');
    root.id = 'calibration';
    root.hidden = true;
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-modal', 'true');
    root.setAttribute('aria-labelledby', 'calibration-title');
    root.setAttribute('data-swipe-ignore', '');
    root.dataset.testid = 'calibration-screen';
    const panel = make(doc, 'div', 'cal-panel');

    const header = make(doc, 'header', 'cal-header');
    const title = make(doc, 'h2', 'cal-title', 'Head control: calibrate');
    title.id = 'calibration-title';
    title.tabIndex = -1;
    const close = makeButton(doc, '✕', 'cal-close', () => this.requestClose());
    close.setAttribute('aria-label', 'Back to the menu (Esc)');
    close.title = 'Back to the menu (Esc)';
    header.append(title, close);

    this.status = make(doc, 'p', 'cal-status');
    this.status.dataset.testid = 'calibration-status';
    this.notice = make(doc, 'p', 'cal-notice');
    this.notice.dataset.testid = 'calibration-message';
    this.notice.setAttribute('role', 'status');
    this.announcer = make(doc, 'p', 'sr-only');
    this.announcer.setAttribute('aria-live', 'assertive');

    // Camera preview and the guide for the current pose.
    const main = make(doc, 'div', 'cal-main');
    const camera = make(doc, 'div', 'cal-camera');
    this.preview = make(doc, 'div', 'cal-preview');
    this.countdownText = make(doc, 'div', 'cal-countdown');
    this.countdownText.setAttribute('aria-hidden', 'true');
    this.preview.append(this.countdownText);
    const pickerLabel = make(doc, 'label', 'cal-picker', 'Camera ');
    this.cameraPicker = make(doc, 'select', 'cal-select');
    this.cameraPicker.dataset.testid = 'camera-picker';
    this.cameraPicker.addEventListener('change', () => {
      void this.head.chooseCamera(this.cameraPicker.value);
    });
    pickerLabel.append(this.cameraPicker);
    pickerLabel.hidden = true;
    // Phones have a front and a back camera (and more): one tap goes to the next one.
    this.switchCamera = makeButton(doc, 'Switch camera', 'cal-switch-camera', () => {
      void this.nextCamera();
    });
    this.switchCamera.dataset.testid = 'switch-camera';
    this.switchCamera.hidden = true;
    camera.append(this.preview, pickerLabel, this.switchCamera);

    const guide = make(doc, 'div', 'cal-guide');
    const guideStep = make(doc, 'p', 'cal-step');
    const art = make(doc, 'div', 'cal-art');
    const guideTitle = make(doc, 'h3', 'cal-guide-title');
    const instruction = make(doc, 'p', 'cal-instruction');
    const hold = makeButton(doc, 'Hold to record', 'cal-hold');
    hold.title = 'Hold the button (or the R key) while you hold the pose';
    bindHold(hold, {
      start: () => {
        if (this.step !== 'test') this.beginHold(this.step);
      },
      stop: () => this.endHold(),
    });
    const handsFree = makeButton(doc, 'Hands-free: 3, 2, 1, every pose', 'cal-handsfree', () => {
      if (this.step === 'test') return;
      this.handsFreeLeft = HANDS_FREE_MAX_COUNTDOWNS;
      this.startCountdown(this.step);
    });
    handsFree.dataset.testid = 'hands-free';
    const nav = make(doc, 'div', 'cal-nav');
    const back = makeButton(doc, '← Back', 'cal-back', () => this.moveStep(-1));
    const next = makeButton(doc, 'Next →', 'cal-next', () => this.moveStep(1));
    nav.append(back, next);
    const guideActions = make(doc, 'div', 'cal-guide-actions');
    guideActions.append(hold, handsFree);
    guide.append(guideStep, art, guideTitle, instruction, guideActions, nav);
    this.guide = {
      step: guideStep,
      art,
      title: guideTitle,
      instruction,
      hold,
      handsFree,
      back,
      next,
      nav,
    };
    main.append(camera, guide);

    // Every pose: drawing, count, thumbnails, hold-to-record, redo.
    const list = make(doc, 'ol', 'cal-poses');
    list.setAttribute('aria-label', 'Your poses');
    for (const pose of POSES) list.append(this.buildRow(pose));

    this.liveTest = new LiveTest(doc);

    const footer = make(doc, 'footer', 'cal-footer');
    this.exportLink = make(doc, 'a', 'cal-button', 'Export');
    this.exportLink.href = '#';
    this.exportLink.download = 'headchomp-calibration.json';
    this.exportLink.dataset.testid = 'export-calibration';
    this.exportLink.title = 'Save your calibration to a file';
    this.exportLink.addEventListener('click', (event) => this.exportFile(event));
    const importLabel = make(doc, 'label', 'cal-button cal-import', 'Import');
    const importInput = make(doc, 'input', 'cal-file');
    importInput.type = 'file';
    importInput.accept = '.json,application/json';
    importInput.dataset.testid = 'import-calibration';
    importInput.setAttribute('aria-label', 'Import a calibration file');
    importInput.addEventListener('change', () => void this.importFile(importInput));
    importLabel.append(importInput);
    const forget = makeButton(doc, 'Forget me', 'cal-button cal-forget', () => void this.forget());
    forget.dataset.testid = 'forget-calibration';
    forget.title = 'Delete your calibration from this device';
    const keysOnly = makeButton(doc, 'Camera off', 'cal-button', () => {
      this.head.stop();
      this.requestClose();
    });
    keysOnly.dataset.testid = 'head-off';
    keysOnly.title = 'Turn head control off and play with keys or touch';
    this.playButton = makeButton(doc, 'Play', 'cal-button cal-play', () => {
      if (this.head.complete) this.handlers?.onPlay();
    });
    this.playButton.dataset.testid = 'calibration-done';
    footer.append(this.exportLink, importLabel, forget, keysOnly, this.playButton);

    panel.append(
      header,
      this.status,
      this.notice,
      main,
      list,
      this.liveTest.element,
      footer,
      this.announcer,
    );
    this.testHome = panel;
    this.testAnchor = footer;
    root.append(panel);
    // Keys pressed in the screen are the screen's: the game's keyboard source must not see
    // them (it would swallow Enter and Space, which press buttons here). M still mutes.
    root.addEventListener('keydown', (event) => {
      if (event.code !== 'KeyM') event.stopPropagation();
    });
    parent.append(root);
    this.root = root;

    head.onChange(() => this.render());
    head.onShot((pose) => this.addThumbnail(pose));
    head.onPrediction((prediction) => this.liveTest.showPrediction(prediction));
    this.render();
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  open(handlers: CalibrationHandlers): void {
    this.handlers = handlers;
    this.root.hidden = false;
    this.head.video.classList.add('is-mirrored');
    this.preview.prepend(this.head.video);
    this.step = this.firstIncompleteStep();
    this.doc.addEventListener('keydown', this.onDocumentKeyDown, true);
    this.doc.addEventListener('keyup', this.onDocumentKeyUp, true);
    void this.head.start();
    this.render();
    (this.doc.getElementById('calibration-title') as HTMLElement | null)?.focus();
  }

  close(): void {
    this.cancelCountdown();
    this.endHold();
    this.root.hidden = true;
    this.handlers = null;
    this.doc.removeEventListener('keydown', this.onDocumentKeyDown, true);
    this.doc.removeEventListener('keyup', this.onDocumentKeyUp, true);
  }

  // ---- building ----

  private buildRow(pose: Pose): HTMLElement {
    const doc = this.doc;
    const words = POSE_WORDS[pose];
    const row = make(doc, 'li', 'cal-pose');
    row.dataset.pose = pose;
    const art = make(doc, 'span', 'cal-pose-art');
    art.append(drawPose(doc, pose, 40));
    const name = make(doc, 'button', 'cal-pose-name', words.name);
    name.type = 'button';
    name.title = `Go to ${words.name}`;
    name.addEventListener('click', () => this.goTo(pose));
    const countLine = make(doc, 'span', 'cal-pose-count');
    const count = make(doc, 'span', 'cal-count', '0');
    count.dataset.testid = `count-${pose}`;
    countLine.append(count, doc.createTextNode(' shots'));
    const thumbs = make(doc, 'span', 'cal-thumbs');
    thumbs.setAttribute('aria-hidden', 'true');
    const record = makeButton(doc, 'Hold to record', 'cal-record');
    record.dataset.testid = `record-${pose}`;
    record.setAttribute('aria-label', `Hold to record ${words.name}`);
    record.setAttribute('aria-pressed', 'false');
    bindHold(record, { start: () => this.beginHold(pose), stop: () => this.endHold() });
    const redo = makeButton(doc, 'Redo', 'cal-redo', () => {
      this.head.removePose(pose);
      thumbs.replaceChildren();
      this.goTo(pose);
    });
    redo.dataset.testid = `redo-${pose}`;
    redo.setAttribute('aria-label', `Delete the ${words.name} shots to record them again`);
    row.append(art, name, countLine, thumbs, record, redo);
    this.rows.set(pose, { row, count, thumbs });
    return row;
  }

  // ---- recording ----

  private beginHold(pose: Pose): void {
    this.cancelCountdown();
    this.holding = pose;
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

  private startCountdown(pose: Pose): void {
    const left = this.handsFreeLeft;
    this.cancelCountdown();
    this.handsFreeLeft = left;
    this.step = pose;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const show = (text: string, spoken: string): void => {
      this.countdownText.textContent = text;
      this.announcer.textContent = spoken;
    };
    const name = POSE_WORDS[pose].name;
    for (let i = 0; i < COUNTDOWN_SECONDS; i++) {
      const n = COUNTDOWN_SECONDS - i;
      timers.push(
        setTimeout(() => show(String(n), i === 0 ? `${name} in ${n}` : String(n)), i * 1000),
      );
    }
    timers.push(
      setTimeout(() => {
        show('●', `Recording ${name}`);
        this.beginHoldFromCountdown(pose);
      }, COUNTDOWN_SECONDS * 1000),
    );
    timers.push(
      setTimeout(
        () => {
          show('', `${name} recorded`);
          this.countdown = null;
          this.endHold();
          this.continueHandsFree();
        },
        COUNTDOWN_SECONDS * 1000 + HANDS_FREE_RECORD_MS,
      ),
    );
    this.countdown = { timers };
    this.render();
  }

  /** Like beginHold, without cancelling the countdown that ends this recording. */
  private beginHoldFromCountdown(pose: Pose): void {
    this.holding = pose;
    this.head.startRecording(pose);
    this.render();
  }

  /** After a hands-free recording: count down for the next pose that needs shots, or stop. */
  private continueHandsFree(): void {
    if (this.handsFreeLeft <= 0) return;
    this.handsFreeLeft--;
    const kind = this.head.headState.kind;
    const next = this.firstIncompleteStep();
    if (
      next === 'test' ||
      this.handsFreeLeft === 0 ||
      !this.isOpen ||
      kind === 'camera-problem' ||
      kind === 'model-problem'
    ) {
      this.handsFreeLeft = 0;
      if (next === 'test') {
        this.announcer.textContent = 'Every pose recorded. Try it, then Play.';
        this.goTo('test');
      }
      return;
    }
    this.startCountdown(next);
  }

  private cancelCountdown(): void {
    this.handsFreeLeft = 0;
    if (this.countdown === null) return;
    for (const timer of this.countdown.timers) clearTimeout(timer);
    this.countdown = null;
    this.countdownText.textContent = '';
  }

  private readonly onDocumentKeyDown = (event: KeyboardEvent): void => {
    if (event.code === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.requestClose();
    } else if (
      event.code === 'KeyR' &&
      !isEditable(event.target) &&
      !event.ctrlKey &&
      !event.metaKey
    ) {
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat && this.step !== 'test') this.beginHold(this.step);
    }
  };

  private readonly onDocumentKeyUp = (event: KeyboardEvent): void => {
    if (event.code === 'KeyR') this.endHold();
  };

  // ---- steps ----

  private firstIncompleteStep(): Step {
    const counts = this.head.counts();
    return POSES.find((pose) => counts[pose] < MIN_SHOTS_PER_POSE) ?? 'test';
  }

  private goTo(step: Step): void {
    this.step = step;
    this.render();
  }

  private moveStep(by: number): void {
    const index = Math.min(STEPS.length - 1, Math.max(0, STEPS.indexOf(this.step) + by));
    this.goTo(STEPS[index] as Step);
  }

  // ---- keeping ----

  private exportFile(event: MouseEvent): void {
    const text = this.head.exportText();
    if (text === null) {
      event.preventDefault();
      this.head.notice = 'Nothing to export yet: record your poses first.';
      this.render();
      return;
    }
    if (this.exportUrl !== null) URL.revokeObjectURL(this.exportUrl);
    this.exportUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    this.exportLink.href = this.exportUrl;
    this.exportLink.download = `headchomp-calibration-${new Date().toISOString().slice(0, 10)}.json`;
    this.head.notice =
      'Calibration exported to a file. It stays on your device unless you share it.';
    this.render();
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    if (file.size > MAX_FILE_BYTES) {
      this.head.notice = `Import refused: this file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a calibration file is at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Your current calibration is unchanged.`;
      this.render();
      return;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      this.head.notice =
        'Import refused: the file could not be read. Your current calibration is unchanged.';
      this.render();
      return;
    }
    const result = this.head.importFile(bytes);
    if (result.ok) {
      for (const row of this.rows.values()) row.thumbs.replaceChildren();
      this.step = this.firstIncompleteStep();
      void this.head.start();
    }
    this.render();
  }

  private async forget(): Promise<void> {
    this.cancelCountdown();
    this.endHold();
    await this.head.forget();
    for (const row of this.rows.values()) row.thumbs.replaceChildren();
    this.step = 'neutral';
    this.render();
  }

  /** Leave the screen as ✕ or Esc would (the camera goes off without a full calibration). */
  requestClose(): void {
    this.cancelCountdown();
    this.endHold();
    // Without a full calibration the camera has nothing to do: its light goes off.
    if (!this.head.complete) this.head.stop();
    this.handlers?.onClose();
  }

  // ---- showing ----

  private addThumbnail(pose: Pose): void {
    const row = this.rows.get(pose);
    if (row === undefined) return;
    const thumb = thumbnailOf(this.doc, this.head.video, 36);
    if (thumb === null) return;
    row.thumbs.prepend(thumb);
    while (row.thumbs.childElementCount > THUMBNAILS_PER_POSE)
      row.thumbs.lastElementChild?.remove();
  }

  private render(): void {
    const head = this.head;
    const counts = head.counts();
    const recording = head.recordingPose;
    // A hold that began before the camera and model were ready starts now.
    if (this.holding !== null && recording === null) head.startRecording(this.holding);
    this.status.textContent = head.statusText;
    this.notice.textContent = head.notice ?? '';
    this.notice.hidden = head.notice === null;
    for (const pose of POSES) {
      const row = this.rows.get(pose);
      if (row === undefined) continue;
      row.count.textContent = String(counts[pose]);
      row.row.classList.toggle('is-enough', counts[pose] >= MIN_SHOTS_PER_POSE);
      row.row.classList.toggle('is-current', this.step === pose);
      row.row.classList.toggle('is-recording', head.recordingPose === pose);
    }
    this.preview.classList.toggle('is-recording', head.recordingPose !== null);
    this.playButton.disabled = !head.complete;
    this.playButton.title = head.complete
      ? 'Play with head control'
      : `Record at least ${MIN_SHOTS_PER_POSE} shots of every pose first`;
    this.renderGuide(counts);
    this.liveTest.setCurrent(this.step === 'test');
    this.scheduleReport(counts, recording);
    if (
      !this.camerasListed &&
      this.isOpen &&
      head.headState.kind !== 'starting-camera' &&
      head.isOn
    ) {
      this.camerasListed = true;
      void this.listCameras();
    }
  }

  private renderGuide(counts: Record<Pose, number>): void {
    const index = STEPS.indexOf(this.step);
    this.guide.step.textContent = `Step ${index + 1} of ${STEPS.length}`;
    this.guide.back.disabled = index === 0;
    this.guide.next.disabled = index === STEPS.length - 1;
    const step = this.step;
    // The live test takes the guide's place in the last step (visible without scrolling).
    const testHome = step === 'test' ? this.guide.nav.parentElement : this.testHome;
    if (testHome !== null && this.liveTest.element.parentElement !== testHome) {
      if (step === 'test') this.guide.nav.before(this.liveTest.element);
      else testHome.insertBefore(this.liveTest.element, this.testAnchor);
    }
    this.guide.art.hidden = step === 'test';
    if (step === 'test') {
      this.guide.art.replaceChildren();
      this.guide.art.dataset.pose = '';
      this.guide.title.textContent = 'Try it';
      this.guide.instruction.textContent = this.head.complete
        ? 'Move between the poses and watch the bars follow. Happy? Press Play.'
        : `Some poses need more shots (at least ${MIN_SHOTS_PER_POSE} each).`;
      this.guide.hold.hidden = true;
      this.guide.handsFree.hidden = true;
      return;
    }
    const words = POSE_WORDS[step];
    if (this.guide.art.dataset.pose !== step) {
      this.guide.art.replaceChildren(drawPose(this.doc, step, 120));
      this.guide.art.dataset.pose = step;
    }
    this.guide.title.textContent = `${words.name} (${counts[step]} shots)`;
    this.guide.instruction.textContent = `${words.instruction} Hold the button or the R key while you hold the pose (2 seconds is plenty), or use the hands-free countdown (it records every pose in turn).`;
    this.guide.hold.hidden = false;
    this.guide.handsFree.hidden = false;
    this.guide.hold.textContent =
      this.head.recordingPose === step ? 'Recording…' : `Hold to record ${words.name}`;
    this.guide.handsFree.disabled = this.countdown !== null;
  }

  private scheduleReport(counts: Record<Pose, number>, recording: Pose | null): void {
    const total = POSES.reduce((sum, pose) => sum + counts[pose], 0);
    if (total === this.lastTotal || recording !== null) return;
    this.lastTotal = total;
    if (this.reportTimer !== null) clearTimeout(this.reportTimer);
    if (total < 2) {
      this.liveTest.showReport(null);
      return;
    }
    this.reportTimer = setTimeout(() => {
      this.reportTimer = null;
      void this.head.report().then((report) => this.liveTest.showReport(report));
    }, 300);
  }

  private async listCameras(): Promise<void> {
    const cameras = await this.head.cameras();
    const label = this.cameraPicker.parentElement as HTMLElement;
    label.hidden = cameras.length < 2;
    this.cameraList = cameras;
    this.switchCamera.hidden = cameras.length < 2;
    this.cameraPicker.replaceChildren(
      ...cameras.map((camera) => {
        const option = this.doc.createElement('option');
        option.value = camera.deviceId;
        option.textContent = camera.label;
        option.selected = camera.deviceId === this.head.chosenCamera;
        return option;
      }),
    );
  }

  /** The camera in use now (the chosen one, or the one the browser picked for 'user'). */
  private currentCamera(): string | null {
    const stream = this.head.video.srcObject as Partial<MediaStream> | null;
    const track = stream?.getVideoTracks?.()[0];
    return track?.getSettings().deviceId ?? this.head.chosenCamera;
  }

  private async nextCamera(): Promise<void> {
    const list = this.cameraList;
    if (list.length < 2) return;
    const at = list.findIndex((camera) => camera.deviceId === this.currentCamera());
    const next = list[(at + 1) % list.length];
    if (next === undefined) return;
    this.cameraPicker.value = next.deviceId;
    await this.head.chooseCamera(next.deviceId);
  }
}
