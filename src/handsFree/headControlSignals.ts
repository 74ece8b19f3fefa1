/**
 * Head control (src/vision/headControl.ts) seen as HeadSignals. It steers in the 'on' state;
 * its held pose is the smoother's; `faceSeen` is false once its face finder has seen no face
 * for FACE_LOST_MS (steering/faceWatch.ts).
 */
import type { Pose } from '../vision/poses';
import type { HeadSignals } from './headSignals';

/** The part of HeadControl this adapter reads (a fake in unit tests). */
export interface HeadControlView {
  readonly headState: { readonly kind: string };
  readonly smoothedPose: Pose | null;
  onChange(listener: () => void): () => void;
  onPrediction(listener: (prediction: unknown) => void): () => void;
  /** False once the camera has shown no face for a while. */
  readonly faceSeen: boolean;
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
      return steering() ? head.faceSeen : true;
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
