import { describe, expect, it } from 'vitest';
import { headSignalsOf, type HeadControlView } from '../../../src/handsFree/headControlSignals';
import type { Pose } from '../../../src/vision/poses';

/** A stand-in for HeadControl's public face: a state kind, a held pose and its two events. */
class FakeHead implements HeadControlView {
  headState = { kind: 'off' };
  smoothedPose: Pose | null = null;
  faceSeen = true;
  readonly changes = new Set<() => void>();
  readonly predictions = new Set<(prediction: unknown) => void>();
  onChange(listener: () => void): () => void {
    this.changes.add(listener);
    return () => this.changes.delete(listener);
  }
  onPrediction(listener: (prediction: unknown) => void): () => void {
    this.predictions.add(listener);
    return () => this.predictions.delete(listener);
  }
}

describe('head control as HeadSignals', () => {
  it('steers only in the on state, and hides the pose otherwise', () => {
    const head = new FakeHead();
    const signals = headSignalsOf(head);
    head.smoothedPose = 'up';
    head.faceSeen = false;
    for (const kind of ['off', 'starting-camera', 'loading-model', 'needs-calibration', 'paused']) {
      head.headState = { kind };
      expect(signals.steering, kind).toBe(false);
      expect(signals.pose, kind).toBeNull();
      expect(signals.faceSeen, kind).toBe(true);
    }
    head.headState = { kind: 'on' };
    head.faceSeen = true;
    expect(signals.steering).toBe(true);
    expect(signals.pose).toBe('up');
  });

  it('follows head control’s face while it steers', () => {
    const head = new FakeHead();
    head.headState = { kind: 'on' };
    const signals = headSignalsOf(head);
    expect(signals.faceSeen).toBe(true);
    head.faceSeen = false;
    expect(signals.faceSeen).toBe(false);
  });

  it('tells its listener about state changes and predictions until unsubscribed', () => {
    const head = new FakeHead();
    const signals = headSignalsOf(head);
    let calls = 0;
    const off = signals.onChange(() => calls++);
    for (const listener of head.changes) listener();
    for (const listener of head.predictions) listener(null);
    expect(calls).toBe(2);
    off();
    expect(head.changes.size + head.predictions.size).toBe(0);
  });
});
