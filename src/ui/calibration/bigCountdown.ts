/**
 * The hands-free countdown, big enough to be read from the corner of an eye: a digit half the
 * screen high over everything, with the pose's name under it, then a red dot and a red tint
 * over the whole screen while the pose is recorded. It lets taps through, and is hidden from
 * screen readers (the screen's announcer or the voice cue says the same).
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
    this.caption.textContent = recording ? `Hold: ${name}` : name;
  }
}
