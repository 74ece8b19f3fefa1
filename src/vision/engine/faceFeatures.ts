/**
 * The feature vector of the face-aligned pipeline, and its ids for calibration files.
 *
 * Vector: MobileNet's picture features of the face square (faceFraming.ts; today's conv13
 * 2x2 recipe) scaled to unit length, then the 12 keypoint numbers (faceFinder/
 * keypointFeatures.ts) scaled to unit length: 1024 + 12 numbers, each part weighing the same
 * in the cosine similarity (without the scaling the 1024 picture numbers would drown the 12).
 * Its mirror image (for mirror shots): the picture features of the flipped square and the
 * keypoints mirrored by formula.
 *
 * Measured on Pointing'04 (tools/measure-face-finder.ts, `npm run eval:poses`; k=1 with
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
 * taken: within the draws' noise at N=3 and N=all, and on the moved photos).
 *
 * The ids calibration files carry for it are pipeline.ts's CURRENT_PIPELINE.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { PoseEmbedder } from './embedder';
import type { Face } from './faceFinder/face';
import {
  KEYPOINT_FEATURE_LENGTH,
  keypointFeatures,
  mirrorKeypointFeatures,
} from './faceFinder/keypointFeatures';
import { featureLength, unitLength, type FeatureRecipe } from './features';

/** The picture part: conv13 pointwise map averaged to 2x2, scaled to unit length. */
export const FACE_PICTURE_RECIPE: FeatureRecipe = {
  id: 'conv13-pointwise-grid2-unit-v1',
  parts: [{ layer: 'conv13', grid: 2 }],
  normalise: 'per-part',
};

export const FACE_FEATURE_ID = `${FACE_PICTURE_RECIPE.id}+face-keypoints12-unit-v1`;

export const FACE_VECTOR_LENGTH = featureLength(FACE_PICTURE_RECIPE) + KEYPOINT_FEATURE_LENGTH;

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

/**
 * One frame's vector. `input` is the face-aligned input (faceFraming.ts / faceModelInput.ts)
 * of `face`; `embedder` was loaded with FACE_PICTURE_RECIPE. The input is not disposed.
 */
export async function embedFace(
  embedder: PoseEmbedder,
  input: tf.Tensor3D,
  face: Face,
): Promise<Float32Array> {
  return faceFeatureVector(await embedder.embed(input), keypointFeatures(face));
}

/** A calibration shot: the frame's vector and its mirror image's. */
export async function embedFaceShot(
  embedder: PoseEmbedder,
  input: tf.Tensor3D,
  face: Face,
): Promise<{ features: Float32Array; mirrored: Float32Array }> {
  const pictures = await embedder.embedWithMirrorImage(input);
  const keypoints = keypointFeatures(face);
  return {
    features: faceFeatureVector(pictures.features, keypoints),
    mirrored: mirroredFaceFeatureVector(pictures.mirrored, keypoints),
  };
}
