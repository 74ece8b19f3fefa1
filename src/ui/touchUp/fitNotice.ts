/**
 * "Head control is misreading you": the banner over a game when head control says steering
 * is in trouble with the calibration (another light, glasses, someone else: steering/fitWatch.ts). It offers a touch-up (the button, or T) and "Not now". In a game played with the
 * head the touch-up starts by itself after a counted-down notice, since the player may have
 * no hands to press anything; any key or tap cancels that (T starts it at once).
 */
import type { HandsFreeCues } from '../calibration/handsFreeCues';

/** How long a hands-free player sees the notice before the touch-up starts by itself. */
export const TOUCH_UP_AFTER_MS = 5000;

export interface FitNoticeHost {
  /** The player asked for the touch-up (or it started by itself). */
  touchUp(): void;
  /** The player chose "Not now". */
  later(): void;
}

export class FitNotice {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private shown = false;

  constructor(
    private readonly doc: Document,
    private readonly host: FitNoticeHost,
    private readonly cues: Pick<HandsFreeCues, 'startsSoon'>,
  ) {
    const element = doc.createElement('div');
    element.className = 'fit-notice';
    element.dataset.testid = 'fit-notice';
    element.setAttribute('role', 'alert');
    element.setAttribute('data-swipe-ignore', '');
    element.hidden = true;
    this.text = doc.createElement('p');
    const now = doc.createElement('button');
    now.type = 'button';
    now.tabIndex = -1; // Enter and Space belong to the game
    now.textContent = 'Touch up (T)';
    now.dataset.testid = 'touch-up';
    now.addEventListener('click', () => this.host.touchUp());
    const later = doc.createElement('button');
    later.type = 'button';
    later.tabIndex = -1;
    later.textContent = 'Not now';
    later.dataset.testid = 'touch-up-later';
    later.addEventListener('click', () => {
      this.host.later();
      this.hide();
    });
    element.append(this.text, now, later);
    doc.body.append(element);
    this.element = element;
  }

  get visible(): boolean {
    return this.shown;
  }

  /** Show the notice; `handsFree`: the touch-up starts by itself after TOUCH_UP_AFTER_MS. */
  show(handsFree: boolean): void {
    if (this.shown) return;
    this.shown = true;
    this.element.hidden = false;
    this.doc.addEventListener('keydown', this.onKey, true);
    const base =
      'Head control is misreading you: your calibration no longer matches how you look now.';
    this.text.textContent = `${base} A touch-up records each pose once more.`;
    if (!handsFree) return;
    const seconds = Math.round(TOUCH_UP_AFTER_MS / 1000);
    const say = (left: number): void => {
      this.text.textContent = `${base} Touch-up starts in ${left} s: look at the screen. Any key cancels.`;
    };
    say(seconds);
    this.cues.startsSoon(seconds);
    for (let left = seconds - 1; left >= 1; left--) {
      this.timers.push(setTimeout(() => say(left), TOUCH_UP_AFTER_MS - left * 1000));
    }
    this.timers.push(setTimeout(() => this.host.touchUp(), TOUCH_UP_AFTER_MS));
    this.doc.addEventListener('pointerdown', this.onTap, true);
  }

  hide(): void {
    if (!this.shown) return;
    this.shown = false;
    this.element.hidden = true;
    this.stopCountdown();
    this.doc.removeEventListener('keydown', this.onKey, true);
  }

  private stopCountdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.doc.removeEventListener('pointerdown', this.onTap, true);
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.code === 'KeyT' && !event.repeat) {
      event.preventDefault();
      this.host.touchUp();
    } else if (this.timers.length > 0 && !event.repeat) {
      this.cancelled();
    }
  };

  private readonly onTap = (event: PointerEvent): void => {
    if (event.target instanceof Node && this.element.contains(event.target)) return;
    this.cancelled();
  };

  private cancelled(): void {
    this.stopCountdown();
    this.text.textContent = 'Head control is misreading you. Touch-up cancelled: T starts it.';
  }
}
