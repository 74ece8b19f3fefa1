/** Made-up feature vectors for unit tests: clusters per pose, reproducible from a seed. */
import { POSES, perPose, type Pose } from '../../../src/vision/poses';
import { mulberry32 } from '../../../src/game/random';
import type { PoseSample, PoseSamples } from '../../../src/vision/poseSamples';

/** Reproducible randomness for made-up vectors: the game's own seeded generator. */
export const seeded = mulberry32;

/** Each pose points mostly along its own axis (0..4), plus positive noise, like ReLU maps. */
export function vectorNear(
  pose: Pose,
  random: () => number,
  length = 16,
  noise = 0.3,
): Float32Array {
  const vector = new Float32Array(length);
  for (let i = 0; i < length; i++) vector[i] = random() * noise;
  vector[POSES.indexOf(pose)] = (vector[POSES.indexOf(pose)] ?? 0) + 1;
  return vector;
}

export function clusteredSamples(perPoseCount: number, seed = 1, length = 16): PoseSamples {
  const random = seeded(seed);
  return perPose((pose) =>
    Array.from({ length: perPoseCount }, (): PoseSample => ({
      features: vectorNear(pose, random, length),
      mirrored: null,
    })),
  );
}

/** True when two vectors hold exactly the same bits (NaN payloads and -0 included). */
export function sameBits(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  return x.every((value, i) => value === y[i]);
}
