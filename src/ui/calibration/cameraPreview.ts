/**
 * The calibration screen's camera column: the mirrored selfie preview (head control's own
 * video element, lent to the screen while it is open) with the found face's box over it (or
 * "no face"), a line that says when recorded frames show no face (they are not kept), and
 * under it the camera chooser. Its border turns red while shots are being recorded.
 */
import type { HeadFrameView } from '../../vision/headView';
import { FaceBoxLayer } from '../faceBox';
import { make } from './dom';

export class CameraPreview {
  readonly element: HTMLElement;
  private readonly preview: HTMLElement;
  private readonly faces: FaceBoxLayer;
  private readonly noFace: HTMLElement;

  /** `below`: what sits under the preview (the camera chooser). */
  constructor(doc: Document, below: readonly HTMLElement[]) {
    this.element = make(doc, 'div', 'cal-camera');
    this.preview = make(doc, 'div', 'cal-preview');
    this.faces = new FaceBoxLayer(doc, this.preview);
    this.noFace = make(doc, 'p', 'cal-no-face');
    this.noFace.dataset.testid = 'recording-face';
    this.noFace.setAttribute('role', 'status');
    this.noFace.hidden = true;
    this.element.append(this.preview, this.noFace, ...below);
  }

  /** The latest frame: the face's box over the preview, or "no face". */
  showFace(view: HeadFrameView): void {
    this.faces.show(
      view.face,
      view.frameWidth,
      view.frameHeight,
      view.sight === 'lost',
      view.outline,
    );
  }

  /**
   * While recording: how many of this recording's frames showed no face (not kept as shots),
   * so the player knows to face the camera. 0 hides the line.
   */
  showFramesWithoutFace(count: number): void {
    this.noFace.hidden = count === 0;
    this.noFace.textContent =
      count === 0
        ? ''
        : `No face found in ${count} frame${count === 1 ? '' : 's'}: not kept. Face the camera.`;
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
