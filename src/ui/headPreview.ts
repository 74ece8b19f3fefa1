/**
 * The small selfie preview in a corner while head control is on and the calibration screen
 * is closed: the player sees what the camera sees, and the video keeps being drawn (browsers
 * deliver video frame callbacks for rendered videos).
 */
import './headPreview.css';

export interface PreviewSource {
  readonly video: HTMLVideoElement;
  readonly isOn: boolean;
  onChange(listener: () => void): () => void;
}

export class HeadPreviewDock {
  /** The dock (the head indicator and the face box hang on it). */
  readonly element: HTMLElement;

  constructor(
    doc: Document,
    private readonly head: PreviewSource,
    private readonly calibrationOpen: () => boolean,
  ) {
    const element = doc.createElement('div');
    element.id = 'head-preview';
    element.hidden = true;
    element.setAttribute('aria-hidden', 'true');
    doc.body.append(element);
    this.element = element;
    head.onChange(() => this.refresh());
  }

  /** Show the preview here when head control is on and the calibration screen is not. */
  refresh(): void {
    const show = this.head.isOn && !this.calibrationOpen();
    if (show && this.head.video.parentElement !== this.element) {
      this.head.video.classList.add('is-mirrored');
      this.element.append(this.head.video);
      if (this.head.video.srcObject !== null && this.head.video.paused) {
        void this.head.video.play().catch(() => {});
      }
    }
    this.element.hidden = !show;
  }
}
