/**
 * From one guess per camera frame to steering the hero: a pose becomes a request only when
 * most of the recent frames agree on it with enough confidence, and once it is held a few
 * stray frames do not drop it (hysteresis), so a held pose neither flickers nor repeats.
 *
 * Output is edge-triggered: `update` returns a Direction on the one frame a direction becomes
 * held, and null otherwise. Neutral ("keep going") and unsure frames never request anything;
 * the input hub keeps the last request, as an arcade joystick would.
 */
import type { Direction } from '../../game/direction';
import { directionOfPose, POSES, perPose, type Pose } from '../poses';

export interface SmootherSettings {
  /** How many of the most recent frames vote. */
  readonly windowFrames: number;
  /** Frames in the window that must show a new pose (confidently) before it is taken. */
  readonly framesToStart: number;
  /**
   * A held pose stays held while at least this many window frames still show it. Fewer than
   * framesToStart: that gap is the hysteresis.
   */
  readonly framesToKeep: number;
  /** A frame counts for its pose only with at least this confidence (share of knn votes). */
  readonly minConfidence: number;
  /**
   * A run of `sureFrames` frames in a row, each at least `sureConfidence` sure of the same
   * pose, takes that pose at once from straight ahead, without waiting for framesToStart.
   * Absent: no shortcut.
   */
  readonly sureConfidence?: number;
  readonly sureFrames?: number;
}

export interface FramePose {
  readonly pose: Pose;
  /** Confidence of `pose` in [0, 1]. */
  readonly confidence: number;
}

/** Why a settings object cannot work, or null when it can. */
export function smootherSettingsProblem(settings: SmootherSettings): string | null {
  const { windowFrames, framesToStart, framesToKeep, minConfidence } = settings;
  if (!Number.isInteger(windowFrames) || windowFrames < 1) return 'windowFrames must be >= 1';
  // More than half the window: two different poses can never both qualify at once.
  if (
    !Number.isInteger(framesToStart) ||
    framesToStart * 2 <= windowFrames ||
    framesToStart > windowFrames
  ) {
    return 'framesToStart must be more than half of windowFrames and at most windowFrames';
  }
  if (!Number.isInteger(framesToKeep) || framesToKeep < 1 || framesToKeep > framesToStart) {
    return 'framesToKeep must be between 1 and framesToStart';
  }
  if (!(minConfidence >= 0 && minConfidence <= 1)) return 'minConfidence must be in [0, 1]';
  const { sureConfidence, sureFrames } = settings;
  if ((sureConfidence === undefined) !== (sureFrames === undefined)) {
    return 'sureConfidence and sureFrames come together';
  }
  if (sureConfidence !== undefined && !(sureConfidence >= minConfidence && sureConfidence <= 1)) {
    return 'sureConfidence must be in [minConfidence, 1]';
  }
  if (
    sureFrames !== undefined &&
    !(Number.isInteger(sureFrames) && sureFrames >= 1 && sureFrames <= framesToStart)
  ) {
    return 'sureFrames must be between 1 and framesToStart';
  }
  return null;
}

export class PoseSmoother {
  /** Recent frames, oldest first; null for a frame too unsure to count. */
  private readonly recent: Array<Pose | null> = [];
  private held: Pose | null = null;
  /** The latest frames' pose while each was at least sureConfidence sure, and how many. */
  private sureRun: { pose: Pose; frames: number } | null = null;

  constructor(readonly settings: SmootherSettings) {
    const problem = smootherSettingsProblem(settings);
    if (problem !== null) throw new Error(`bad smoother settings: ${problem}`);
  }

  /** The pose currently in force (neutral included), or null while undecided. */
  get heldPose(): Pose | null {
    return this.held;
  }

  /** Take one frame's guess; returns a direction to request now, or null for "no new request". */
  update(frame: FramePose): Direction | null {
    const { windowFrames, framesToStart, framesToKeep, minConfidence } = this.settings;
    this.recent.push(frame.confidence >= minConfidence ? frame.pose : null);
    if (this.recent.length > windowFrames) this.recent.shift();

    const votes = perPose(() => 0);
    for (const pose of this.recent) if (pose !== null) votes[pose]++;

    const sure = this.sureRunAfter(frame);
    // Only from straight ahead (or nothing held): a held turn or start pose keeps its
    // hysteresis, so two odd frames cannot break a 1-second hold on a menu.
    const fromStraight = this.held === null || this.held === 'neutral';
    if (sure !== null && sure !== this.held && fromStraight) {
      // Taken on the sure run alone: the window forgets the frames before it, or the pose
      // they showed would take over again at once.
      this.recent.splice(0, this.recent.length - (this.sureRun?.frames ?? 0));
      this.held = sure;
      return directionOfPose(sure);
    }
    const challenger = POSES.find((pose) => pose !== this.held && votes[pose] >= framesToStart);
    if (challenger !== undefined) {
      this.held = challenger;
      return directionOfPose(challenger);
    }
    if (this.held !== null && votes[this.held] < framesToKeep) this.held = null;
    return null;
  }

  /** The pose of a long enough run of sure frames ending with `frame`, or null. */
  private sureRunAfter(frame: FramePose): Pose | null {
    const { sureConfidence, sureFrames } = this.settings;
    if (sureConfidence === undefined || sureFrames === undefined) return null;
    if (frame.confidence < sureConfidence) {
      this.sureRun = null;
      return null;
    }
    this.sureRun =
      this.sureRun?.pose === frame.pose
        ? { pose: frame.pose, frames: this.sureRun.frames + 1 }
        : { pose: frame.pose, frames: 1 };
    return this.sureRun.frames >= sureFrames ? frame.pose : null;
  }

  /** Forget everything, e.g. when play pauses or the camera restarts. */
  reset(): void {
    this.recent.length = 0;
    this.held = null;
    this.sureRun = null;
  }
}
