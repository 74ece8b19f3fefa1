// A saved calibration, made in Node the way the game makes one, from the photos a fake camera
// clip shows: each pose's clear photos of one person and series (fakeCamera.ts's choice),
// filling a 640x480 frame as the clip shows them, read by the game's own pipeline with the
// real weights (tfjs wasm): the face found by the detector, MobileNet on the square around it,
// the keypoints, the face mesh's angles; each shot with its mirror image, written in the
// calibration file format.
// Importing it is what a returning player's saved calibration is: the test then needs no
// minute of recording.
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { readImage } from '../../../tools/node/images';
import {
  modelFromDisk,
  SHARED_FACE_DETECTOR_DIR,
  SHARED_FACE_MESH_DIR,
} from '../../../tools/node/modelFromDisk';
import { useWasmBackend } from '../../../tools/node/wasmBackend';
import { serializeCalibration } from '../../../src/vision/calibration/calibrationFile';
import { loadPoseEmbedder } from '../../../src/vision/engine/features/embedder';
import { embedFaceShot } from '../../../src/vision/engine/features/faceFeatures';
import { loadFaceDetector } from '../../../src/vision/engine/features/faceFinder/faceDetector';
import { findFace } from '../../../src/vision/engine/features/faceFinder/findFace';
import { loadFaceMesh, meshOfFace } from '../../../src/vision/engine/features/faceMesh/faceMesh';
import { tensorRegionReader } from '../../../src/vision/engine/features/faceFinder/regionTensor';
import { frameToFaceModelInput } from '../../../src/vision/engine/features/faceModelInput';
import { FEATURE_RECIPE, RECORD_MIRROR_IMAGES } from '../../../src/vision/engine/recipe';
import type { PoseSample } from '../../../src/vision/poseSamples';
import { perPose } from '../../../src/vision/poses';
import { clearPhotos, HEIGHT, pointing04Dir, POSES, readPhotos, WIDTH } from './fakeCamera';

export async function photoCalibration(person: string, series: number): Promise<string> {
  await useWasmBackend();
  const embedder = await loadPoseEmbedder(modelFromDisk(), FEATURE_RECIPE);
  const detector = await loadFaceDetector(modelFromDisk(SHARED_FACE_DETECTOR_DIR));
  const mesh = await loadFaceMesh(modelFromDisk(SHARED_FACE_MESH_DIR));
  try {
    const photos = readPhotos();
    const samples = perPose((): PoseSample[] => []);
    for (const pose of POSES) {
      for (const photo of clearPhotos(photos, person, series, pose)) {
        const image = readImage(join(pointing04Dir(), photo.file));
        // As the fake camera shows it: the photo filling the 640x480 frame.
        const frame = tf.tidy(() =>
          tf.round(tf.image.resizeBilinear(image, [HEIGHT, WIDTH], false, true)),
        ) as tf.Tensor3D;
        try {
          const reader = tensorRegionReader(frame);
          const { face } = await findFace(detector, reader, WIDTH, HEIGHT);
          if (face === null) continue; // the game keeps no shot without a face either
          const { angles } = await meshOfFace(mesh, reader, face);
          const input = frameToFaceModelInput(frame, face);
          try {
            const shot = await embedFaceShot(embedder, input, face, angles);
            samples[pose].push({
              features: shot.features,
              mirrored: RECORD_MIRROR_IMAGES ? shot.mirrored : null,
            });
          } finally {
            input.dispose();
          }
        } finally {
          tf.dispose([image, frame]);
        }
      }
    }
    return serializeCalibration(samples);
  } finally {
    embedder.dispose();
    detector.dispose();
    mesh.dispose();
  }
}
