/**
 * From the engine's per-frame predictions to the hero: the smoother decides when a pose is
 * held (smoother.ts), the 'head' input source passes the requests to the game's InputHub
 * (headSource.ts), and the held pose is shown in the live region (`head-pose`).
 */
import type { Direction } from '../../game/direction';
import type { InputHub } from '../../input/inputHub';
import type { PosePrediction } from '../engine/poseClassifier';
import { directionOfPose, type Pose } from '../poses';
import { HeadSource } from './headSource';
import { PoseSmoother } from './smoother';
import { SMOOTHER_SETTINGS } from './smootherSettings';

/** Where the live values go (the page's LiveRegion). */
export interface HeadLiveSink {
  set(field: 'head-status' | 'head-pose', value: string): void;
}

export class HeadSteering {
  private readonly smoother = new PoseSmoother(SMOOTHER_SETTINGS);
  private readonly source = new HeadSource();

  constructor(
    private readonly hub: InputHub,
    private readonly live: HeadLiveSink,
  ) {}

  /** The pose in force (neutral included), or null while undecided. */
  get heldPose(): Pose | null {
    return this.smoother.heldPose;
  }

  /** One frame's prediction. */
  steer(prediction: PosePrediction): void {
    const request = this.smoother.update({
      pose: prediction.pose,
      confidence: prediction.confidences[prediction.pose],
    });
    const held = this.smoother.heldPose;
    const heldDirection: Direction | null = held === null ? null : directionOfPose(held);
    this.source.update(request, heldDirection);
    this.live.set('head-pose', held ?? 'none');
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

  /** Steer the hero or not: the 'head' source joins or leaves the hub. */
  connect(on: boolean): void {
    const joined = this.hub.has(this.source.name);
    if (on && !joined) this.hub.add(this.source);
    if (!on && joined) this.hub.remove(this.source.name);
  }
}
