/**
 * Calibrations in a plane, for the similarity tests: every vector is a unit vector at an
 * angle, so the cosine similarity of two is the cosine of the angle between them and each
 * expected number can be worked out by hand.
 */
import { emptySamples, type PoseSamples } from '../../../../../src/vision/poseSamples';

export function at(degrees: number): Float32Array {
  const r = (degrees * Math.PI) / 180;
  return new Float32Array([Math.cos(r), Math.sin(r)]);
}

export const cosDegrees = (degrees: number): number => Math.cos((degrees * Math.PI) / 180);

/**
 * Shots 0-1 neutral at 0 and 10 degrees, 2-3 left at 60 and 70, 4 right at -65; each with
 * its mirror image at minus the angle, which shows the mirrored pose (left <-> right).
 *
 * Leave-one-out, nearest own pose vs nearest other pose:
 *   shot 0 (neutral 0):  neutral 10       vs left 60 / right -60 -> cos10 - cos60
 *   shot 1 (neutral 10): neutral 0        vs left 60             -> cos10 - cos50
 *   shot 2 (left 60):    left 65 (mirror) vs neutral 10          -> cos5  - cos50
 *   shot 3 (left 70):    left 65 (mirror) vs neutral 10          -> cos5  - cos60
 *   shot 4 (right -65):  right -60, -70   vs neutral -10         -> cos5  - cos55
 * and nearest similarities cos10, cos10, cos5, cos5, cos5.
 */
export function threePoses(): PoseSamples {
  return {
    ...emptySamples(),
    neutral: [
      { features: at(0), mirrored: at(0) },
      { features: at(10), mirrored: at(-10) },
    ],
    left: [
      { features: at(60), mirrored: at(-60) },
      { features: at(70), mirrored: at(-70) },
    ],
    right: [{ features: at(-65), mirrored: at(65) }],
  };
}
