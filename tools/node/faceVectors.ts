/**
 * Feature vectors of every photo of a set (and of its mirror image) for each pipeline the
 * tools compare: today's centre square, and the face-aligned square (faceFraming.ts) with or
 * without the eye band and the keypoints. MobileNet's maps are cached per framing and set
 * (embeddingCache.ts), the faces per set (faceCache.ts).
 */
import { MODEL_ID } from '../../src/vision/engine/features/pipeline';
import type { Face } from '../../src/vision/engine/features/faceFinder/face';
import { keypointFeatures } from '../../src/vision/engine/features/faceFinder/keypointFeatures';
import {
  FACE_PICTURE_RECIPE,
  faceFeatureVector,
  mirroredFaceFeatureVector,
} from '../../src/vision/engine/features/faceFeatures';
import { FACE_CROP_FACTOR, type EyeBandShape } from '../../src/vision/engine/features/faceFraming';
import { frameToFaceModelInput } from '../../src/vision/engine/features/faceModelInput';
import { combineParts, type FeatureRecipe } from '../../src/vision/engine/features/features';
import { PREPROCESSING_ID } from '../../src/vision/engine/features/framing';
import { frameToModelInput } from '../../src/vision/engine/features/modelInput';
import { FEATURE_RECIPE } from '../../src/vision/engine/recipe';
import { pooledMapsOf, type CachedGrids, type PictureSource } from './embeddingCache';
import { FACE_SEARCH_ID } from './faceCache';
import { PLAIN_PHOTOS, type PhotoSet } from './photoSets';
import type { PosePhoto } from './pointing04';
import { cacheDirFor, cacheDirOfKind } from './poseFolder';

export interface PipelineVectors {
  /** vectors[i]: photo i; vectors[i + photos.length]: its mirror image. */
  readonly vectors: Float32Array[];
  /** usable[i] false: no face in photo i (knnEvaluation counts it as 'neutral'). */
  readonly usable?: boolean[];
}

/** The new framings only need conv13's grids: a twentieth of the full cache's size. */
const FACE_GRIDS: CachedGrids = { conv13: [1, 2, 3] };

type Log = (line: string) => void;

function vectorsFrom(
  pooled: Map<string, Float32Array[]>,
  recipe: FeatureRecipe,
  count: number,
): Float32Array[] {
  const parts = recipe.parts.map((part) => {
    const maps = pooled.get(`${part.layer}@${part.grid}`);
    if (maps === undefined) throw new Error(`not cached: ${part.layer}@${part.grid}`);
    return maps;
  });
  return Array.from({ length: count }, (_, i) =>
    combineParts(
      recipe,
      parts.map((maps) => maps[i] as Float32Array),
    ),
  );
}

/** Today's pipeline: framing.ts's centre square and FEATURE_RECIPE. */
export async function centreSquareVectors(
  photos: readonly PosePhoto[],
  set: PhotoSet,
  folder: string,
  log: Log,
): Promise<PipelineVectors> {
  if (set === PLAIN_PHOTOS) {
    // The shared cache every other tool uses (all layers and grids).
    const { pooled } = await pooledMapsOf(photos, log, cacheDirFor(folder));
    return { vectors: vectorsFrom(pooled, FEATURE_RECIPE, photos.length * 2) };
  }
  const source: PictureSource = {
    inputOf(photo) {
      const frame = set.frameOf(photo);
      try {
        return frameToModelInput(frame);
      } finally {
        frame.dispose();
      }
    },
    grids: FACE_GRIDS,
  };
  const dir = cacheDirOfKind(folder, `${MODEL_ID}--${PREPROCESSING_ID}--${set.id}`);
  const { pooled } = await pooledMapsOf(photos, log, dir, source);
  return { vectors: vectorsFrom(pooled, FEATURE_RECIPE, photos.length * 2) };
}

/** Names a face framing in cache folders (the ids of faceFraming.ts name only the one in force). */
export function faceFramingKey(band: EyeBandShape | null): string {
  const bandText = band === null ? 'noband' : `eyeband${band.height}@${band.offset}`;
  return `face-square${FACE_CROP_FACTOR}-grey-${bandText}-224-rgb01`;
}

export interface FacePipelineOptions {
  /** The eye band, or null for none. */
  readonly band: EyeBandShape | null;
  /** Add the 12 keypoint numbers (faceFeatures.ts); without, the picture features alone. */
  readonly keypoints: boolean;
}

/** The face-aligned pipeline on a set, given the faces found in it (faceCache.ts). */
export async function facePipelineVectors(
  photos: readonly PosePhoto[],
  set: PhotoSet,
  folder: string,
  faces: ReadonlyArray<Face | null>,
  options: FacePipelineOptions,
  log: Log,
): Promise<PipelineVectors> {
  const faceOf = new Map(photos.map((photo, i) => [photo, faces[i] ?? null]));
  const source: PictureSource = {
    inputOf(photo) {
      const face = faceOf.get(photo) ?? null;
      if (face === null) return null;
      const frame = set.frameOf(photo);
      try {
        return frameToFaceModelInput(frame, face, options.band);
      } finally {
        frame.dispose();
      }
    },
    grids: FACE_GRIDS,
  };
  const key = `${MODEL_ID}--${faceFramingKey(options.band)}--${FACE_SEARCH_ID}--${set.id}`;
  const { pooled } = await pooledMapsOf(photos, log, cacheDirOfKind(folder, key), source);
  const pictures = vectorsFrom(pooled, FACE_PICTURE_RECIPE, photos.length * 2);
  const usable = faces.map((face) => face !== null);
  if (!options.keypoints) return { vectors: pictures, usable };
  const n = photos.length;
  const vectors = pictures.map((picture, i) => {
    const face = faces[i % n] ?? null;
    if (face === null) return new Float32Array(picture.length + 12);
    const keypoints = keypointFeatures(face);
    return i < n
      ? faceFeatureVector(picture, keypoints)
      : mirroredFaceFeatureVector(picture, keypoints);
  });
  return { vectors, usable };
}

/** Share of photos with a face: all, and those turned at most 60 degrees both ways. */
export function faceFoundRates(
  photos: readonly PosePhoto[],
  faces: ReadonlyArray<Face | null>,
): { all: number; within60: number } {
  const share = (indexes: number[]): number =>
    indexes.length === 0 ? 0 : indexes.filter((i) => faces[i] != null).length / indexes.length;
  const all = photos.map((_, i) => i);
  const within60 = all.filter((i) => {
    const photo = photos[i] as PosePhoto;
    return Math.abs(photo.yaw) <= 60 && Math.abs(photo.pitch) <= 60;
  });
  return { all: share(all), within60: share(within60) };
}
