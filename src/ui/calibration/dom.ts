/** Small DOM helpers for the calibration screen. */
import { centreSquare } from '../../vision/engine/features/framing';
import { make } from '../dom';

export { make };

export function makeButton(
  doc: Document,
  text: string,
  className: string,
  onClick?: () => void,
): HTMLButtonElement {
  const button = make(doc, 'button', className, text);
  button.type = 'button';
  if (onClick !== undefined) button.addEventListener('click', onClick);
  return button;
}

/**
 * A small picture of what the camera shows now: the same centre square the model sees,
 * mirrored like the preview (display only). Null while the video has no picture.
 */
export function thumbnailOf(
  doc: Document,
  video: HTMLVideoElement,
  size: number,
): HTMLCanvasElement | null {
  if (video.videoWidth === 0 || video.videoHeight === 0) return null;
  const canvas = make(doc, 'canvas', 'cal-thumb');
  const scale = doc.defaultView?.devicePixelRatio ?? 1;
  canvas.width = Math.round(size * scale);
  canvas.height = Math.round(size * scale);
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  const context = canvas.getContext('2d');
  if (context === null) return null;
  const region = centreSquare(video.videoWidth, video.videoHeight);
  context.translate(canvas.width, 0);
  context.scale(-1, 1);
  context.drawImage(
    video,
    region.x,
    region.y,
    region.size,
    region.size,
    0,
    0,
    canvas.width,
    canvas.height,
  );
  return canvas;
}
