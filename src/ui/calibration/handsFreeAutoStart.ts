/**
 * Starting the hands-free run by itself, for a player who cannot use their hands: the screen
 * opens with a notice, "Hands-free recording starts in 5 s: look at the screen", counting
 * down, shown, announced and given as a cue. Any key or tap (pointerdown) cancels it, and it
 * says so: whoever pressed can use the buttons. If the camera or the model is not ready when
 * the time is up, the run waits for them (a countdown with nothing to record would only
 * confuse). No DOM here beyond listening on the document.
 */
import type { HandsFreeCues } from './handsFreeCues';

export interface AutoStartHost {
  /** The camera and model can record now. */
  ready(): boolean;
  /** Start the hands-free run. */
  start(): void;
  /** The visible notice; null hides it. */
  show(text: string | null): void;
  /** Said at once by a screen reader. */
  announce(text: string): void;
}

/** Short: whoever pressed has hands, and the buttons are right there. */
export const CANCELLED_NOTICE = 'Hands-free recording cancelled.';

export function startsInText(seconds: number): string {
  return `Hands-free recording starts in ${seconds} s: look at the screen`;
}

/** `?handsFreeAfter=5000` in the page's address: 0 to 60 000 ms; anything else is ignored. */
export function handsFreeAfterFromAddress(search: string): number | undefined {
  const text = new URLSearchParams(search).get('handsFreeAfter');
  if (text === null || !/^\d{1,5}$/.test(text)) return undefined;
  const ms = Number(text);
  return ms <= 60_000 ? ms : undefined;
}

const WAITING_TEXT =
  'Hands-free recording starts as soon as the camera and model are ready: look at the screen';

export class HandsFreeAutoStart {
  private timers: ReturnType<typeof setTimeout>[] = [];
  private state: 'idle' | 'counting' | 'waiting' = 'idle';

  constructor(
    private readonly target: EventTarget,
    private readonly host: AutoStartHost,
    private readonly cues: HandsFreeCues,
  ) {}

  /** Counting down, or waiting for the camera: a key or tap still cancels. */
  get pending(): boolean {
    return this.state !== 'idle';
  }

  /** Starts the run in `afterMs`, unless a key or tap comes first. */
  arm(afterMs: number): void {
    this.disarm();
    const seconds = Math.max(0, Math.ceil(afterMs / 1000));
    this.state = 'counting';
    this.target.addEventListener('keydown', this.onGesture, true);
    this.target.addEventListener('pointerdown', this.onGesture, true);
    this.host.show(startsInText(seconds));
    // Said aloud by the voice: the screen reader hears only how to cancel, not the same again.
    const aloud = this.cues.startsSoon(seconds);
    this.host.announce(
      aloud
        ? 'Press any key or tap to cancel.'
        : `${startsInText(seconds)}. Press any key or tap to cancel.`,
    );
    // The last second is counted down to the start: "starts in 1 s", then it starts.
    for (let left = seconds - 1; left >= 1; left--) {
      const at = afterMs - left * 1000;
      this.timers.push(setTimeout(() => this.host.show(startsInText(left)), at));
    }
    this.timers.push(setTimeout(() => this.timeUp(), afterMs));
  }

  /** Camera or model news: a waiting run starts once they are ready. */
  headChanged(): void {
    if (this.state === 'waiting' && this.host.ready()) this.begin();
  }

  /** Quietly drops the countdown and its notice (the screen closes, or the player records). */
  disarm(): void {
    this.stopListening();
    if (this.state !== 'idle') this.host.show(null);
    this.state = 'idle';
  }

  /** Hides a "cancelled" notice too. */
  dismiss(): void {
    this.disarm();
    this.host.show(null);
  }

  private timeUp(): void {
    this.timers = [];
    if (this.host.ready()) {
      this.begin();
    } else {
      this.state = 'waiting';
      this.host.show(WAITING_TEXT);
    }
  }

  private begin(): void {
    this.disarm();
    this.host.start();
  }

  private readonly onGesture = (event: Event): void => {
    // A key held down since before the screen opened repeats: that is not an answer.
    if ((event as Partial<KeyboardEvent>).repeat === true) return;
    this.stopListening();
    this.state = 'idle';
    this.host.show(CANCELLED_NOTICE);
    this.host.announce(CANCELLED_NOTICE);
    this.cues.stop();
  };

  private stopListening(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.target.removeEventListener('keydown', this.onGesture, true);
    this.target.removeEventListener('pointerdown', this.onGesture, true);
  }
}
