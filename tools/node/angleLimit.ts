/**
 * What the head's angles alone can tell, per person (real-day `--angle-limit`): each played
 * photo of series 2 read as the pose of the player's own calibration shot nearest to it in
 * yaw and pitch (degrees; straight ahead is a region, so shot by shot, not a mean). A photo
 * nearest another pose's shot is one the angles contradict: its label (where Pointing'04 asked
 * the person to look) and the turn the face mesh measured disagree, as when a person turned
 * the eyes more than the head. The game reads it right only if the picture outweighs the
 * angles, which the angle gate allows only near straight; the share is a measure of what
 * limits a person's agreement, not a rule the game uses.
 */
import { anglesOfVector } from '../../src/vision/engine/angleFeatures';
import { perPose, POSES, type Pose } from '../../src/vision/poses';
import type { PoseSamples } from '../../src/vision/poseSamples';
import type { PlayCondition } from './playConditions';
import type { PosePhoto } from './pointing04';
import type { Reader } from './studyReaders';

export interface AngleLimit {
  /** Played photos (distinct) with a face and angles, and of those the ones contradicted. */
  readonly photos: number;
  readonly contradicted: number;
  /** The same for straight-ahead photos only. */
  readonly straight: number;
  readonly straightContradicted: number;
  /** "shown->nearest" for each contradicted photo, e.g. "neutral->down". */
  readonly cases: readonly string[];
}

const DEGREES = 180 / Math.PI;

/** Every shot's yaw and pitch (degrees) with its pose; shots without angles left out. */
function shotAngles(samples: PoseSamples): Array<readonly [Pose, number, number]> {
  return POSES.flatMap((pose) =>
    samples[pose].flatMap((shot) => {
      const angles = anglesOfVector(shot.features);
      return angles === null ? [] : [[pose, angles.yaw * DEGREES, angles.pitch * DEGREES] as const];
    }),
  );
}

export function angleLimit(
  condition: PlayCondition,
  player: string,
  samples: PoseSamples,
  photos: readonly PosePhoto[],
  vectors: readonly Float32Array[],
  usable: readonly boolean[],
): AngleLimit {
  const shots = shotAngles(samples);
  let counted = 0;
  let contradicted = 0;
  let straight = 0;
  let straightContradicted = 0;
  const cases: string[] = [];
  photos.forEach((photo, i) => {
    if (photo.person !== player || photo.series !== 2 || !usable[i]) return;
    const shown = condition.poseOf(photo);
    const angles = anglesOfVector(vectors[i] as Float32Array);
    if (shown === null || angles === null) return;
    const yaw = angles.yaw * DEGREES;
    const pitch = angles.pitch * DEGREES;
    const distance = (shot: readonly [Pose, number, number]): number =>
      Math.hypot(shot[1] - yaw, shot[2] - pitch);
    const nearest = shots.reduce((best, shot) =>
      distance(shot) < distance(best) ? shot : best,
    )[0];
    counted++;
    if (shown === 'neutral') straight++;
    if (nearest !== shown) {
      contradicted++;
      if (shown === 'neutral') straightContradicted++;
      cases.push(`${shown}->${nearest}`);
    }
  });
  return { photos: counted, contradicted, straight, straightContradicted, cases };
}

/**
 * A reader of the angles alone (real-day `--angle-limit`): the pose of the player's own shot
 * nearest in yaw and pitch, sure in proportion to how much nearer it is than the nearest shot
 * of any other pose (1 at twice as near). Not the game's: the study's yardstick for what the
 * angles could do without the picture.
 */
export const ANGLES_ALONE: Reader = {
  name: 'angles alone (nearest shot)',
  stateless: true,
  calibrate(samples) {
    const shots = shotAngles(samples);
    return (frame) => {
      const angles = anglesOfVector(frame);
      if (angles === null || shots.length === 0) {
        return Promise.resolve({ pose: 'neutral', confidence: 0 });
      }
      const yaw = angles.yaw * DEGREES;
      const pitch = angles.pitch * DEGREES;
      const nearest = perPose(() => Number.POSITIVE_INFINITY);
      for (const [pose, y, p] of shots) {
        nearest[pose] = Math.min(nearest[pose], Math.hypot(y - yaw, p - pitch));
      }
      const ranked = POSES.filter((pose) => Number.isFinite(nearest[pose])).sort(
        (a, b) => nearest[a] - nearest[b],
      );
      const best = ranked[0] ?? 'neutral';
      const second = ranked[1];
      const ratio = second === undefined ? 2 : nearest[second] / Math.max(1e-6, nearest[best]);
      return Promise.resolve({ pose: best, confidence: Math.min(1, Math.max(0, ratio - 1)) });
    };
  },
};
