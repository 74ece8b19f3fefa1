/**
 * The touch-up itself: each pose recorded once more, hands-free (3-2-1, hold 2 s, next pose;
 * the calibration screen's HandsFreeRun), shown by the big countdown and heard through the
 * cues, so a player who cannot use their hands follows it while looking away.
 *
 * Each pose's burst is checked when its recording ends (engine/classifier/burstCheck.ts, against
 * the shots from before the touch-up): a burst with no face, or one the calibration reads as
 * another pose, is dropped, the player is told which pose and why (the announcer, and the big
 * countdown's caption: "Up again: it looked like Neutral") and that pose is asked for again first,
 * at most BURST_RETRIES times; after that the touch-up goes on without it (its old shots stay).
 * `keptAny` tells whether any burst joined the calibration.
 */
import type { HeadControl } from '../../vision/headControl';
import type { TouchUpBursts } from '../../vision/calibration/touchUpBursts';
import { BURST_RETRIES, type BurstVerdict } from '../../vision/engine/classifier/burstCheck';
import { POSES, perPose, type Pose } from '../../vision/poses';
import { BigCountdown } from '../calibration/bigCountdown';
import type { HandsFreeCues } from '../calibration/handsFreeCues';
import { HandsFreeRun } from '../calibration/handsFreeRun';
import { HANDS_FREE_MAX_COUNTDOWNS } from '../calibration/handsFreeTiming';
import { POSE_WORDS } from '../calibration/poseArt';

export type TouchUpHead = Pick<HeadControl, 'headState' | 'counts' | 'stopRecording'> & {
  readonly bursts: Pick<TouchUpBursts, 'start' | 'judge' | 'drop'>;
};

/** Why a burst was not kept, in a few words ("no face seen", "it looked like Neutral"). */
export function whyNotKept(verdict: BurstVerdict): string {
  if (verdict.reason === 'no-face') return 'no face seen';
  return verdict.lookedLike === null
    ? 'it did not look like it'
    : `it looked like ${POSE_WORDS[verdict.lookedLike].name}`;
}

export class TouchUpRun {
  private readonly countdown: BigCountdown;
  private readonly announcer: HTMLElement;
  private readonly run: HandsFreeRun;
  private queue: Pose[] = [];
  private done: ((completed: boolean) => void) | null = null;
  /** The pose being recorded (or last recorded). */
  private current: Pose | null = null;
  /** Each pose's shots when the touch-up began: bursts are compared with those only. */
  private before: Record<Pose, number> = perPose(() => 0);
  private retries: Record<Pose, number> = perPose(() => 0);
  /** "Up again: it looked like Neutral", shown and said with that pose's next countdown. */
  private again: { pose: Pose; words: string } | null = null;
  private kept = 0;
  /** Recordings so far: the run gives up after HANDS_FREE_MAX_COUNTDOWNS. */
  private recordings = 0;

  constructor(
    doc: Document,
    private readonly head: TouchUpHead,
    cues: HandsFreeCues,
  ) {
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
          this.current = pose;
          this.recordings++;
          head.bursts.start(pose);
        },
        recorded: () => {
          head.stopRecording();
          if (this.current !== null) this.check(this.current);
        },
        mayGoOn: () => {
          // A camera or model that failed ends the touch-up (the run just stops).
          const ok = head.headState.kind === 'on';
          if (!ok) queueMicrotask(() => this.finish(false));
          return ok;
        },
        finished: () => this.finish(true),
        display: (text, pose) => this.display(text, pose),
        announce: (text) => this.announce(text),
      },
      cues,
    );
  }

  get running(): boolean {
    return this.done !== null;
  }

  /** Whether a burst of this (or the last) touch-up joined the calibration. */
  get keptAny(): boolean {
    return this.kept > 0;
  }

  /** Record every pose once; `done(true)` after the last, `done(false)` if it stopped early. */
  start(done: (completed: boolean) => void): void {
    this.cancel();
    this.queue = [...POSES];
    this.before = this.head.counts();
    this.retries = perPose(() => 0);
    this.again = null;
    this.kept = 0;
    this.recordings = 0;
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

  /** The burst of `pose` just recorded: kept, or dropped and asked for again (or given up). */
  private check(pose: Pose): void {
    const verdict = this.head.bursts.judge(pose, this.before);
    if (verdict.kept) {
      this.kept++;
      return;
    }
    this.head.bursts.drop(pose);
    const name = POSE_WORDS[pose].name;
    const why = whyNotKept(verdict);
    // Asked again only while the run has countdowns left for it and every pose still queued.
    const room = HANDS_FREE_MAX_COUNTDOWNS - this.recordings - this.queue.length;
    if (this.retries[pose] < BURST_RETRIES && room > 0) {
      this.retries[pose]++;
      this.queue.unshift(pose);
      this.again = { pose, words: `${name} again: ${why}` };
      this.announcer.textContent = `${this.again.words}.`;
    } else {
      this.announcer.textContent = `${name} not kept: ${why}. Going on without it.`;
    }
  }

  /** The countdown; a pose asked for again says why in the caption until it is recorded. */
  private display(text: string, pose: Pose | null): void {
    this.countdown.show(text, pose);
    const again = this.again;
    if (again === null || pose !== again.pose) return;
    if (text === '●') {
      this.again = null;
      return;
    }
    // The caption is BigCountdown's (the pose's name): the reason replaces it while counting.
    const caption = this.countdown.element.querySelector('.cal-big-caption');
    if (caption !== null) caption.textContent = again.words;
  }

  /** What a screen reader hears: a pose asked for again says why first. */
  private announce(text: string): void {
    const again = this.again;
    const first = again !== null && text.startsWith(`${POSE_WORDS[again.pose].name} in `);
    this.announcer.textContent = first ? `${again.words}. ${text}` : text;
  }

  private finish(completed: boolean): void {
    const done = this.done;
    this.done = null;
    this.queue = [];
    this.again = null;
    this.current = null;
    this.countdown.show('', null);
    done?.(completed);
  }
}
