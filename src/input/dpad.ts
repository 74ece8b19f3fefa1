/**
 * An on-screen d-pad for touch screens: four direction buttons and a pause button, reacting on
 * pointerdown (no click delay), semi-transparent, laid over the bottom of the screen. The DOM is
 * built on attach and removed on detach; its look is in dpad.css (bundled, never injected at
 * runtime: the page's Content-Security-Policy allows no inline styles).
 */
import type { Direction } from '../game/direction';
import type { InputHub, InputSource } from './inputHub';
import './dpad.css';

export type DPadControl = Direction | 'pause';

export interface DPadOptions {
  /** Default: `isTouchDevice()`. */
  readonly visible?: boolean;
}

/** What pressing one d-pad button does: steer, or pause. */
export function pressDPad(hub: InputHub, control: DPadControl, source = 'dpad'): void {
  if (control === 'pause') hub.trigger('pause', source);
  else hub.request(control, source);
}

/** A coarse pointer (finger) or any touch point: the d-pad is worth showing. */
export function isTouchDevice(): boolean {
  const coarse =
    typeof globalThis.matchMedia === 'function' &&
    globalThis.matchMedia('(pointer: coarse)').matches;
  return coarse || (globalThis.navigator?.maxTouchPoints ?? 0) > 0;
}

const BUTTONS: readonly {
  readonly control: DPadControl;
  readonly label: string;
  readonly glyph: string;
}[] = [
  { control: 'up', label: 'Up', glyph: '\u25B2' },
  { control: 'left', label: 'Left', glyph: '\u25C0' },
  { control: 'down', label: 'Down', glyph: '\u25BC' },
  { control: 'right', label: 'Right', glyph: '\u25B6' },
  { control: 'pause', label: 'Pause', glyph: '\u275A\u275A' },
];

export class DPad implements InputSource {
  readonly name = 'dpad';
  private hub: InputHub | null = null;
  private root: HTMLElement | null = null;
  private shown: boolean;

  constructor(
    private readonly container: HTMLElement,
    options: DPadOptions = {},
  ) {
    this.shown = options.visible ?? isTouchDevice();
  }

  get visible(): boolean {
    return this.shown;
  }

  /** Show or hide the d-pad (it keeps working for assistive clicks either way). */
  setVisible(visible: boolean): void {
    this.shown = visible;
    if (this.root !== null) this.root.hidden = !visible;
  }

  attach(hub: InputHub): void {
    this.detach();
    this.hub = hub;
    const doc = this.container.ownerDocument;
    const root = doc.createElement('div');
    root.className = 'hc-dpad';
    root.setAttribute('role', 'group');
    root.setAttribute('aria-label', 'Direction pad');
    root.setAttribute('data-swipe-ignore', '');
    root.hidden = !this.shown;
    root.addEventListener('contextmenu', preventDefault);
    const cross = doc.createElement('div');
    cross.className = 'hc-dpad__cross';
    root.append(cross);
    for (const { control, label, glyph } of BUTTONS) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.tabIndex = -1; // the keyboard has its own keys; focus here would eat Space/Enter
      button.className = `hc-dpad__${control}`;
      button.textContent = glyph;
      button.setAttribute('aria-label', label);
      button.setAttribute('data-testid', `dpad-${control}`);
      this.wire(button, control);
      (control === 'pause' ? root : cross).append(button);
    }
    this.container.append(root);
    this.root = root;
  }

  detach(): void {
    this.root?.remove();
    this.root = null;
    this.hub = null;
  }

  private wire(button: HTMLElement, control: DPadControl): void {
    const release = (): void => button.removeAttribute('data-pressed');
    button.addEventListener('pointerdown', (event) => {
      // Immediate, and no focus, text selection, emulated mouse events or swipe underneath.
      event.preventDefault();
      event.stopPropagation();
      button.setAttribute('data-pressed', '');
      if (this.hub !== null) pressDPad(this.hub, control, this.name);
    });
    button.addEventListener('pointerup', release);
    button.addEventListener('pointercancel', release);
    button.addEventListener('pointerleave', release);
    button.addEventListener('contextmenu', preventDefault);
    // Pointer presses are handled above; a click with detail 0 comes from a keyboard or an
    // assistive technology activating the button, which sends no pointerdown.
    button.addEventListener('click', (event) => {
      if ((event as Partial<MouseEvent>).detail === 0 && this.hub !== null) {
        pressDPad(this.hub, control, this.name);
      }
    });
  }
}

function preventDefault(event: Event): void {
  event.preventDefault();
}
