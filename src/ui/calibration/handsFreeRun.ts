/**
 * The hands-free run (a phone propped up, out of reach): one tap starts a 3-2-1 countdown that
 * records the current pose for 2 seconds, then counts down for the next pose that needs shots,
 * until every pose has enough; nothing more to touch. It owns only the timing: the screen (its
 * host) records, shows the countdown and speaks for screen readers, and the cues say each step
 * aloud (or play it) for a player who is not looking. No DOM here.
 */
import type { Pose } from '../../vision/poses';
import { SILENT_CUES, type HandsFreeCues } from './handsFreeCues';
import { POSE_WORDS } from './poseArt';

export const COUNTDOWN_SECONDS = 3;
export const HANDS_FREE_RECORD_MS = 2000;
/** A run gives up after this many countdowns (a camera that never delivers). */
export const HANDS_FREE_MAX_COUNTDOWNS = 15;

export interface HandsFreeHost {
  /** The next pose that needs shots, or null once every pose has enough. */
  nextPose(): Pose | null;
  /** A countdown for `pose` began: the guide goes to that pose. */
  countingDown(pose: Pose): void;
  /** The countdown reached zero: record `pose` now. */
  record(pose: Pose): void;
  /** The recording time is up: stop recording. */
  recorded(): void;
  /** False when the screen closed or the camera or model failed: the run stops. */
  mayGoOn(): boolean;
  /** Every pose has enough shots: on to the live test. */
  finished(): void;
  /** What the countdown shows: a digit, '●' while recording, '' for nothing; for `pose`. */
  display(text: string, pose: Pose | null): void;
  /** What a screen reader hears. */
  announce(text: string): void;
}

export class HandsFreeRun {
  private timers: ReturnType<typeof setTimeout>[] | null = null;
  /** Countdowns left in this run (0: none running). */
  private left = 0;

  constructor(
    private readonly host: HandsFreeHost,
    private readonly cues: HandsFreeCues = SILENT_CUES,
  ) {}

  /** A countdown (or its recording) is under way. */
  get running(): boolean {
    return this.timers !== null;
  }

  /** Starts a run with `pose`, then every pose that still needs shots. */
  start(pose: Pose): void {
    this.left = HANDS_FREE_MAX_COUNTDOWNS;
    this.countDown(pose);
  }

  /** Stops the run (a manual recording, Esc, Forget me); the big countdown clears. */
  cancel(): void {
    this.left = 0;
    if (this.timers === null) return;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = null;
    this.host.display('', null);
    this.cues.stop();
  }

  private countDown(pose: Pose): void {
    if (this.timers !== null) for (const timer of this.timers) clearTimeout(timer);
    const { host, cues } = this;
    host.display('', null);
    const show = (text: string, spoken: string): void => {
      host.display(text, text === '' ? null : pose);
      host.announce(spoken);
    };
    const name = POSE_WORDS[pose].name;
    const timers: ReturnType<typeof setTimeout>[] = [];
    for (let i = 0; i < COUNTDOWN_SECONDS; i++) {
      const n = COUNTDOWN_SECONDS - i;
      const spoken = i === 0 ? `${name} in ${n}` : String(n);
      timers.push(
        setTimeout(() => {
          show(String(n), spoken);
          cues.countdown(pose, n);
        }, i * 1000),
      );
    }
    timers.push(
      setTimeout(() => {
        show('●', `Recording ${name}`);
        cues.turnNow(pose);
        host.record(pose);
      }, COUNTDOWN_SECONDS * 1000),
    );
    timers.push(
      setTimeout(
        () => {
          show('', `${name} recorded`);
          cues.done(pose);
          this.timers = null;
          host.recorded();
          this.goOn();
        },
        COUNTDOWN_SECONDS * 1000 + HANDS_FREE_RECORD_MS,
      ),
    );
    this.timers = timers;
    host.countingDown(pose);
  }

  /** After a recording: count down for the next pose that needs shots, or stop. */
  private goOn(): void {
    if (this.left <= 0) return;
    this.left--;
    const next = this.host.nextPose();
    if (next === null || this.left === 0 || !this.host.mayGoOn()) {
      this.left = 0;
      if (next === null) {
        this.cues.finished();
        this.host.finished();
      }
      return;
    }
    this.countDown(next);
  }
}
