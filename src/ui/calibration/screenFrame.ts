/**
 * The frame around the calibration screen's parts: a modal dialog over the game, its title and
 * ✕ (back to the menu), the status line (what head control is doing), the notice (what just
 * happened: an import refused, an export done), the hands-free notice (the run starts by
 * itself in 5 s) and a hidden announcer for screen readers.
 */
import { make, makeButton } from './dom';

export class ScreenFrame {
  readonly root: HTMLElement;
  /** Where the parts go, under the notice. */
  readonly panel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly handsFreeNotice: HTMLElement;
  private readonly announcer: HTMLElement;

  constructor(doc: Document, onClose: () => void) {
    const root = make(doc, 'section', 'calibration');
    root.id = 'calibration';
    root.hidden = true;
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-modal', 'true');
    root.setAttribute('aria-labelledby', 'calibration-title');
    root.setAttribute('data-swipe-ignore', '');
    root.dataset.testid = 'calibration-screen';
    this.panel = make(doc, 'div', 'cal-panel');

    const header = make(doc, 'header', 'cal-header');
    const title = make(doc, 'h2', 'cal-title', 'Head control: calibrate');
    title.id = 'calibration-title';
    title.tabIndex = -1;
    const close = makeButton(doc, '✕', 'cal-close', onClose);
    close.setAttribute('aria-label', 'Back to the menu (Esc)');
    close.title = 'Back to the menu (Esc)';
    header.append(title, close);

    this.status = make(doc, 'p', 'cal-status');
    this.status.dataset.testid = 'calibration-status';
    this.notice = make(doc, 'p', 'cal-notice');
    this.notice.dataset.testid = 'calibration-message';
    this.notice.setAttribute('role', 'status');
    // Not a live region: it changes every second; the announcer says it once.
    this.handsFreeNotice = make(doc, 'p', 'cal-handsfree-notice');
    this.handsFreeNotice.dataset.testid = 'hands-free-notice';
    this.handsFreeNotice.hidden = true;
    this.announcer = make(doc, 'p', 'sr-only');
    this.announcer.setAttribute('aria-live', 'assertive');
    this.panel.append(header, this.status, this.notice, this.handsFreeNotice);
    root.append(this.panel);
    // Keys pressed in the screen are the screen's: the game's keyboard source must not see
    // them (it would swallow Enter and Space, which press buttons here). M still mutes.
    root.addEventListener('keydown', (event) => {
      if (event.code !== 'KeyM') event.stopPropagation();
    });
    this.root = root;
  }

  /** Adds the parts in order, under the notice (the announcer stays last). */
  fill(...parts: HTMLElement[]): void {
    this.panel.append(...parts, this.announcer);
  }

  show(status: string, notice: string | null): void {
    this.status.textContent = status;
    this.notice.textContent = notice ?? '';
    this.notice.hidden = notice === null;
  }

  /** The hands-free notice; null hides it. */
  showHandsFreeNotice(text: string | null): void {
    this.handsFreeNotice.textContent = text ?? '';
    this.handsFreeNotice.hidden = text === null;
  }

  /**
   * Said at once by a screen reader (assertive): countdowns, recordings, when no voice cue said
   * them (handsFreeRun.ts gives it only the steps the voice did not say, so none is heard twice).
   */
  announce(text: string): void {
    this.announcer.textContent = text;
  }
}
