/**
 * The touch-up, offered during a game when head control says the calibration no longer fits
 * what the camera sees: the notice (fitNotice.ts) asks, and the run (touchUpRun.ts) records
 * each pose once more while the game waits paused (PauseScene), without leaving it, or over the
 * menu (MenuScene). The scene tells it where it is offered (setPlaying); it tells the scene
 * when the player asks.
 *
 * A touch-up that completed and kept new shots keeps the notice quiet for the rest of that
 * game, even if the fit watch says "doesn't fit" again: the other session of Pointing'04
 * (tools/studies/measure-touch-up.ts, N=3) got 4.1 notices and 2.3 touch-ups per 150 s game when
 * the notice came back after each touch-up, 1.2 and 0.8 with this quiet, and agreed as well after
 * one touch-up as after several (91.2 % against 91.0 % of its photos). A touch-up that kept nothing
 * (no face, someone else) changed nothing, and the notice may come back. A game is the span of its
 * onRequest subscription (PlayScene subscribes when the game starts, unsubscribes when it ends);
 * setPlaying(null) comes with every pause, the touch-up's own included, so it does not end the
 * quiet.
 */
import './touchUp.css';
import { Listeners } from '../../vision/listeners';
import type { HeadControl } from '../../vision/headControl';
import type { HandsFreeCues } from '../calibration/handsFreeCues';
import { FitNotice } from './fitNotice';
import { TouchUpRun, type TouchUpHead } from './touchUpRun';

export type FitHead = TouchUpHead & Pick<HeadControl, 'calibrationFits' | 'onChange'>;

/**
 * Where the notice may be offered: a game played with the head or with keys, or the menu (a
 * returning player whose calibration no longer fits may never get the start pose recognised
 * there, so the touch-up comes to the menu too).
 */
export type TouchUpPlace = 'head' | 'keys' | 'menu';

export class TouchUp {
  private readonly notice: FitNotice;
  private readonly run: TouchUpRun;
  private readonly requests = new Listeners<void>();
  private playing: TouchUpPlace | null = null;
  /** "Not now" was chosen: no notice again until the calibration fits once more. */
  private declined = false;
  /** A touch-up of this game completed and kept shots: no notice until the game ends. */
  private quiet = false;

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

  /** A game is played with the head or keys, or the menu shows; null: neither (paused, over). */
  setPlaying(mode: TouchUpPlace | null): void {
    this.playing = mode;
    this.refresh();
  }

  /**
   * The player asked for a touch-up: the game pauses and calls start. A game subscribes when
   * it starts and unsubscribes when it ends: both end a quiet notice (a new game may drift).
   */
  onRequest(listener: () => void): () => void {
    this.quiet = false;
    const off = this.requests.add(listener);
    return () => {
      off();
      this.quiet = false;
      this.refresh();
    };
  }

  /** True once a touch-up of this game kept new shots: the notice stays quiet. */
  get quietForThisGame(): boolean {
    return this.quiet;
  }

  get running(): boolean {
    return this.run.running;
  }

  /** Record each pose once more; `done(completed)` when it ends. */
  start(done: (completed: boolean) => void): void {
    this.notice.hide();
    this.run.start((completed) => {
      if (completed && this.run.keptAny) this.quiet = true;
      done(completed);
    });
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
      !this.quiet &&
      !this.run.running;
    // With the head or on the menu the player may have no hands: it starts by itself.
    if (offer) this.notice.show(this.playing !== 'keys');
    else this.notice.hide();
  }
}
