/**
 * A small banner over the game when head control has a problem the player can act on: the
 * camera failed or stopped, the model could not be loaded, or the face finder did not load
 * (head control then reads the middle of the picture). It says what happened (the same
 * words as the live region's head-status, which always add that keys and touch still work)
 * and offers Retry (for a camera that came back: resume). Keys and touch keep playing; the
 * banner never takes the keyboard focus.
 */
import './headAlert.css';
import type { HeadState } from '../vision/headStatus';

export interface AlertSource {
  readonly headState: HeadState;
  readonly statusText: string;
  onChange(listener: () => void): () => void;
  retry(): Promise<void>;
}

export class HeadAlert {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly button: HTMLButtonElement;

  constructor(
    doc: Document,
    private readonly head: AlertSource,
  ) {
    const element = doc.createElement('div');
    element.className = 'head-alert';
    element.hidden = true;
    element.setAttribute('data-testid', 'head-alert');
    element.setAttribute('data-swipe-ignore', '');
    this.text = doc.createElement('p');
    this.button = doc.createElement('button');
    this.button.type = 'button';
    this.button.tabIndex = -1; // Enter and Space belong to the game
    this.button.setAttribute('data-testid', 'head-retry');
    this.button.addEventListener('click', () => {
      this.button.disabled = true;
      void this.head.retry().finally(() => {
        this.button.disabled = false;
      });
    });
    element.append(this.text, this.button);
    doc.body.append(element);
    this.element = element;
    head.onChange(() => this.refresh());
    this.refresh();
  }

  refresh(): void {
    const state = this.head.headState;
    const problem =
      state.kind === 'camera-problem' ||
      state.kind === 'model-problem' ||
      (state.kind === 'on' && (state.finderProblem !== null || state.meshProblem !== null));
    this.element.hidden = !problem;
    if (!problem) return;
    this.text.textContent = this.head.statusText;
    const stopped = state.kind === 'camera-problem' && /camera stopped/i.test(state.message);
    this.button.textContent = stopped ? 'Resume head control' : 'Retry';
  }
}
