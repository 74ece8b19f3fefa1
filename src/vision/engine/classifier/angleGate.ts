/**
 * The angle gate: a turn the nearest shots name counts only when the head's measured angles
 * (yaw, pitch) have gone at least ANGLE_GATE_SHARE of the way from the mean of the player's
 * own neutral shots to the mean of their shots of that turn; otherwise the frame reads as
 * neutral (no pose held: the hero keeps going). The line is the player's own, never a fixed
 * angle, and it only ever turns a turn into "straight": a turn read as straight delays the
 * hero (the player turns further), a wrong turn sends it where the player did not look.
 *
 * Measured (tools/studies/measure-face-mesh.ts --margins; other Pointing'04 session, N=3, + angles
 * x2; mean % (worst), straight read as a turn, turn read as straight):
 *   no gate    89.1 (82.8)  25.5 %   6.6 %
 *   gate 0.4   90.1 (85.1)  15.8 %   7.7 %
 *   gate 0.5   89.6 (84.9)   9.7 %   9.8 %   <- chosen: wrong turns and missed turns even
 *   gate 0.6   86.8 (83.6)   3.8 %  14.7 %
 * Pointing'04's "straight" spans 15° each way, and its smallest turn is 30°: players in the
 * game hold their turns further, so the gate costs them less than it costs those photos.
 */
import type { HeadAngles } from '../features/faceMesh/headAngles';
import { perPose, type Pose } from '../../poses';

export const ANGLE_GATE_SHARE = 0.5;

/** A pose's mean (yaw, pitch) over its shots that carry angles. */
export type AngleCentre = readonly [yaw: number, pitch: number];

/** Each pose's centre (null: none of its shots carries angles). */
export function angleCentres(
  labels: readonly Pose[],
  angles: ReadonlyArray<HeadAngles | null>,
): Record<Pose, AngleCentre | null> {
  const sums = perPose(() => ({ yaw: 0, pitch: 0, count: 0 }));
  labels.forEach((pose, i) => {
    const a = angles[i];
    if (a === null || a === undefined) return;
    sums[pose].yaw += a.yaw;
    sums[pose].pitch += a.pitch;
    sums[pose].count++;
  });
  return perPose((pose) => {
    const { yaw, pitch, count } = sums[pose];
    return count === 0 ? null : [yaw / count, pitch / count];
  });
}

/**
 * How far `here` has gone from `neutral` towards `turn`, as a share of the way (0 at the
 * neutral centre, 1 at the turn's), measured along the line between them.
 */
export function shareOfTheWay(here: HeadAngles, neutral: AngleCentre, turn: AngleCentre): number {
  const axisYaw = turn[0] - neutral[0];
  const axisPitch = turn[1] - neutral[1];
  const length2 = axisYaw * axisYaw + axisPitch * axisPitch;
  if (length2 === 0) return Number.POSITIVE_INFINITY; // no way to measure: the gate stays open
  return ((here.yaw - neutral[0]) * axisYaw + (here.pitch - neutral[1]) * axisPitch) / length2;
}

/**
 * The pose after the gate: `voted` itself, or neutral when it is a turn the head has not gone
 * `share` of the way to. Without angles for the frame or either centre the vote stands.
 */
export function gatedPose(
  voted: Pose,
  here: HeadAngles | null,
  centres: Readonly<Record<Pose, AngleCentre | null>>,
  share: number = ANGLE_GATE_SHARE,
): Pose {
  if (voted === 'neutral' || here === null) return voted;
  const neutral = centres.neutral;
  const turn = centres[voted];
  if (neutral === null || turn === null) return voted;
  return shareOfTheWay(here, neutral, turn) >= share ? voted : 'neutral';
}
