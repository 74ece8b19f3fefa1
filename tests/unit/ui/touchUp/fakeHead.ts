/** A head for the touch-up's tests: records what it is asked, judges bursts as scripted. */
import type { FitHead } from '../../../../src/ui/touchUp/touchUp';
import type { BurstVerdict } from '../../../../src/vision/engine/classifier/burstCheck';
import type { HeadState } from '../../../../src/vision/headStatus';
import { perPose, type Pose } from '../../../../src/vision/poses';

export function verdict(
  kept: boolean,
  reason: BurstVerdict['reason'] = kept ? null : 'other-pose',
  lookedLike: Pose | null = kept ? null : 'neutral',
): BurstVerdict {
  return {
    kept,
    reason,
    shots: reason === 'no-face' ? 0 : 20,
    readAs: perPose(() => 0),
    lookedLike,
  };
}

export class FakeHead implements FitHead {
  headState: HeadState = {
    kind: 'on',
    backend: 'wasm',
    faceSeen: true,
    finderProblem: null,
    meshProblem: null,
    calibrationFits: true,
  };
  calibrationFits = true;
  readonly log: string[] = [];
  /** How each burst is judged: by pose and try (0, 1, 2); kept by default. */
  judge: (pose: Pose, attempt: number) => BurstVerdict = () => verdict(true);
  /** The `touchUpFrom` each judgement was given. */
  readonly judgedWith: Array<Record<Pose, number> | undefined> = [];
  private readonly tries = perPose(() => 0);
  private readonly listeners = new Set<() => void>();

  counts(): Record<Pose, number> {
    return perPose(() => 5);
  }
  stopRecording(): void {
    this.log.push('stop');
  }
  /** The touch-up's bursts: records what it is asked, judges as scripted. */
  readonly bursts = {
    start: (pose: Pose): boolean => {
      this.log.push(`record ${pose}`);
      return true;
    },
    judge: (pose: Pose, touchUpFrom?: Readonly<Record<Pose, number>>): BurstVerdict => {
      this.judgedWith.push(touchUpFrom === undefined ? undefined : { ...touchUpFrom });
      return this.judge(pose, this.tries[pose]++);
    },
    drop: (pose: Pose): void => {
      this.log.push(`drop ${pose}`);
    },
  };
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** The calibration fits, or not, as head control would say. */
  setFits(fits: boolean): void {
    this.calibrationFits = fits;
    for (const listener of this.listeners) listener();
  }
}
