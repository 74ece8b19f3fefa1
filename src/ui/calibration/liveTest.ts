/**
 * The calibration screen's live test: one confidence bar per pose (the predicted pose's bar
 * shows how sure the tracker is: its margin over the nearest other pose, against what is
 * usual for this calibration), the predicted pose highlighted, "no face" when none is seen,
 * and the quality check (each shot classified by all the others: leave-one-out accuracy per
 * pose, advice when two poses look alike, and how many recorded frames had a face), asked for
 * again whenever the shots change, once no recording is running.
 */
import './liveTest.css';
import type { CalibrationReport } from '../../vision/engine/classifier/calibrationReport';
import type { PosePrediction } from '../../vision/engine/classifier/poseClassifier';
import { POSES, type Pose } from '../../vision/poses';
import { make } from './dom';
import { POSE_WORDS } from './poseArt';

/** Asks head control for the quality check of the shots as they are now. */
export type ReportSource = () => Promise<CalibrationReport>;

/** How long the shots must stay as they are before the quality check is asked for. */
const REPORT_DELAY_MS = 300;

export class LiveTest {
  readonly element: HTMLElement;
  private lastTotal = -1;
  private shots = 0;
  private withoutFace = 0;
  /** The report shown last, and whether the face finder was off then. */
  private shown: { report: CalibrationReport | null; middle: boolean } | null = null;
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly bars = new Map<
    Pose,
    { row: HTMLElement; fill: HTMLElement; value: HTMLElement }
  >();
  private readonly verdict: HTMLElement;
  private readonly quality: HTMLElement;
  private readonly advice: HTMLElement;

  /**
   * `readsMiddle`: whether the face finder is off (frames are read at their centre), so the
   * report must not say the shots show a face.
   */
  constructor(
    doc: Document,
    private readonly report: ReportSource,
    private readonly readsMiddle: () => boolean = () => false,
  ) {
    const section = make(doc, 'section', 'cal-test');
    section.setAttribute('aria-labelledby', 'cal-test-title');
    const title = make(doc, 'h3', 'cal-section-title', 'Live test');
    title.id = 'cal-test-title';
    const hint = make(
      doc,
      'p',
      'cal-hint',
      'Hold each pose: its bar should fill and light up. Neutral means "keep going".',
    );
    const bars = make(doc, 'div', 'cal-bars');
    for (const pose of POSES) {
      const row = make(doc, 'div', 'cal-bar');
      row.dataset.pose = pose;
      row.dataset.testid = `confidence-${pose}`;
      const label = make(doc, 'span', 'cal-bar-label', POSE_WORDS[pose].name);
      const track = make(doc, 'span', 'cal-bar-track');
      track.setAttribute('role', 'meter');
      track.setAttribute('aria-label', `${POSE_WORDS[pose].name} confidence`);
      track.setAttribute('aria-valuemin', '0');
      track.setAttribute('aria-valuemax', '100');
      const fill = make(doc, 'span', 'cal-bar-fill');
      track.append(fill);
      const value = make(doc, 'span', 'cal-bar-value', '–');
      row.append(label, track, value);
      bars.append(row);
      this.bars.set(pose, { row, fill, value });
    }
    this.verdict = make(doc, 'p', 'cal-verdict', 'Record every pose, then try them here.');
    this.verdict.dataset.testid = 'predicted-pose';
    const qualityTitle = make(doc, 'h4', 'cal-subtitle', 'Quality check');
    this.quality = make(doc, 'p', 'cal-quality', 'Record at least two shots of each pose.');
    this.quality.dataset.testid = 'calibration-quality';
    this.advice = make(doc, 'p', 'cal-advice');
    this.advice.dataset.testid = 'calibration-advice';
    section.append(title, hint, bars, this.verdict, qualityTitle, this.quality, this.advice);
    this.element = section;
  }

  /** A frame's prediction; `noFace` when the camera does not see the player's face. */
  showPrediction(prediction: PosePrediction | null, noFace = false): void {
    for (const pose of POSES) {
      const bar = this.bars.get(pose);
      if (bar === undefined) continue;
      const share = prediction === null || prediction.pose !== pose ? 0 : prediction.confidence;
      const percent = Math.round(share * 100);
      bar.fill.style.width = `${percent}%`;
      bar.value.textContent = prediction === null ? '–' : `${percent}%`;
      bar.fill.parentElement?.setAttribute('aria-valuenow', String(percent));
      bar.row.classList.toggle('is-predicted', prediction !== null && prediction.pose === pose);
    }
    this.verdict.textContent = noFace
      ? 'No face found: look at the camera.'
      : prediction === null
        ? 'No prediction yet.'
        : `You are showing: ${POSE_WORDS[prediction.pose].name}`;
  }

  /**
   * The shots may have changed: a new quality check, unless a recording is running.
   * `withoutFace`: frames recorded this visit that showed no face (not kept).
   */
  shotsChanged(
    counts: Record<Pose, number>,
    recording: Pose | null,
    withoutFace: Record<Pose, number>,
  ): void {
    this.withoutFace = POSES.reduce((sum, pose) => sum + withoutFace[pose], 0);
    this.shots = POSES.reduce((sum, pose) => sum + counts[pose], 0);
    // The face finder's state is known only once the engine is ready: say the report again.
    if (this.shown !== null && this.shown.middle !== this.readsMiddle()) {
      this.showReport(this.shown.report);
    }
    const total = this.shots;
    if (total === this.lastTotal || recording !== null) return;
    this.lastTotal = total;
    if (this.reportTimer !== null) clearTimeout(this.reportTimer);
    if (total < 2) {
      this.showReport(null);
      return;
    }
    this.reportTimer = setTimeout(() => {
      this.reportTimer = null;
      void this.report().then((report) => this.showReport(report));
    }, REPORT_DELAY_MS);
  }

  showReport(report: CalibrationReport | null): void {
    this.shown = { report, middle: this.readsMiddle() };
    if (report === null || report.accuracy === null) {
      this.quality.textContent = 'Record at least two shots of each pose.';
      this.advice.textContent = '';
      return;
    }
    const perPose = POSES.map((pose) => {
      const accuracy = report.accuracyPerPose[pose];
      return `${POSE_WORDS[pose].name} ${accuracy === null ? '–' : `${Math.round(accuracy * 100)}%`}`;
    }).join(', ');
    const faces = this.readsMiddle()
      ? 'The face finder is not running: new shots are read from the middle of the picture.'
      : this.withoutFace === 0
        ? `All ${this.shots} shots show a face.`
        : `All ${this.shots} shots show a face; ${this.withoutFace} recorded frames had none and were not kept.`;
    this.quality.textContent = `Shots recognised by the others: ${Math.round(report.accuracy * 100)}% (${perPose}). ${faces}`;
    this.advice.textContent =
      report.advice === null
        ? 'Every shot was recognised: your poses are distinct.'
        : `Advice: ${report.advice.charAt(0).toUpperCase()}${report.advice.slice(1)}.`;
    this.advice.classList.toggle('is-warning', report.advice !== null);
  }

  /** Highlight the section (the last step of the guided flow). */
  setCurrent(current: boolean): void {
    this.element.classList.toggle('is-current', current);
  }
}
