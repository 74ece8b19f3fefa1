/**
 * The game's own pipeline (the face finder, the face square with its eye band, MobileNet and
 * the keypoints: the vectors the game records) on the plain Pointing'04 photos, for the
 * studies and the bench. The faces and embeddings are cached (faceCache.ts, faceVectors.ts).
 */
import { EYE_BAND } from '../../src/vision/engine/features/faceFraming';
import type { Face } from '../../src/vision/engine/features/faceFinder/face';
import { withHeadAngles } from '../../src/vision/engine/features/faceFeatures';
import { headAngles, mirroredAngles } from '../../src/vision/engine/features/faceMesh/headAngles';
import { facesOf } from './faceCache';
import { meshesOf } from './faceMesh';
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

/**
 * `before` (the eye band pipeline) with the head's angles at the end of each vector, as the
 * game records them (faceFeatures.ts withHeadAngles; the mirror image's angles by formula);
 * a photo where the mesh could not run is not usable.
 */
export async function withMeshAngles(
  photos: readonly PosePhoto[],
  set: PhotoSet,
  folder: string,
  faces: ReadonlyArray<Face | null>,
  before: PipelineVectors,
  log: (line: string) => void,
): Promise<PipelineVectors> {
  const meshes = await meshesOf(photos, set, folder, faces, log);
  const n = photos.length;
  const vectors = before.vectors.map((vector, i) => {
    const mesh = meshes[i % n] ?? null;
    const angles = mesh === null ? null : headAngles(mesh.mesh);
    return withHeadAngles(vector, angles === null || i < n ? angles : mirroredAngles(angles));
  });
  const usable = photos.map((_, i) => (before.usable?.[i] ?? true) && meshes[i] !== null);
  return { vectors, usable };
}
