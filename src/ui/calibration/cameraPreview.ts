/**
 * The calibration screen's camera column: the mirrored selfie preview (head control's own
 * video element, lent to the screen while it is open), and under it the camera chooser. Its
 * border turns red while shots are being recorded.
 */
import { make } from './dom';

export class CameraPreview {
  readonly element: HTMLElement;
  private readonly preview: HTMLElement;

  /** `below`: what sits under the preview (the camera chooser). */
  constructor(doc: Document, below: readonly HTMLElement[]) {
    this.element = make(doc, 'div', 'cal-camera');
    this.preview = make(doc, 'div', 'cal-preview');
    this.element.append(this.preview, ...below);
  }

  /** Shows the camera's video, mirrored: the player moves as in a mirror. */
  attach(video: HTMLVideoElement): void {
    video.classList.add('is-mirrored');
    this.preview.prepend(video);
  }

  setRecording(recording: boolean): void {
    this.preview.classList.toggle('is-recording', recording);
  }
}
