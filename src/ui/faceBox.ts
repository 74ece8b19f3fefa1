/**
 * The found face drawn over a selfie preview: the face mesh's outline of the face and a dot on
 * the nose tip where the mesh runs, else the face finder's box. The preview shows the camera
 * mirrored (CSS) and cropped to its box (object-fit: cover), while the face comes in the
 * camera's own unmirrored pixels, so this maps one onto the other. When the face is lost the
 * preview says so instead ("no face").
 */
import './faceBox.css';
import type { MeshOutline } from '../vision/engine/features/faceMesh/meshOutline';
import type { FaceBox } from '../vision/headView';

const SVG = 'http://www.w3.org/2000/svg';

export class FaceBoxLayer {
  readonly element: HTMLElement;
  private readonly box: HTMLElement;
  private readonly lostLabel: HTMLElement;
  private readonly mesh: SVGSVGElement;
  private readonly oval: SVGPolygonElement;
  private readonly nose: SVGCircleElement;
  /**
   * The preview's size as last laid out, kept by a ResizeObserver: read on every answer (up
   * to 30 a second), clientWidth made the browser lay the page out again each time, since the
   * indicator had just changed its text (at CPU 4x, the page's third biggest cost in play).
   */
  private size: { width: number; height: number } | null = null;

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
    this.mesh = doc.createElementNS(SVG, 'svg');
    this.mesh.setAttribute('class', 'face-mesh');
    this.oval = doc.createElementNS(SVG, 'polygon');
    this.nose = doc.createElementNS(SVG, 'circle');
    this.nose.setAttribute('r', '3');
    this.mesh.append(this.oval, this.nose);
    this.mesh.style.display = 'none';
    layer.append(this.box, this.mesh, this.lostLabel);
    container.append(layer);
    this.element = layer;
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(() => {
        this.size = { width: container.clientWidth, height: container.clientHeight };
      }).observe(container);
    }
  }

  /**
   * Show `face` (camera pixels of a frameWidth x frameHeight frame), or none, as its mesh
   * `outline` when there is one; `lost` marks the preview as not seeing the player.
   */
  show(
    face: FaceBox | null,
    frameWidth: number,
    frameHeight: number,
    lost: boolean,
    outline: MeshOutline | null = null,
  ): void {
    this.lostLabel.hidden = !lost;
    this.container.classList.toggle('is-face-lost', lost);
    const width = this.size?.width ?? this.container.clientWidth;
    const height = this.size?.height ?? this.container.clientHeight;
    const hidden = face === null || lost || frameWidth <= 0 || frameHeight <= 0 || width === 0;
    this.mesh.style.display = hidden || outline === null ? 'none' : '';
    if (hidden) {
      this.box.hidden = true;
      return;
    }
    if (outline !== null) {
      this.box.hidden = true;
      const at = (x: number, y: number): [number, number] =>
        previewPoint(x, y, frameWidth, frameHeight, width, height);
      const points: string[] = [];
      for (let i = 0; i + 1 < outline.oval.length; i += 2) {
        const [px, py] = at(outline.oval[i] ?? 0, outline.oval[i + 1] ?? 0);
        points.push(`${px.toFixed(1)},${py.toFixed(1)}`);
      }
      this.oval.setAttribute('points', points.join(' '));
      const [nx, ny] = at(outline.noseTip[0], outline.noseTip[1]);
      this.nose.setAttribute('cx', nx.toFixed(1));
      this.nose.setAttribute('cy', ny.toFixed(1));
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

/** Where a point of the camera frame appears in a mirrored preview that covers its box. */
export function previewPoint(
  x: number,
  y: number,
  frameWidth: number,
  frameHeight: number,
  width: number,
  height: number,
): [number, number] {
  const scale = Math.max(width / frameWidth, height / frameHeight);
  const offsetX = (width - frameWidth * scale) / 2;
  const offsetY = (height - frameHeight * scale) / 2;
  return [width - (offsetX + x * scale), offsetY + y * scale];
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
