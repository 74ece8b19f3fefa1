/**
 * The hands-free run (a phone propped up, out of reach): one tap starts a 3-2-1 countdown that
 * records the current pose for 2 seconds, then counts down for the next pose that needs shots,
 * until every pose has enough; nothing more to touch. It owns only the timing: the screen (its
 * host) records, shows the countdown and speaks for screen readers, and the cues say each step
 * aloud (or play it) for a player who is not looking. No DOM here.
 *
 * Each step is heard once. When the cue said it aloud (voice cues on, a voice on this device,
 * sound on), the step is not announced: the screen's announcer is an assertive live region,
 * and a screen reader would say the step again over the voice. A polite announcement would not
 * help: it is still said, only later, and a "2" heard when the countdown is at "1" misleads.
 * When the cue was a tone or nothing (voice cues off, no voice, sound muted), the announcer
 * says every step. A braille reader who wants the steps on the display turns voice cues off.
 */
import type { Pose } from '../../vision/poses';
import { SILENT_CUES, type HandsFreeCues } from './handsFreeCues';
import { POSE_WORDS } from './poseArt';
import {
  COUNTDOWN_SECONDS,
  HANDS_FREE_MAX_COUNTDOWNS,
  HANDS_FREE_RECORD_MS,
} from './handsFreeTiming';

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
  /**
   * Every pose has enough shots: on to the live test. `saidAloud`: the cues' voice already
   * said so (do not announce it again).
   */
  finished(saidAloud: boolean): void;
  /** What the countdown shows: a digit, '●' while recording, '' for nothing; for `pose`. */
  display(text: string, pose: Pose | null): void;
  /** What a screen reader hears: each step the cues did not say aloud. */
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
    /** Shows `text`, gives the cue, and announces `words` unless the cue said them aloud. */
    const step = (text: string, words: string, cue: () => boolean): void => {
      host.display(text, text === '' ? null : pose);
      if (!cue()) host.announce(words);
    };
    const name = POSE_WORDS[pose].name;
    const timers: ReturnType<typeof setTimeout>[] = [];
    for (let i = 0; i < COUNTDOWN_SECONDS; i++) {
      const n = COUNTDOWN_SECONDS - i;
      const words = i === 0 ? `${name} in ${n}` : String(n);
      timers.push(
        setTimeout(() => step(String(n), words, () => cues.countdown(pose, n)), i * 1000),
      );
    }
    timers.push(
      setTimeout(() => {
        step('●', `Recording ${name}`, () => cues.turnNow(pose));
        host.record(pose);
      }, COUNTDOWN_SECONDS * 1000),
    );
    timers.push(
      setTimeout(
        () => {
          step('', `${name} recorded`, () => cues.done(pose));
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
      if (next === null) this.host.finished(this.cues.finished());
      return;
    }
    this.countDown(next);
  }
}
