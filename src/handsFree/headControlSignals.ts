/**
 * Head control (src/vision/headControl.ts) seen as HeadSignals. It steers in the 'on' state;
 * its held pose is the smoother's. Head control has no face detector yet, so `faceSeen` is
 * true whenever it steers: the face-gone pause then never fires. When a face signal arrives,
 * this is the one place that reads it (see the hands-free notes in README).
 */
import type { Pose } from '../vision/poses';
import type { HeadSignals } from './headSignals';

/** The part of HeadControl this adapter reads (a fake in unit tests). */
export interface HeadControlView {
  readonly headState: { readonly kind: string };
  readonly smoothedPose: Pose | null;
  onChange(listener: () => void): () => void;
  onPrediction(listener: (prediction: unknown) => void): () => void;
  /** When head control learns to see faces: false while the camera shows none. */
  readonly faceSeen?: boolean;
}

export function headSignalsOf(head: HeadControlView): HeadSignals {
  const steering = (): boolean => head.headState.kind === 'on';
  return {
    get steering() {
      return steering();
    },
    get pose() {
      return steering() ? head.smoothedPose : null;
    },
    get faceSeen() {
      return steering() ? (head.faceSeen ?? true) : true;
    },
    onChange(listener) {
      // The held pose changes with predictions; the state with everything else.
      const offState = head.onChange(listener);
      const offPose = head.onPrediction(() => listener());
      return () => {
        offState();
        offPose();
      };
    },
  };
}
