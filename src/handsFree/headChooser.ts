/**
 * Choosing from a list with the head alone (menu, settings, game over, pause): one choice is
 * highlighted; each time the player turns to one of the two navigation poses the highlight
 * moves one step (wrapping round, so both ways reach everything), and holding the start pose
 * for the player's hold time (1 s unless chosen) chooses the highlighted choice (DwellTimer). Keys, the d-pad and focus move
 * the same highlight through `highlight`/`move`, so every input agrees on what is chosen.
 */
import type { Pose } from '../vision/poses';
import { DwellTimer } from './dwellTimer';
import { navigationPoses, type StartPose } from './startPose';

export interface HeadChooserOptions {
  readonly count: number;
  readonly startPose: StartPose;
  /** The choice highlighted first. */
  readonly initial?: number;
  /** A hold of its own; without it, the player's hold time (holdTime.ts). */
  readonly holdMs?: number;
  /**
   * Choices the head skips (the head can neither move to them nor choose them): turning head
   * control off by head would leave a head-only player with no way back.
   */
  readonly byHead?: (index: number) => boolean;
}

export class HeadChooser {
  private index: number;
  private startPose: StartPose;
  /**
   * The pose seen last; undefined before the first look. A turn already held when the choices
   * appear is where the player starts from, not a step: the tail of a hands-free "left"
   * recording, read as left once the check's choices came up, moved Play to Menu.
   */
  private lastPose: Pose | null | undefined = undefined;
  private readonly dwell: DwellTimer;
  private readonly byHead: (index: number) => boolean;

  constructor(private readonly options: HeadChooserOptions) {
    if (!(options.count > 0)) throw new Error('HeadChooser needs at least one choice');
    this.index = clampIndex(options.initial ?? 0, options.count);
    this.startPose = options.startPose;
    this.dwell = new DwellTimer(options.holdMs);
    this.byHead = options.byHead ?? (() => true);
  }

  get highlighted(): number {
    return this.index;
  }

  /** The dwell fill on the highlighted choice, 0 to 1. */
  get fill(): number {
    return this.dwell.fill;
  }

  get pose(): StartPose {
    return this.startPose;
  }

  /** A new start pose (settings): the navigation pair follows; a let-go is needed first. */
  setStartPose(pose: StartPose): void {
    if (pose === this.startPose) return;
    this.startPose = pose;
    this.dwell.empty(true);
  }

  /** Highlight choice `index` (keys, focus, a pointer); the dwell starts over. */
  highlight(index: number): void {
    const next = clampIndex(index, this.options.count);
    if (next === this.index) return;
    this.index = next;
    this.dwell.empty();
  }

  /** Move the highlight `by` steps, wrapping round. */
  move(by: number, skipNotByHead = false): void {
    const count = this.options.count;
    let next = this.index;
    for (let tries = 0; tries < count; tries++) {
      next = (((next + by) % count) + count) % count;
      if (!skipNotByHead || this.byHead(next)) break;
    }
    this.highlight(next);
  }

  /**
   * One look at the head at time `now` (its held pose, null when there is none): moves the
   * highlight on a new navigation pose; returns the chosen index when the dwell completes.
   */
  update(pose: Pose | null, now: number): number | null {
    const turnedTo = this.lastPose !== undefined && pose !== this.lastPose ? pose : null;
    this.lastPose = pose;
    const { previous, next } = navigationPoses(this.startPose);
    if (turnedTo === previous) this.move(-1, true);
    else if (turnedTo === next) this.move(1, true);
    const reachable = this.byHead(this.index);
    const chosen = this.dwell.update(reachable && pose === this.startPose, now);
    return chosen ? this.index : null;
  }
}

function clampIndex(index: number, count: number): number {
  if (!Number.isInteger(index)) return 0;
  return Math.min(count - 1, Math.max(0, index));
}
