// A saved calibration, made in Node the way the game makes one, from the photos a fake camera
// clip shows: each pose's clear photos of one person and series (fakeCamera.ts's choice),
// framed and embedded by the game's own pipeline with the real MobileNet weights (tfjs wasm),
// each with its mirror image, written in the calibration file format. Importing it is what a
// returning player's saved calibration is: the test then needs no minute of recording.
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { readImage } from '../../../tools/node/images';
import { modelFromDisk } from '../../../tools/node/modelFromDisk';
import { useWasmBackend } from '../../../tools/node/wasmBackend';
import { serializeCalibration } from '../../../src/vision/calibration/calibrationFile';
import { loadPoseEmbedder } from '../../../src/vision/engine/embedder';
import { frameToModelInput } from '../../../src/vision/engine/modelInput';
import { FEATURE_RECIPE, RECORD_MIRROR_IMAGES } from '../../../src/vision/engine/recipe';
import type { PoseSample } from '../../../src/vision/poseSamples';
import { perPose } from '../../../src/vision/poses';
import { clearPhotos, pointing04Dir, POSES, readPhotos } from './fakeCamera';

export async function photoCalibration(person: string, series: number): Promise<string> {
  await useWasmBackend();
  const embedder = await loadPoseEmbedder(modelFromDisk(), FEATURE_RECIPE);
  try {
    const photos = readPhotos();
    const samples = perPose((): PoseSample[] => []);
    for (const pose of POSES) {
      for (const photo of clearPhotos(photos, person, series, pose)) {
        const frame = readImage(join(pointing04Dir(), photo.file));
        const input = frameToModelInput(frame);
        try {
          const shot = await embedder.embedWithMirrorImage(input);
          samples[pose].push({
            features: shot.features,
            mirrored: RECORD_MIRROR_IMAGES ? shot.mirrored : null,
          });
        } finally {
          tf.dispose([frame, input]);
        }
      }
    }
    return serializeCalibration(samples);
  } finally {
    embedder.dispose();
  }
}
