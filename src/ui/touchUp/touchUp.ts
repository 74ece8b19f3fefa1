/**
 * The touch-up, offered during a game when head control says the calibration no longer fits
 * what the camera sees: the notice (fitNotice.ts) asks, and the run (touchUpRun.ts) records
 * each pose once more while the game waits paused (PauseScene), without leaving it. The game
 * tells it when it is played and how (setPlaying); it tells the game when the player asks.
 */
import './touchUp.css';
import { Listeners } from '../../vision/listeners';
import type { HeadControl } from '../../vision/headControl';
import type { HandsFreeCues } from '../calibration/handsFreeCues';
import { FitNotice } from './fitNotice';
import { TouchUpRun, type TouchUpHead } from './touchUpRun';

export type FitHead = TouchUpHead & Pick<HeadControl, 'calibrationFits' | 'onChange'>;

export class TouchUp {
  private readonly notice: FitNotice;
  private readonly run: TouchUpRun;
  private readonly requests = new Listeners<void>();
  private playing: 'head' | 'keys' | null = null;
  /** "Not now" was chosen: no notice again until the calibration fits once more. */
  private declined = false;

  constructor(
    doc: Document,
    private readonly head: FitHead,
    cues: HandsFreeCues,
  ) {
    this.run = new TouchUpRun(doc, head, cues);
    this.notice = new FitNotice(
      doc,
      {
        touchUp: () => this.requests.tell(),
        later: () => (this.declined = true),
      },
      cues,
    );
    head.onChange(() => this.refresh());
  }

  /** The game is played, with the head or keys, or not (paused, over, the menu). */
  setPlaying(mode: 'head' | 'keys' | null): void {
    this.playing = mode;
    this.refresh();
  }

  /** The player asked for a touch-up: the game pauses and calls start. */
  onRequest(listener: () => void): () => void {
    return this.requests.add(listener);
  }

  get running(): boolean {
    return this.run.running;
  }

  /** Record each pose once more; `done(completed)` when it ends. */
  start(done: (completed: boolean) => void): void {
    this.notice.hide();
    this.run.start(done);
  }

  cancel(): void {
    this.run.cancel();
  }

  private refresh(): void {
    const fits = this.head.calibrationFits;
    if (fits) this.declined = false;
    const offer =
      this.playing !== null &&
      this.head.headState.kind === 'on' &&
      !fits &&
      !this.declined &&
      !this.run.running;
    if (offer) this.notice.show(this.playing === 'head');
    else this.notice.hide();
  }
}
