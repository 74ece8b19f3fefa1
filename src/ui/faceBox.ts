/**
 * The found face's box drawn over a selfie preview. The preview shows the camera mirrored
 * (CSS) and cropped to its box (object-fit: cover), while the box comes in the camera's own
 * unmirrored pixels, so this maps one onto the other. When the face is lost the preview says
 * so instead ("no face").
 */
import './faceBox.css';
import type { FaceBox } from '../vision/headView';

export class FaceBoxLayer {
  readonly element: HTMLElement;
  private readonly box: HTMLElement;
  private readonly lostLabel: HTMLElement;

  constructor(
    doc: Document,
    private readonly container: HTMLElement,
  ) {
    const layer = doc.createElement('div');
    layer.className = 'face-layer';
    layer.setAttribute('aria-hidden', 'true');
    this.box = doc.createElement('div');
    this.box.className = 'face-box';
    this.box.hidden = true;
    this.lostLabel = doc.createElement('div');
    this.lostLabel.className = 'face-lost';
    this.lostLabel.textContent = 'no face';
    this.lostLabel.hidden = true;
    layer.append(this.box, this.lostLabel);
    container.append(layer);
    this.element = layer;
  }

  /**
   * Show `face` (camera pixels of a frameWidth x frameHeight frame), or none; `lost` marks the
   * preview as not seeing the player.
   */
  show(face: FaceBox | null, frameWidth: number, frameHeight: number, lost: boolean): void {
    this.lostLabel.hidden = !lost;
    this.container.classList.toggle('is-face-lost', lost);
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    if (face === null || lost || frameWidth <= 0 || frameHeight <= 0 || width === 0) {
      this.box.hidden = true;
      return;
    }
    const place = previewPlacement(face, frameWidth, frameHeight, width, height);
    this.box.hidden = false;
    this.box.style.left = `${place.left}px`;
    this.box.style.top = `${place.top}px`;
    this.box.style.width = `${place.width}px`;
    this.box.style.height = `${place.height}px`;
  }
}

/**
 * Where a box of the camera frame appears in a mirrored preview of width x height pixels that
 * covers its box (object-fit: cover: scaled to fill, centred, the overflow cut off).
 */
export function previewPlacement(
  face: FaceBox,
  frameWidth: number,
  frameHeight: number,
  width: number,
  height: number,
): { left: number; top: number; width: number; height: number } {
  const scale = Math.max(width / frameWidth, height / frameHeight);
  const offsetX = (width - frameWidth * scale) / 2;
  const offsetY = (height - frameHeight * scale) / 2;
  const left = offsetX + face.x * scale;
  const boxWidth = face.width * scale;
  return {
    // Mirrored: the camera's left edge is the preview's right edge.
    left: width - left - boxWidth,
    top: offsetY + face.y * scale,
    width: boxWidth,
    height: face.height * scale,
  };
}
