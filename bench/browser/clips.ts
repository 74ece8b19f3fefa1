/**
 * The speed bench's fake camera: person01 of Pointing'04 (series 1), the four directions in a
 * changing order, 2 seconds each, so the pose changes every 60 camera frames at known frames
 * (the barcode in each frame says which segment and third of a second it is). The calibration
 * file is made in Node from the same person's series-1 photos with the game's own pipeline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ClipSpec } from '../../tests/browser/support/fakeCamera';
import { serializeCalibration } from '../../src/vision/calibration/calibrationFile';
import { perPose, POSES, type Pose } from '../../src/vision/poses';
import type { PoseSample } from '../../src/vision/poseSamples';
import { gamePipelineOnPlainPhotos, withMeshAngles } from '../../tools/node/gamePipeline';
import { PLAIN_PHOTOS } from '../../tools/node/photoSets';
import { POINTING04_DIR } from '../../tools/node/pointing04';

export const PERSON = 'person01';
const ORDER: Pose[] = [
  'left',
  'up',
  'right',
  'down',
  'left',
  'down',
  'right',
  'up',
  'left',
  'right',
  'up',
  'down',
];

export const REACTION_CLIP: ClipSpec = {
  name: `bench-${PERSON}-directions`,
  person: PERSON,
  segments: ORDER.map((pose) => ({ pose, series: 1, seconds: 2 })),
};

/**
 * Every series-1 photo of the person in which the face finder finds a face, as a calibration
 * shot (with its mirror image), through the game's face pipeline (face square, eye band,
 * keypoints, the face mesh's angles: the vectors the game itself records).
 */
export async function writeCalibrationFile(path: string): Promise<Record<Pose, number>> {
  const log = (line: string): void => console.error(line);
  const pipeline = await gamePipelineOnPlainPhotos(log);
  const { photos, faces } = pipeline;
  const withAngles = await withMeshAngles(
    photos,
    PLAIN_PHOTOS,
    POINTING04_DIR,
    faces,
    pipeline.vectors,
    log,
  );
  const { vectors, usable } = withAngles;
  const samples = perPose((): PoseSample[] => []);
  photos.forEach((photo, i) => {
    if (photo.person !== `pointing04_${PERSON}` || photo.series !== 1) return;
    if (faces[i] === null || usable?.[i] === false) return;
    samples[photo.pose].push({
      features: vectors[i] as Float32Array,
      mirrored: vectors[i + photos.length] as Float32Array,
    });
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeCalibration(samples));
  return perPose((pose) => samples[pose].length) satisfies Record<Pose, number>;
}

export { POSES };
