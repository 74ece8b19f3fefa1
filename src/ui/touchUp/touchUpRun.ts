/**
 * The touch-up itself: each pose recorded once more, hands-free (3-2-1, hold 2 s, next pose;
 * the calibration screen's HandsFreeRun), shown by the big countdown and heard through the
 * cues, so a player who cannot use their hands follows it while looking away. The new shots
 * join the calibration; nothing is thrown away.
 */
import type { HeadControl } from '../../vision/headControl';
import { POSES, type Pose } from '../../vision/poses';
import { BigCountdown } from '../calibration/bigCountdown';
import type { HandsFreeCues } from '../calibration/handsFreeCues';
import { HandsFreeRun } from '../calibration/handsFreeRun';

export type TouchUpHead = Pick<HeadControl, 'headState' | 'startRecording' | 'stopRecording'>;

export class TouchUpRun {
  private readonly countdown: BigCountdown;
  private readonly announcer: HTMLElement;
  private readonly run: HandsFreeRun;
  private queue: Pose[] = [];
  private done: ((completed: boolean) => void) | null = null;

  constructor(doc: Document, head: TouchUpHead, cues: HandsFreeCues) {
    this.countdown = new BigCountdown(doc);
    this.countdown.element.classList.add('touch-up-countdown');
    this.countdown.element.dataset.testid = 'touch-up-countdown';
    this.announcer = doc.createElement('p');
    this.announcer.className = 'sr-only';
    this.announcer.setAttribute('aria-live', 'assertive');
    doc.body.append(this.countdown.element, this.announcer);
    this.run = new HandsFreeRun(
      {
        nextPose: () => this.queue[0] ?? null,
        countingDown: () => {},
        record: (pose) => {
          this.queue.shift();
          head.startRecording(pose);
        },
        recorded: () => head.stopRecording(),
        mayGoOn: () => {
          // A camera or model that failed ends the touch-up (the run just stops).
          const ok = head.headState.kind === 'on';
          if (!ok) queueMicrotask(() => this.finish(false));
          return ok;
        },
        finished: () => this.finish(true),
        display: (text, pose) => this.countdown.show(text, pose),
        announce: (text) => (this.announcer.textContent = text),
      },
      cues,
    );
  }

  get running(): boolean {
    return this.done !== null;
  }

  /** Record every pose once; `done(true)` after the last, `done(false)` if it stopped early. */
  start(done: (completed: boolean) => void): void {
    this.cancel();
    this.queue = [...POSES];
    this.done = done;
    this.announcer.textContent = 'Touch-up: each pose once more.';
    this.run.start(this.queue[0] as Pose);
  }

  /** Stop now (the player resumed by hand, or left the game). */
  cancel(): void {
    if (this.done === null) return;
    this.run.cancel();
    this.finish(false);
  }

  private finish(completed: boolean): void {
    const done = this.done;
    this.done = null;
    this.queue = [];
    this.countdown.show('', null);
    done?.(completed);
  }
}
