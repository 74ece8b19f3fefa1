/**
 * Every pose at once, one row each: its drawing, its name (a button that goes to the pose's
 * step), its shot count, the last few shots as thumbnails, and its own hold-to-record and Redo
 * buttons, so any pose can be recorded or redone in any order. The guide only highlights the
 * current row.
 */
import './poseRows.css';
import { MIN_SHOTS_PER_POSE } from '../../vision/headControl';
import { POSES, type Pose } from '../../vision/poses';
import { make, makeButton, thumbnailOf } from './dom';
import { bindHold } from './holdToRecord';
import { drawPose, POSE_WORDS } from './poseArt';

const THUMBNAILS_PER_POSE = 6;

export interface PoseRowHandlers {
  holdStart(pose: Pose): void;
  holdStop(): void;
  /** Redo: the pose's shots are to be deleted and recorded again. */
  redo(pose: Pose): void;
  /** The pose's name: go to its step. */
  goTo(pose: Pose): void;
}

interface Row {
  readonly row: HTMLElement;
  readonly count: HTMLElement;
  readonly thumbs: HTMLElement;
}

export class PoseRows {
  readonly element: HTMLOListElement;
  private readonly rows = new Map<Pose, Row>();

  constructor(
    private readonly doc: Document,
    private readonly handlers: PoseRowHandlers,
  ) {
    this.element = make(doc, 'ol', 'cal-poses');
    this.element.setAttribute('aria-label', 'Your poses');
    for (const pose of POSES) this.element.append(this.buildRow(pose));
  }

  render(counts: Record<Pose, number>, current: Pose | 'test', recordingPose: Pose | null): void {
    for (const pose of POSES) {
      const row = this.rows.get(pose);
      if (row === undefined) continue;
      row.count.textContent = String(counts[pose]);
      row.row.classList.toggle('is-enough', counts[pose] >= MIN_SHOTS_PER_POSE);
      row.row.classList.toggle('is-current', current === pose);
      row.row.classList.toggle('is-recording', recordingPose === pose);
    }
  }

  /** A shot of `pose` was just taken: what the camera shows now joins its thumbnails. */
  addThumbnail(pose: Pose, video: HTMLVideoElement): void {
    const row = this.rows.get(pose);
    if (row === undefined) return;
    const thumb = thumbnailOf(this.doc, video, 36);
    if (thumb === null) return;
    row.thumbs.prepend(thumb);
    while (row.thumbs.childElementCount > THUMBNAILS_PER_POSE)
      row.thumbs.lastElementChild?.remove();
  }

  /** Drops the thumbnails of `pose`, or of every pose. */
  clearThumbnails(pose?: Pose): void {
    for (const [key, row] of this.rows) {
      if (pose === undefined || key === pose) row.thumbs.replaceChildren();
    }
  }

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
    name.addEventListener('click', () => this.handlers.goTo(pose));
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
    bindHold(record, {
      start: () => this.handlers.holdStart(pose),
      stop: () => this.handlers.holdStop(),
    });
    const redo = makeButton(doc, 'Redo', 'cal-redo', () => this.handlers.redo(pose));
    redo.dataset.testid = `redo-${pose}`;
    redo.setAttribute('aria-label', `Delete the ${words.name} shots to record them again`);
    row.append(art, name, countLine, thumbs, record, redo);
    this.rows.set(pose, { row, count, thumbs });
    return row;
  }
}
