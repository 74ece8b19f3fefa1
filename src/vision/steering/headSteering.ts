/**
 * From the engine's per-frame answers to the hero: the smoother decides when a pose is held
 * (smoother.ts), the 'head' input source passes the requests to the game's InputHub
 * (headSource.ts), the face watch says whether the player's face is seen (faceWatch.ts), and
 * the held pose is shown in the live region (`head-pose`, 'none' while no face is seen).
 *
 * No face is its own answer, not a pose: nothing is requested, so the hero keeps its last
 * request; once the face has been missing for a while the held pose is let go.
 */
import type { Direction } from '../../game/direction';
import type { InputHub } from '../../input/inputHub';
import type { HeadFrameView } from '../headView';
import { NO_FRAME_YET } from '../headView';
import type { HeadAngles } from '../engine/features/faceMesh/headAngles';
import type { FrameResult } from '../link/headProtocol';
import { directionOfPose, type Pose } from '../poses';
import { FaceWatch, type FaceSight } from './faceWatch';
import { FAR_FROM_THE_SHOTS, FitWatch, STEERING_IN_TROUBLE, troubleIn } from './fitWatch';
import { HeadSource } from './headSource';
import { PoseSmoother } from './smoother';
import { SMOOTHER_SETTINGS } from './smootherSettings';

/** A head that moved less than this (3 degrees) between two predictions held still. */
export const STILL_RADIANS = (3 * Math.PI) / 180;

/** Where the live values go (the page's LiveRegion). */
export interface HeadLiveSink {
  set(field: 'head-status' | 'head-pose', value: string): void;
}

export class HeadSteering {
  private readonly smoother = new PoseSmoother(SMOOTHER_SETTINGS);
  private readonly source = new HeadSource();
  private readonly faces = new FaceWatch();
  /** While the head's angles are measured: do the picture and the angles disagree? */
  private readonly trouble = new FitWatch(STEERING_IN_TROUBLE);
  /** Without them: are the frames far from every shot? */
  private readonly far = new FitWatch(FAR_FROM_THE_SHOTS);
  private view: HeadFrameView = NO_FRAME_YET;
  /** The head's angles in the frame before (null: none measured). */
  private lastAngles: HeadAngles | null = null;

  constructor(
    private readonly hub: InputHub,
    private readonly live: HeadLiveSink,
  ) {}

  /** The pose in force (neutral included), or null while undecided. */
  get heldPose(): Pose | null {
    return this.smoother.heldPose;
  }

  get sight(): FaceSight {
    return this.faces.state;
  }

  /** False once steering is in trouble with these shots (fitWatch.ts): offer a touch-up. */
  get calibrationFits(): boolean {
    return this.trouble.fits && this.far.fits;
  }

  /** The latest frame, as the head indicator shows it. */
  get frameView(): HeadFrameView {
    return this.view;
  }

  /**
   * One frame's answer (not a recorded shot) of a width x height frame at `now` (ms).
   * Returns true when the face went from seen to lost or back, or the calibration stopped or
   * started fitting (the state's words change).
   */
  frame(result: FrameResult, width: number, height: number, now: number): boolean {
    const sightChanged =
      result.framing === 'centre'
        ? this.forgetSight()
        : this.faces.frame(result.framing === 'face', now);
    if (sightChanged && this.faces.state === 'lost') this.letGo();
    const prediction = result.prediction;
    const fitChanged =
      prediction !== null &&
      (result.angles !== null
        ? this.trouble.frame(this.heldStill(result.angles) ? troubleIn(prediction) : 0)
        : this.far.frame(prediction.far));
    this.lastAngles = result.angles;
    if (prediction !== null) {
      const request = this.smoother.update({
        pose: prediction.pose,
        confidence: prediction.confidence,
      });
      const held = this.smoother.heldPose;
      const heldDirection: Direction | null = held === null ? null : directionOfPose(held);
      this.source.update(request, heldDirection);
    }
    const held = this.faces.state === 'lost' ? null : this.smoother.heldPose;
    this.live.set('head-pose', held ?? 'none');
    this.view = {
      face: result.face,
      outline: result.outline,
      angles: result.angles,
      frameWidth: width,
      frameHeight: height,
      sight: this.faces.state,
      pose: held,
      // How sure the latest frame is of the pose acted on (0 when it saw another pose).
      confidence:
        held === null || prediction === null
          ? null
          : prediction.pose === held
            ? prediction.confidence
            : 0,
      finder: result.framing === 'centre' ? 'centre' : 'face',
    };
    return sightChanged || fitChanged;
  }

  /** The shots changed: the calibration is judged afresh. Returns true if that changed `calibrationFits`. */
  judgeFitAfresh(): boolean {
    const trouble = this.trouble.reset();
    const far = this.far.reset();
    return trouble || far;
  }

  /**
   * The head held still since the frame before: a disagreement between the picture and the
   * angles counts as trouble only then. While the head turns, the frames between two poses
   * disagree by nature (the picture already names the turn the angles have not reached), and a
   * player who turns often would be told they are misread (a test clip of person01 turning every
   * second: 21-25 % of its predictions disagreed, nearly all mid-turn).
   */
  private heldStill(angles: HeadAngles): boolean {
    const before = this.lastAngles;
    if (before === null) return false;
    return (
      Math.abs(angles.yaw - before.yaw) < STILL_RADIANS &&
      Math.abs(angles.pitch - before.pitch) < STILL_RADIANS
    );
  }

  /** Forget the recent frames (recording ended: those frames were not play). */
  forgetFrames(): void {
    this.smoother.reset();
  }

  /** Forget the frames and let go of any held direction (camera stopped, shots changed). */
  letGo(): void {
    this.smoother.reset();
    this.source.release();
  }

  /** No frames for a while (camera paused or off): whether a face is seen is not known. */
  forgetSight(): boolean {
    const changed = this.faces.state !== 'unknown';
    this.faces.reset();
    return changed;
  }

  /** Steer the hero or not: the 'head' source joins or leaves the hub. */
  connect(on: boolean): void {
    const joined = this.hub.has(this.source.name);
    if (on && !joined) this.hub.add(this.source);
    if (!on && joined) this.hub.remove(this.source.name);
  }
}
