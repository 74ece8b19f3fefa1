/**
 * The conditions a player meets, as the "real day" study and the in-play trial use them: which
 * Pointing'04 photo of series 1 the player holds still for each pose while calibrating, which
 * photos of series 2 they show while playing (each one held still, as a head holds a pose), and
 * in what light.
 *
 *  - plain: turns of 30-90 degrees and tilts of 30-60, straight anywhere within 15 degrees;
 *    calibrated with 45-degree turns and 30-degree tilts;
 *  - natural: turns and tilts of 30 degrees only (the size people turn while watching a
 *    screen), straight within 15; calibrated with 30;
 *  - small: a player whose range is 15 degrees, calibrated with 15 and playing 15; straight is
 *    straight (0, 0), since 15 degrees is their turn;
 *  - a day of play in poor light (dayOfPlay.ts): the plain script, the calibration in good light.
 *
 * Tilts stop at 60 degrees: at 90 the face finder sees no face in most photos, and nobody plays
 * looking at the ceiling. Labels use the person's own left (yaw < 0 is left, pitch > 0 is up).
 */
import type { Pose } from '../../src/vision/poses';
import { DIM_ROOM, LAMP_BEHIND, WASHED_OUT } from './dayOfPlay';
import { PLAIN_PHOTOS, type PhotoSet } from './photoSets';
import type { PosePhoto } from './pointing04';

export interface Angles {
  readonly yaw: number;
  readonly pitch: number;
}

export interface PlayCondition {
  readonly id: string;
  readonly label: string;
  /**
   * The photos held for each pose while calibrating (series 1, good light): one still head per
   * turn; for straight ahead, the player looking round the screen as they do in play (every
   * straight photo the condition plays), or one when `stillStraight`.
   */
  readonly calibration: Readonly<Record<Pose, readonly Angles[]>>;
  /** The pose a series-2 photo shows in this condition, or null when it is not played. */
  poseOf(photo: Angles): Pose | null;
  /** How the played photos reach the camera. */
  readonly set: PhotoSet;
  /** Someone else sits down: the next person's photos are played. */
  readonly someoneElse?: boolean;
}

/** Straight within `straight` degrees: Pointing'04 has photos every 15 degrees. */
function straightWithin(straight: number): Angles[] {
  const steps = [-15, 0, 15].filter((a) => Math.abs(a) <= straight);
  return steps.flatMap((yaw) => steps.map((pitch) => ({ yaw, pitch })));
}

function calibratedWith(turn: number, tilt: number, straight: number): Record<Pose, Angles[]> {
  const still = process.argv.includes('--still-straight');
  return {
    neutral: still ? [{ yaw: 0, pitch: 0 }] : straightWithin(straight),
    left: [{ yaw: -turn, pitch: 0 }],
    right: [{ yaw: turn, pitch: 0 }],
    up: [{ yaw: 0, pitch: tilt }],
    down: [{ yaw: 0, pitch: -tilt }],
  };
}

/** Straight within `straight` degrees both ways; turns of `turns` and tilts of `tilts` degrees. */
function played(
  straight: number,
  turns: readonly number[],
  tilts: readonly number[] = turns,
): (photo: Angles) => Pose | null {
  return ({ yaw, pitch }) => {
    if (Math.abs(yaw) <= straight && Math.abs(pitch) <= straight) return 'neutral';
    if (pitch === 0 && turns.includes(Math.abs(yaw))) return yaw < 0 ? 'left' : 'right';
    if (yaw === 0 && tilts.includes(Math.abs(pitch))) return pitch > 0 ? 'up' : 'down';
    return null;
  };
}

export const PLAIN: PlayCondition = {
  id: 'plain',
  label: 'turns 30-90°, tilts 30-60°, straight within 15° (calibrated 45° / 30°)',
  calibration: calibratedWith(45, 30, 15),
  poseOf: played(15, [30, 45, 60, 75, 90], [30, 60]),
  set: PLAIN_PHOTOS,
};

export const NATURAL: PlayCondition = {
  id: 'natural',
  label: 'turns and tilts of 30° only, straight within 15° (calibrated 30°)',
  calibration: calibratedWith(30, 30, 15),
  poseOf: played(15, [30]),
  set: PLAIN_PHOTOS,
};

export const SMALL: PlayCondition = {
  id: 'small',
  label: 'turns and tilts of 15°, straight 0° (calibrated 15°)',
  calibration: calibratedWith(15, 15, 0),
  poseOf: played(0, [15]),
  set: PLAIN_PHOTOS,
};

/** Every photo of each turn as far as it goes: the tests' and the first trial's calibration. */
function calibratedAsFarAsItGoes(): Record<Pose, Angles[]> {
  const turns = [45, 60, 75, 90];
  const tilts = [30, 60];
  return {
    neutral: straightWithin(15),
    left: turns.map((yaw) => ({ yaw: -yaw, pitch: 0 })),
    right: turns.map((yaw) => ({ yaw, pitch: 0 })),
    up: tilts.map((pitch) => ({ yaw: 0, pitch })),
    down: tilts.map((pitch) => ({ yaw: 0, pitch: -pitch })),
  };
}

/** Calibrated turning as far as the head goes, then playing with natural 30-degree turns. */
export const WIDE_THEN_NATURAL: PlayCondition = {
  id: 'wide-then-natural',
  label: 'calibrated with turns of 45-90° and tilts of 30-60°, playing turns of 30° only',
  calibration: calibratedAsFarAsItGoes(),
  poseOf: played(15, [30]),
  set: PLAIN_PHOTOS,
};

function inLight(set: PhotoSet): PlayCondition {
  return { ...PLAIN, id: `plain-${set.shortLabel.replace(/\s+/g, '-')}`, label: set.label, set };
}

export const DIM = inLight(DIM_ROOM);
export const BACKLIT = inLight(LAMP_BEHIND);
export const LOW_CONTRAST = inLight(WASHED_OUT);

export const SOMEONE_ELSE: PlayCondition = {
  ...PLAIN,
  id: 'someone-else',
  label: "someone else sits down (the next person's series 2, the plain script)",
  someoneElse: true,
};

export const PLAY_CONDITIONS: readonly PlayCondition[] = [
  PLAIN,
  NATURAL,
  SMALL,
  DIM,
  BACKLIT,
  LOW_CONTRAST,
  SOMEONE_ELSE,
  WIDE_THEN_NATURAL,
];

/** The series-1 photo of `person` a player holds for `pose` while calibrating. */
export function calibrationPhoto(
  photos: readonly PosePhoto[],
  person: string,
  angles: Angles,
): number {
  const index = photos.findIndex(
    (p) =>
      p.person === person && p.series === 1 && p.yaw === angles.yaw && p.pitch === angles.pitch,
  );
  if (index < 0)
    throw new Error(`${person} has no series-1 photo at ${angles.yaw}, ${angles.pitch}`);
  return index;
}
