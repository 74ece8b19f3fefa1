/**
 * Turns the head's angles cannot tell from this player's own straight ahead: the player's
 * furthest straight shot goes at least LIKE_STRAIGHT_REACH of the way from straight's centre
 * to where the turn's shots begin (angleGate.ts). The quality check asks for such a turn again,
 * bigger, when the pictures alone passed it (ui/calibration/qualityVerdict.ts).
 *
 * Why: the in-play trial's hardest people are these. Calibrated on Pointing'04's series 1 with
 * straight recorded looking round the screen (within 15 degrees), the furthest straight shot
 * reaches 0.9 of the way or more to 5 of 60 turns calibrated at 45/30 degrees and 7 of 60 at
 * 30 (person05, person07 and person14 down, person09 up and down); person14's "down 15"
 * straight photo measures 12.3 degrees of pitch, as their "down 30" does. In play a straight
 * head is then read as the turn (person14: 3.5-5.6 wrong turns a minute) or the turn as
 * straight (person07), and no rule on the angles can tell which: leaving such turns to the
 * picture alone cut wrong turns but lost agreement (docs/head-control.md). A player who turns
 * further can.
 *
 * Only head turns count (angleGate.ts headTurns): a pose made with the face (mouth open, brows
 * up) sits on straight's angles by nature and is left to the picture.
 */
import { anglesOfVector } from '../angleFeatures';
import type { HeadAngles } from '../features/faceMesh/headAngles';
import { POSES, type Pose } from '../../poses';
import type { PoseSamples } from '../../poseSamples';
import { angleCentres, headTurns, nearEnds, shareOfTheWay } from './angleGate';

/** A turn the furthest straight shot reaches this share of the way to is "like straight". */
export const LIKE_STRAIGHT_REACH = 1;

/** The turns the angles cannot tell from straight (none where the shots carry no angles). */
export function turnsLikeStraight(samples: PoseSamples): Pose[] {
  const labels: Pose[] = [];
  const angles: Array<HeadAngles | null> = [];
  for (const pose of POSES) {
    for (const sample of samples[pose]) {
      labels.push(pose);
      angles.push(anglesOfVector(sample.features));
    }
  }
  if (angles.length === 0 || angles.some((a) => a === null)) return [];
  const centres = angleCentres(labels, angles);
  const places = nearEnds(labels, angles, centres);
  const neutral = places.neutral;
  if (neutral === null) return [];
  return headTurns(centres).filter((pose) => {
    const place = places[pose];
    if (place === null) return false;
    return labels.some(
      (label, i) =>
        label === 'neutral' &&
        // A hair under: the angles travel as 32-bit floats.
        shareOfTheWay(angles[i] as HeadAngles, neutral, place) >= LIKE_STRAIGHT_REACH - 1e-3,
    );
  });
}
