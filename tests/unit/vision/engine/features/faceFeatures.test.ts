import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PoseEmbedder } from '../../../../../src/vision/engine/features/embedder';
import {
  FACE_FEATURE_ID,
  FACE_PICTURE_RECIPE,
  FACE_VECTOR_LENGTH,
  embedFace,
  embedFaceShot,
  faceFeatureVector,
  mirroredFaceFeatureVector,
} from '../../../../../src/vision/engine/features/faceFeatures';
import {
  keypointFeatures,
  mirrorKeypointFeatures,
} from '../../../../../src/vision/engine/features/faceFinder/keypointFeatures';
import { featureLength } from '../../../../../src/vision/engine/features/features';
import { CURRENT_PIPELINE, MODEL_ID } from '../../../../../src/vision/engine/features/pipeline';
import { FACE_PREPROCESSING_ID } from '../../../../../src/vision/engine/features/faceFraming';
import { FACE_DETECTOR_ID } from '../../../../../src/vision/engine/features/faceFinder/anchors';
import { FACE_MESH_ID } from '../../../../../src/vision/engine/features/faceMesh/meshModel';
import { faceAt } from './faceFinder/syntheticFaces';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function length(values: Float32Array): number {
  return Math.hypot(...values);
}

describe('the face feature vector', () => {
  it('joins the picture features and the 12 keypoint numbers, each at unit length', () => {
    const picture = new Float32Array(1024).fill(3);
    const keypoints = keypointFeatures(faceAt(100, 100, 50));
    const vector = faceFeatureVector(picture, keypoints);
    expect(vector).toHaveLength(1036);
    expect(FACE_VECTOR_LENGTH).toBe(1039);
    expect(length(vector.subarray(0, 1024))).toBeCloseTo(1, 5);
    expect(length(vector.subarray(1024))).toBeCloseTo(1, 5);
    // Directions are kept: the keypoint part is the keypoints scaled.
    const scale = (vector[1024] as number) / (keypoints[0] as number);
    keypoints.forEach((value, i) => expect(vector[1024 + i]).toBeCloseTo(value * scale, 5));
  });

  it('mirrors with the flipped picture and the keypoints mirrored by formula', () => {
    const mirroredPicture = new Float32Array(1024).map((_, i) => i % 7);
    const keypoints = new Float32Array([
      0.3, 0.4, 0.6, 0.41, 0.7, 0.55, 0.62, 0.7, 0.1, 0.5, 0.8, 0.5,
    ]);
    const mirrored = mirroredFaceFeatureVector(mirroredPicture, keypoints);
    const expected = faceFeatureVector(mirroredPicture, mirrorKeypointFeatures(keypoints));
    expect([...mirrored]).toEqual([...expected]);
  });

  it('refuses keypoints that are not 12 numbers', () => {
    expect(() => faceFeatureVector(new Float32Array(4), new Float32Array(6))).toThrow(/12/);
  });

  it('is the pipeline in force: its ids are what calibration files carry', () => {
    expect(featureLength(FACE_PICTURE_RECIPE) + 12 + 3).toBe(CURRENT_PIPELINE.vectorLength);
    expect(CURRENT_PIPELINE.featureId).toBe(FACE_FEATURE_ID);
    expect(CURRENT_PIPELINE.preprocessingId).toBe(FACE_PREPROCESSING_ID);
    // The three networks shape the vectors: MobileNet, the face detector and the mesh.
    expect(CURRENT_PIPELINE.modelId).toBe(`${MODEL_ID}+${FACE_DETECTOR_ID}+${FACE_MESH_ID}`);
  });
});

describe('embedding a face', () => {
  /** The input's mean brightness in three column bands: "picture features" that see left/right. */
  async function thirds(input: tf.Tensor3D): Promise<Float32Array> {
    const means = tf.tidy(() =>
      tf.mean(tf.reshape(tf.slice(input, [0, 0, 0], [224, 222, 3]), [224, 3, 74, 3]), [0, 2, 3]),
    );
    const values = new Float32Array(await means.data());
    means.dispose();
    return values;
  }

  const fakeEmbedder = {
    recipe: FACE_PICTURE_RECIPE,
    embed: thirds,
    async embedWithMirrorImage(input: tf.Tensor3D) {
      const flipped = tf.reverse(input, 1) as tf.Tensor3D;
      const result = { features: await thirds(input), mirrored: await thirds(flipped) };
      flipped.dispose();
      return result;
    },
  } as unknown as PoseEmbedder;

  it('gives a shot its vector and its mirror image, and a frame the same vector', async () => {
    const face = faceAt(300, 200, 120);
    const ramp = tf.tidy(() =>
      tf.tile(tf.reshape(tf.linspace(0, 1, 224), [1, 224, 1]), [224, 1, 3]),
    );
    const input = ramp as tf.Tensor3D;
    const angles = { yaw: 0.3, pitch: -0.1, roll: 0.05 };
    const shot = await embedFaceShot(fakeEmbedder, input, face, angles);
    const frame = await embedFace(fakeEmbedder, input, face, angles);
    expect([...frame]).toEqual([...shot.features]);
    expect(shot.features).toHaveLength(3 + 12 + 3);
    // The angles end the vector, x2; the mirror image's are the other turn and tilt.
    expect([...shot.features.subarray(-3)]).toEqual(
      [0.6, -0.2, 0.1].map((v) => expect.closeTo(v, 6)),
    );
    expect([...shot.mirrored.subarray(-3)]).toEqual(
      [-0.6, -0.2, -0.1].map((v) => expect.closeTo(v, 6)),
    );
    // Without the mesh the angles are zeros (the classifier then compares without them).
    expect([...(await embedFace(fakeEmbedder, input, face, null)).subarray(-3)]).toEqual([0, 0, 0]);
    // The ramp brightens to the right; its mirror image brightens to the left.
    expect(shot.features[2]).toBeGreaterThan(shot.features[0] as number);
    expect(shot.mirrored[0]).toBeGreaterThan(shot.mirrored[2] as number);
    expect([...shot.mirrored.subarray(3, -3)]).toEqual([
      ...faceFeatureVector(
        new Float32Array([1]),
        mirrorKeypointFeatures(keypointFeatures(face)),
      ).subarray(1),
    ]);
    input.dispose();
  });
});
