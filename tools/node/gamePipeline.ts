/**
 * The game's own pipeline (the face finder, the face square with its eye band, MobileNet and
 * the keypoints: the vectors the game records) on the plain Pointing'04 photos, for the
 * studies and the bench. The faces and embeddings are cached (faceCache.ts, faceVectors.ts).
 */
import { EYE_BAND } from '../../src/vision/engine/faceFraming';
import type { Face } from '../../src/vision/engine/faceFinder/face';
import { facesOf } from './faceCache';
import { facePipelineVectors, type PipelineVectors } from './faceVectors';
import { PLAIN_PHOTOS, type PhotoSet } from './photoSets';
import { POINTING04_DIR, readPointing04, type PosePhoto } from './pointing04';
import { useWasmBackend } from './wasmBackend';

export interface GamePipelineOnPhotos {
  readonly photos: readonly PosePhoto[];
  /** faces[i]: photo i's face, or null where none was found. */
  readonly faces: ReadonlyArray<Face | null>;
  readonly vectors: PipelineVectors;
}

/** The game's pipeline on `set` of the Pointing'04 photos (cached faces and embeddings). */
export async function gamePipelineOn(
  set: PhotoSet,
  log: (line: string) => void,
): Promise<GamePipelineOnPhotos> {
  const photos = readPointing04();
  await useWasmBackend();
  const faces = await facesOf(photos, set, POINTING04_DIR, log);
  const vectors = await facePipelineVectors(
    photos,
    set,
    POINTING04_DIR,
    faces,
    { band: EYE_BAND, keypoints: true },
    log,
  );
  return { photos, faces, vectors };
}

export function gamePipelineOnPlainPhotos(
  log: (line: string) => void,
): Promise<GamePipelineOnPhotos> {
  return gamePipelineOn(PLAIN_PHOTOS, log);
}
