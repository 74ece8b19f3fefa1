/**
 * The in-play trial's conditions (tools/play-trial.ts): the real-day study's (playConditions.ts)
 * played through the built game, each with the camera it is seen through.
 *
 *  - plain, natural, small: playConditions' own, through a 384x288 camera (Pointing'04's size:
 *    each photo as taken, pixel for pixel);
 *  - dim: the plain script in playConditions' dim room (dayOfPlay.ts's DIM_ROOM light, read
 *    off the set by trialLight.ts, put by the camera in the page on every frame from the start
 *    of play, with fresh noise each frame); the calibration in good light;
 *  - camera640: the plain script through a 640x480 camera, the photo scaled to fill it: the
 *    same view with more pixels, as a better webcam sees the same player (not moved and shrunk:
 *    that is a player sitting elsewhere, which the face finder's own study measures).
 *
 * The photos a player holds: while calibrating, the condition's one photo of series 1 per
 * turn, and for straight ahead its straight photos (shown one after another while the game's
 * dot goes round the screen, the straight-on one otherwise); while playing, series 2's photos
 * the condition plays, one per hold.
 */
import type { Pose } from '../../src/vision/poses';
import { POSES } from '../../src/vision/poses';
import type { CameraLight, CameraOptions } from '../../tests/browser/support/followingCamera';
import { calibrationPhoto, DIM, NATURAL, PLAIN, SMALL, type PlayCondition } from './playConditions';
import { readPointing04 } from './pointing04';
import { lightOf } from './trialLight';

export interface TrialCondition {
  readonly id: string;
  readonly play: PlayCondition;
  readonly camera: CameraOptions;
  /** The light of the day of play (the calibration is in good light). */
  readonly light?: CameraLight;
}

const SMALL_CAMERA = { width: 384, height: 288, holdStill: true } as const;

/** The five, in the order the tables come; `dim` measures its light when first asked for. */
export function trialConditions(): Record<string, () => TrialCondition> {
  return {
    plain: () => ({ id: 'plain', play: PLAIN, camera: SMALL_CAMERA }),
    natural: () => ({ id: 'natural', play: NATURAL, camera: SMALL_CAMERA }),
    small: () => ({ id: 'small', play: SMALL, camera: SMALL_CAMERA }),
    dim: () => ({ id: 'dim', play: DIM, camera: SMALL_CAMERA, light: dimLight() }),
    camera640: () => ({
      id: 'camera640',
      play: PLAIN,
      camera: { width: 640, height: 480, holdStill: true },
    }),
  };
}

let measured: CameraLight | null = null;

function dimLight(): CameraLight {
  if (measured === null) {
    const photo = readPointing04()[0];
    if (photo === undefined) throw new Error("no Pointing'04 photos");
    measured = lightOf(DIM.set, photo);
  }
  return measured;
}

/** Each pose's photo files, in the order the camera gets them. */
export type PhotoFiles = Record<Pose, string[]>;

/** `person` ('person05'): the series-1 photos held while calibrating; straight-on first. */
export function calibrationFiles(condition: TrialCondition, person: string): PhotoFiles {
  const photos = readPointing04();
  const files = {} as PhotoFiles;
  for (const pose of POSES) {
    const angles = [...condition.play.calibration[pose]].sort(
      (a, b) => Math.hypot(a.yaw, a.pitch) - Math.hypot(b.yaw, b.pitch),
    );
    files[pose] = angles.map(
      (a) => photos[calibrationPhoto(photos, `pointing04_${person}`, a)]?.file ?? '',
    );
  }
  return files;
}

/** `person`'s series-2 photos the condition plays, by the pose they show; straight-on first. */
export function playFiles(condition: TrialCondition, person: string): PhotoFiles {
  const photos = readPointing04()
    .filter((p) => p.person === `pointing04_${person}` && p.series === 2)
    .sort((a, b) => Math.hypot(a.yaw, a.pitch) - Math.hypot(b.yaw, b.pitch));
  const files = {} as PhotoFiles;
  for (const pose of POSES) {
    files[pose] = photos.filter((p) => condition.play.poseOf(p) === pose).map((p) => p.file);
    if (files[pose].length === 0) throw new Error(`${person} has no series-2 ${pose} photos`);
  }
  return files;
}
