/**
 * A player who does what the quality check asks (real-day `--tilt-further`): a turn the head's
 * angles cannot tell from their own straight ahead (src/vision/engine/classifier/likeStraight.ts)
 * is recorded again one Pointing'04 step bigger (tilts 15 -> 30 -> 60 -> 90 degrees, turns 15
 * degrees more), as the check's "tilt a little further" asks; every other pose as recorded.
 */
import { turnsLikeStraight } from '../../src/vision/engine/classifier/likeStraight';
import type { Pose } from '../../src/vision/poses';
import type { PoseSamples } from '../../src/vision/poseSamples';
import { calibrationPhoto, type Angles, type PlayCondition } from './playConditions';
import type { PosePhoto } from './pointing04';

const TILTS = [0, 15, 30, 60, 90];

/** One step further from straight, as Pointing'04 photographed it. */
function further({ yaw, pitch }: Angles, pose: Pose): Angles {
  if (pose === 'up' || pose === 'down') {
    const next = TILTS.find((tilt) => tilt > Math.abs(pitch)) ?? 90;
    return { yaw, pitch: Math.sign(pitch) * next };
  }
  return { yaw: Math.sign(yaw) * Math.min(90, Math.abs(yaw) + 15), pitch };
}

/** The shots once the turns like straight are recorded bigger, and which those were. */
export function tiltedFurther(
  condition: PlayCondition,
  person: string,
  photos: readonly PosePhoto[],
  vectors: readonly Float32Array[],
  usable: readonly boolean[],
  samples: PoseSamples,
  burst: number,
): { samples: PoseSamples; redone: Pose[] } {
  const redone = turnsLikeStraight(samples);
  if (redone.length === 0) return { samples, redone };
  const n = photos.length;
  const next = { ...samples };
  for (const pose of redone) {
    const held = condition.calibration[pose].map((angles) => further(angles, pose));
    const shots: PoseSamples[Pose][number][] = [];
    for (const angles of held) {
      const i = calibrationPhoto(photos, person, angles);
      if (!usable[i]) continue;
      const shot = {
        features: vectors[i] as Float32Array,
        mirrored: vectors[n + i] as Float32Array,
      };
      for (let b = 0; b < Math.max(2, Math.round(burst / held.length)); b++) shots.push(shot);
    }
    if (shots.length > 0) next[pose] = shots;
  }
  return { samples: next, redone };
}
