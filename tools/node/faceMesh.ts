/**
 * MediaPipe's Face Mesh (../shared/models/mediapipe_facemesh_192: 468 landmarks with depth
 * from a 192x192 face crop) on every photo of a set, for the face-mesh study
 * (tools/studies/measure-face-mesh.ts). The crop is a square 1.5x the face finder's box around its
 * centre, as MediaPipe crops the detector's box (not rotated: Pointing'04 heads hardly roll),
 * values in [0, 1]; the mirror image's mesh comes from the same crop flipped. Cached in /tmp
 * as JSON beside the face finder's cache (the photos' decoding is the slow part).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import type { Face } from '../../src/vision/engine/features/faceFinder/face';
import { MESH_INPUT_SIZE, MESH_POINTS } from '../../src/vision/engine/features/faceMesh/meshModel';
import { FACE_SEARCH_ID } from './faceCache';
import { modelFromDisk, SHARED_FACE_MESH_DIR } from './modelFromDisk';
import type { PhotoSet } from './photoSets';
import type { PosePhoto } from './pointing04';
import { cacheDirOfKind } from './poseFolder';

/** The crop's side over the face box's larger side. */
export const MESH_CROP_FACTOR = 1.5;
/** The study's cache: change it whenever the crop or the model changes what the mesh sees. */
export const STUDY_MESH_ID = `mediapipe-facemesh-192--crop${MESH_CROP_FACTOR}-unrotated-01-v1`;

export interface PhotoMesh {
  /** 468 x (x, y, z) in the 192x192 crop's pixels (z relative, same scale). */
  readonly mesh: number[];
  /** The same of the crop flipped left to right. */
  readonly mirrored: number[];
  /** How sure the model is that the crop shows a face (sigmoid of its face flag). */
  readonly faceFlag: number;
}

/** The crop of `face` in `frame` ([height, width, 3] 0..255) as the mesh's input, and flipped. */
function meshInputs(frame: tf.Tensor3D, face: Face): tf.Tensor4D {
  return tf.tidy(() => {
    const [height, width] = frame.shape;
    const side = MESH_CROP_FACTOR * Math.max(face.box.width, face.box.height);
    const { cx, cy } = face.box;
    const box = [
      (cy - side / 2) / height,
      (cx - side / 2) / width,
      (cy + side / 2) / height,
      (cx + side / 2) / width,
    ];
    const batch = tf.expandDims(tf.cast(frame, 'float32'), 0) as tf.Tensor4D;
    const crop = tf.image.cropAndResize(
      batch,
      tf.tensor2d([box]),
      [0],
      [MESH_INPUT_SIZE, MESH_INPUT_SIZE],
      'bilinear',
      128,
    );
    const unit = tf.div(crop, 255) as tf.Tensor4D;
    return tf.concat([unit, tf.reverse(unit, 2)], 0);
  });
}

/** Runs the mesh on one photo's face: its landmarks, its mirror image's, and the face flag. */
async function meshOfFace(model: GraphModel, frame: tf.Tensor3D, face: Face): Promise<PhotoMesh> {
  const input = meshInputs(frame, face);
  const outputs = model.execute(input, ['Identity_2:0', 'Identity_1:0']) as tf.Tensor[];
  input.dispose();
  const [meshes, flags] = outputs;
  if (!meshes || !flags) throw new Error('the face mesh gave no landmarks');
  const values = Array.from(await meshes.data());
  const flag = (await flags.data())[0] ?? 0;
  for (const output of outputs) output.dispose();
  const length = MESH_POINTS * 3;
  return {
    mesh: values.slice(0, length),
    mirrored: values.slice(length, 2 * length),
    faceFlag: 1 / (1 + Math.exp(-flag)),
  };
}

export function loadSharedFaceMesh(): Promise<GraphModel> {
  return loadGraphModel(modelFromDisk(SHARED_FACE_MESH_DIR));
}

/** Every photo's mesh (null where the face finder found no face), cached per set. */
export async function meshesOf(
  photos: readonly PosePhoto[],
  set: PhotoSet,
  folder: string,
  faces: ReadonlyArray<Face | null>,
  log: (line: string) => void,
): Promise<Array<PhotoMesh | null>> {
  const dir = cacheDirOfKind(folder, `${STUDY_MESH_ID}--${FACE_SEARCH_ID}--${set.id}`);
  const file = join(dir, 'meshes.json');
  if (existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as {
      files: string[];
      meshes: Array<PhotoMesh | null>;
    };
    if (
      cached.files.every((f, i) => f === photos[i]?.file) &&
      cached.files.length === photos.length
    ) {
      return cached.meshes;
    }
  }
  log(`running the face mesh on ${photos.length} photos (${set.label}; cache: ${dir})`);
  const model = await loadSharedFaceMesh();
  const meshes: Array<PhotoMesh | null> = [];
  for (const [i, photo] of photos.entries()) {
    const face = faces[i] ?? null;
    if (face === null) {
      meshes.push(null);
      continue;
    }
    const frame = set.frameOf(photo);
    try {
      meshes.push(await meshOfFace(model, frame, face));
    } finally {
      frame.dispose();
    }
    if ((i + 1) % 200 === 0) log(`  ${i + 1} / ${photos.length}`);
  }
  model.dispose();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify({ files: photos.map((p) => p.file), meshes }));
  return meshes;
}
