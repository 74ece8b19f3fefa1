/**
 * The hands-free countdown, big enough to be read from the corner of an eye: a digit half the
 * screen high over everything, with the pose's name under it, then a red dot and a red tint
 * over the whole screen while the pose is recorded. It lets taps through, and is hidden from
 * screen readers (the screen's announcer or the voice cue says the same).
 *
 * While straight ahead is recorded the dot travels round the screen and the player follows it
 * with their eyes: a player's head is never quite still while watching the game, and straight
 * shots taken at one spot read a head that looks at a corner of the maze as turned (measured
 * in tools/real-day.ts: 2.6 wrong turns a minute with 30-degree turns, against 0.2 with the
 * straight shots of a look round the screen).
 */
import type { Pose } from '../../vision/poses';
import { make } from './dom';
import { POSE_WORDS } from './poseArt';

export class BigCountdown {
  readonly element: HTMLElement;
  private readonly digit: HTMLElement;
  private readonly caption: HTMLElement;

  constructor(doc: Document) {
    this.element = make(doc, 'div', 'cal-big-countdown');
    this.element.dataset.testid = 'big-countdown';
    this.element.setAttribute('aria-hidden', 'true');
    this.element.hidden = true;
    this.digit = make(doc, 'div', 'cal-big-digit');
    this.caption = make(doc, 'div', 'cal-big-caption');
    this.element.append(this.digit, this.caption);
  }

  /** A digit (3, 2, 1), '●' while recording, '' to hide; `pose`: the one asked for. */
  show(text: string, pose: Pose | null): void {
    const recording = text === '●';
    const name = pose === null ? '' : POSE_WORDS[pose].name;
    this.element.hidden = text === '';
    // Which pose is asked for, readable without parsing words (a camera that follows it).
    this.element.dataset.pose = pose ?? '';
    this.element.classList.toggle('is-recording', recording);
    this.digit.textContent = text;
    this.element.classList.toggle('is-looking-round', recording && pose === 'neutral');
    this.caption.textContent = !recording
      ? name
      : pose === 'neutral'
        ? 'Follow the dot'
        : `Hold: ${name}`;
  }
}
