/**
 * The head's angles as the last three numbers of the feature vector (faceFeatures.ts):
 * ANGLE_WEIGHT x (yaw, pitch, roll) in radians, beside the unit-length picture and keypoint
 * parts. No scaling to unit length here: the size of the angles is what they say.
 *
 * Measured in the face-mesh study (tools/studies/measure-face-mesh.ts; calibrate on one Pointing'04
 * session, test on the other, mean % (worst person), N=1 / N=3 / N=all):
 *   today's features   80.3 (74.3)  85.6 (78.4)  92.2 (84.0)
 *   + angles x1        84.3 (79.0)  88.1 (81.4)  93.3 (84.0)
 *   + angles x2        86.2 (80.0)  89.1 (82.8)  93.9 (85.8)   <- chosen
 *   + angles x4        86.1 (79.1)  89.1 (83.1)  94.5 (86.8)
 * x4 reads 33 % of straight photos as a turn (x2: 26 %); wrong turns are kept down by the
 * angle gate (angleGate.ts), not by the weight.
 *
 * Without the face mesh (its model did not load) the angles are all zero: the classifier then
 * compares without them (poseClassifier.ts), and a shot recorded so says so by its zeros.
 *
 * At engine/'s top, not in features/: features/ writes the angles into the vector
 * (faceFeatures.ts), classifier/ reads them back out (poseClassifier.ts, splitSimilarity.ts).
 */
import type { HeadAngles } from './features/faceMesh/headAngles';

export const ANGLE_WEIGHT = 2;
export const ANGLE_FEATURE_LENGTH = 3;

/** The three numbers a vector ends with; zeros when the angles were not measured. */
export function angleFeatures(angles: HeadAngles | null): Float32Array {
  if (angles === null) return new Float32Array(ANGLE_FEATURE_LENGTH);
  return new Float32Array([
    ANGLE_WEIGHT * angles.yaw,
    ANGLE_WEIGHT * angles.pitch,
    ANGLE_WEIGHT * angles.roll,
  ]);
}

/** The angles a feature vector carries, or null when it was made without them. */
export function anglesOfVector(vector: Float32Array): HeadAngles | null {
  const at = vector.length - ANGLE_FEATURE_LENGTH;
  const yaw = vector[at] ?? 0;
  const pitch = vector[at + 1] ?? 0;
  const roll = vector[at + 2] ?? 0;
  if (at < 0 || (yaw === 0 && pitch === 0 && roll === 0)) return null;
  return { yaw: yaw / ANGLE_WEIGHT, pitch: pitch / ANGLE_WEIGHT, roll: roll / ANGLE_WEIGHT };
}

/** A copy of `vector` without its angles (zeros in their place): compared without them. */
export function withoutAngles(vector: Float32Array): Float32Array {
  const copy = new Float32Array(vector);
  copy.fill(0, Math.max(0, vector.length - ANGLE_FEATURE_LENGTH));
  return copy;
}
