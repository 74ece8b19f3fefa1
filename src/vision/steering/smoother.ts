/**
 * From one guess per camera frame to steering the hero: a pose becomes a request only when
 * most of the recent frames agree on it with enough confidence, and once it is held a few
 * stray frames do not drop it (hysteresis), so a held pose neither flickers nor repeats.
 *
 * A sure reading need not wait for the window: from straight ahead, the confidences of the
 * latest frames showing one pose add up, and when they reach evidenceToTurn the pose is taken
 * at once (one very sure frame, or a few weaker ones).
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
   * Evidence: the confidences of the latest frames that show the same pose, added up (a frame
   * too unsure to count, below minConfidence, neither adds nor breaks the run; another pose
   * starts a new one). When the sum reaches this, the pose is taken at once from straight
   * ahead: one very sure frame turns the hero, weaker ones add up. Absent: no evidence rule.
   */
  readonly evidenceToTurn?: number;
  /**
   * From a held turn, evidence takes another pose (a turn, or straight) too once the run
   * covers at least this many frames (a player chaining turns, up then left, need not wait for
   * the window's 4 of 6). More than one: a single odd frame cannot break a held turn (a
   * 1-second hold on a menu). Absent: from a held turn only the window takes another pose.
   */
  readonly evidenceFramesFromTurn?: number;
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
  const { evidenceToTurn } = settings;
  if (evidenceToTurn !== undefined && !(evidenceToTurn >= minConfidence)) {
    return 'evidenceToTurn must be at least minConfidence';
  }
  const { evidenceFramesFromTurn: fromTurn } = settings;
  if (fromTurn !== undefined && !(Number.isInteger(fromTurn) && fromTurn >= 1)) {
    return 'evidenceFramesFromTurn must be a whole number of frames, at least 1';
  }
  return null;
}

export class PoseSmoother {
  /** Recent frames, oldest first; null for a frame too unsure to count. */
  private readonly recent: Array<Pose | null> = [];
  private held: Pose | null = null;
  /** The latest frames' pose and their confidences added up (see evidenceToTurn). */
  private evidence: { pose: Pose; sum: number; frames: number } | null = null;

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

    const sure = this.evidenceAfter(frame);
    if (sure !== null && sure !== this.held && this.evidenceMayTake()) {
      // Taken on the evidence alone: the window forgets the frames before it, or the pose
      // they showed would take over again at once.
      this.recent.splice(0, this.recent.length - (this.evidence?.frames ?? 0));
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

  /**
   * From straight ahead (or nothing held) evidence takes any pose. From a held turn it takes
   * any other pose, straight too, once the run is evidenceFramesFromTurn frames long, so one
   * odd frame cannot break a 1-second hold on a menu. The game does not use it: in play it
   * turned the hero at each flip of a misread straight head, with straight let in early or not
   * (smootherSettings.ts).
   */
  private evidenceMayTake(): boolean {
    if (this.held === null || this.held === 'neutral') return true;
    const frames = this.settings.evidenceFramesFromTurn;
    return frames !== undefined && (this.evidence?.frames ?? 0) >= frames;
  }

  /** The pose whose run of frames has gathered evidenceToTurn with `frame`, or null. */
  private evidenceAfter(frame: FramePose): Pose | null {
    const { evidenceToTurn, minConfidence } = this.settings;
    if (evidenceToTurn === undefined) return null;
    if (frame.confidence < minConfidence) return null;
    this.evidence =
      this.evidence?.pose === frame.pose
        ? {
            pose: frame.pose,
            sum: this.evidence.sum + frame.confidence,
            frames: this.evidence.frames + 1,
          }
        : { pose: frame.pose, sum: frame.confidence, frames: 1 };
    return this.evidence.sum >= evidenceToTurn ? frame.pose : null;
  }

  /** Forget everything, e.g. when play pauses or the camera restarts. */
  reset(): void {
    this.recent.length = 0;
    this.held = null;
    this.evidence = null;
  }
}
