/**
 * Real <button>s laid exactly over choices that Phaser draws on the canvas (the menu's, the
 * game over's, the pause's), so a mouse click, a tap, Tab and a screen reader all reach a
 * choice drawn in the pixel font. The buttons are see-through; a keyboard focus shows as a
 * ring round the drawn choice. Their places follow the canvas as the window resizes.
 */
import './canvasHitButtons.css';

/** A rectangle on the logical screen (the scenes' 224 x 288 pixels). */
export interface LogicalRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface HitButtonSpec {
  readonly rect: LogicalRect;
  /** What a screen reader says; also the button's text for assistive tech. */
  readonly label: string;
  readonly testId: string;
  /** A click or tap: choose it. */
  readonly onPress: () => void;
  /** Keyboard focus arrived: highlight it. */
  readonly onFocus?: () => void;
}

export class CanvasHitButtons {
  private readonly layer: HTMLElement;
  private readonly placed: { button: HTMLButtonElement; rect: LogicalRect }[] = [];
  private readonly observer: ResizeObserver | null;
  private readonly onResize = (): void => this.place();

  constructor(
    private readonly doc: Document,
    private readonly canvas: HTMLCanvasElement,
    private readonly logicalWidth: number,
  ) {
    this.layer = doc.createElement('div');
    this.layer.className = 'hit-layer';
    (canvas.parentElement ?? doc.body).append(this.layer);
    doc.defaultView?.addEventListener('resize', this.onResize);
    this.observer =
      typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.place()) : null;
    this.observer?.observe(canvas);
  }

  add(spec: HitButtonSpec): HTMLButtonElement {
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.className = 'hit-button';
    button.textContent = spec.label;
    button.dataset.testid = spec.testId;
    // Not a swipe on the play surface, and never a tap that confirms something else.
    button.dataset.swipeIgnore = '';
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      spec.onPress();
    });
    if (spec.onFocus) button.addEventListener('focus', spec.onFocus);
    this.layer.append(button);
    this.placed.push({ button, rect: spec.rect });
    this.place();
    return button;
  }

  destroy(): void {
    this.doc.defaultView?.removeEventListener('resize', this.onResize);
    this.observer?.disconnect();
    this.layer.remove();
  }

  /** Canvas pixels on the page per logical pixel, and where the canvas sits in its parent. */
  private place(): void {
    const host = this.layer.parentElement;
    if (!host) return;
    const canvasBox = this.canvas.getBoundingClientRect();
    const hostBox = host.getBoundingClientRect();
    if (canvasBox.width === 0) return;
    const scale = canvasBox.width / this.logicalWidth;
    const left = canvasBox.left - hostBox.left;
    const top = canvasBox.top - hostBox.top;
    for (const { button, rect } of this.placed) {
      button.style.left = `${left + rect.x * scale}px`;
      button.style.top = `${top + rect.y * scale}px`;
      button.style.width = `${rect.width * scale}px`;
      button.style.height = `${rect.height * scale}px`;
    }
  }
}
