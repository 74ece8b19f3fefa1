/**
 * The feature vector of the face-aligned pipeline, and its ids for calibration files.
 *
 * Vector: MobileNet's picture features of the face square (faceFraming.ts; today's conv13
 * 2x2 recipe) scaled to unit length, then the 12 keypoint numbers (faceFinder/
 * keypointFeatures.ts) scaled to unit length: 1024 + 12 numbers, each part weighing the same
 * in the cosine similarity (without the scaling the 1024 picture numbers would drown the 12);
 * then the head's yaw, pitch and roll from the face mesh, x2 (faceMesh/angleFeatures.ts):
 * 1039 numbers. Its mirror image (for mirror shots): the picture features of the flipped
 * square, the keypoints mirrored by formula and the angles mirrored by formula (yaw and roll
 * change sign: no second mesh per shot).
 *
 * Measured on Pointing'04 (tools/studies/measure-face-finder.ts, `npm run eval:poses`; k=1 with
 * mirror shots, calibrate on one session, test on the other; mean % (worst person)), on the
 * photos as stored and "moved and shrunk" (each pasted into a grey 640x480 frame at a seeded
 * place and scale 0.6-1.0: a player sitting back and to one side):
 *
 *                                      as stored                    moved and shrunk
 *   pipeline                           N=1   N=3          N=all     N=1   N=3          N=all
 *   centre square (framing.ts)         72.7  81.1 (71.7)  86.7      29.2  36.3 (32.2)  47.8
 *   face square 1.5x                   77.3  84.0 (74.4)  89.9      77.0  83.8 (77.5)  90.1
 *   + keypoints                        79.0  85.2 (77.3)  90.4      78.7  84.6 (78.2)  91.1
 *   + eye band (this recipe)           80.3  85.6 (78.4)  92.2      79.6  85.0 (77.3)  91.1
 *
 * Weighting the keypoints 1.5-2x instead of 1x gains ~1 point at N=1 and <= 0.5 at N=3 (not
 * taken: within the draws' noise at N=3 and N=all, and on the moved photos). The angles
 * (tools/studies/measure-face-mesh.ts, same protocol, plain photos): 86.2 / 89.1 (82.8) / 93.9.
 *
 * The ids calibration files carry for it are pipeline.ts's CURRENT_PIPELINE.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { PoseEmbedder } from './embedder';
import { angleFeatures, ANGLE_FEATURE_LENGTH } from '../angleFeatures';
import { mirroredAngles, type HeadAngles } from './faceMesh/headAngles';
import type { Face } from './faceFinder/face';
import {
  KEYPOINT_FEATURE_LENGTH,
  keypointFeatures,
  mirrorKeypointFeatures,
} from './faceFinder/keypointFeatures';
import { featureLength, type FeatureRecipe } from './features';
import { unitLength } from '../unitLength';

/** The picture part: conv13 pointwise map averaged to 2x2, scaled to unit length. */
export const FACE_PICTURE_RECIPE: FeatureRecipe = {
  id: 'conv13-pointwise-grid2-unit-v1',
  parts: [{ layer: 'conv13', grid: 2 }],
  normalise: 'per-part',
};

export const FACE_FEATURE_ID = `${FACE_PICTURE_RECIPE.id}+face-keypoints12-unit-v1+mesh-angles-x2-v1`;

/** The picture and keypoint parts (the vectors before the angles, the studies' "today's"). */
export const PICTURE_AND_KEYPOINTS_LENGTH =
  featureLength(FACE_PICTURE_RECIPE) + KEYPOINT_FEATURE_LENGTH;

export const FACE_VECTOR_LENGTH = PICTURE_AND_KEYPOINTS_LENGTH + ANGLE_FEATURE_LENGTH;

/** [unit(picture), unit(keypoints)]: any picture length, 12 keypoint numbers. */
export function faceFeatureVector(picture: Float32Array, keypoints: Float32Array): Float32Array {
  if (keypoints.length !== KEYPOINT_FEATURE_LENGTH) {
    throw new Error(
      `expected ${KEYPOINT_FEATURE_LENGTH} keypoint numbers, got ${keypoints.length}`,
    );
  }
  const vector = new Float32Array(picture.length + keypoints.length);
  vector.set(unitLength(picture), 0);
  vector.set(unitLength(keypoints), picture.length);
  return vector;
}

/** The mirror image's vector: `mirroredPicture` from the flipped square, keypoints by formula. */
export function mirroredFaceFeatureVector(
  mirroredPicture: Float32Array,
  keypoints: Float32Array,
): Float32Array {
  return faceFeatureVector(mirroredPicture, mirrorKeypointFeatures(keypoints));
}

/** The game's vector: the picture and keypoint parts, then the angles (zeros: not measured). */
export function withHeadAngles(vector: Float32Array, angles: HeadAngles | null): Float32Array {
  const joined = new Float32Array(vector.length + ANGLE_FEATURE_LENGTH);
  joined.set(vector, 0);
  joined.set(angleFeatures(angles), vector.length);
  return joined;
}

/**
 * One frame's vector. `input` is the face-aligned input (faceFraming.ts / faceModelInput.ts)
 * of `face`; `embedder` was loaded with FACE_PICTURE_RECIPE; `angles` the face mesh's (null
 * without the mesh). The input is not disposed.
 */
export async function embedFace(
  embedder: PoseEmbedder,
  input: tf.Tensor3D,
  face: Face,
  angles: HeadAngles | null,
): Promise<Float32Array> {
  return withHeadAngles(
    faceFeatureVector(await embedder.embed(input), keypointFeatures(face)),
    angles,
  );
}

/** A calibration shot: the frame's vector and its mirror image's. */
export async function embedFaceShot(
  embedder: PoseEmbedder,
  input: tf.Tensor3D,
  face: Face,
  angles: HeadAngles | null,
): Promise<{ features: Float32Array; mirrored: Float32Array }> {
  const pictures = await embedder.embedWithMirrorImage(input);
  const keypoints = keypointFeatures(face);
  return {
    features: withHeadAngles(faceFeatureVector(pictures.features, keypoints), angles),
    mirrored: withHeadAngles(
      mirroredFaceFeatureVector(pictures.mirrored, keypoints),
      angles === null ? null : mirroredAngles(angles),
    ),
  };
}
