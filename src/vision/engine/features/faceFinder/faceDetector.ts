/**
 * The face detector: MediaPipe's short-range BlazeFace (TF.js graph model, 128x128 input,
 * output [1, 896, 17]) run on one 128x128 image, decoded and merged into faces in that
 * image's pixels, best first. Which image to show it is findFace.ts's business.
 *
 * The weights are never fetched here: the caller passes the model's files (ModelArtifacts,
 * as the worker already holds MobileNet's) or a tfjs IOHandler (Node reads them from disk).
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { DETECTOR_INPUT_SIZE } from './anchors';

export { FACE_DETECTOR_ID } from './anchors';
import { decodeDetections, MIN_FACE_SCORE } from './decodeDetections';
import type { Face } from './face';
import type { RgbaPixels } from './regionPixels';
import { weightedNonMaxSuppression } from './weightedNms';

export interface FaceDetector {
  /**
   * Faces in a 128x128 RGBA image, in its pixels, best score first; [] when there is none.
   * Leaves no tensor behind.
   */
  detect(pixels: RgbaPixels): Promise<Face[]>;
  dispose(): void;
}

function isIOHandler(model: tf.io.IOHandler | tf.io.ModelArtifacts): model is tf.io.IOHandler {
  return typeof (model as tf.io.IOHandler).load === 'function';
}

/** RGBA bytes -> [1, 128, 128, 3] in [-1, 1], the range this graph was trained on. */
function detectorInput(pixels: RgbaPixels): tf.Tensor4D {
  if (pixels.width !== DETECTOR_INPUT_SIZE || pixels.height !== DETECTOR_INPUT_SIZE) {
    throw new Error(
      `the face detector takes ${DETECTOR_INPUT_SIZE}x${DETECTOR_INPUT_SIZE}, got ${pixels.width}x${pixels.height}`,
    );
  }
  const count = DETECTOR_INPUT_SIZE * DETECTOR_INPUT_SIZE;
  const rgb = new Float32Array(count * 3);
  for (let i = 0, j = 0; i < count; i++, j += 3) {
    rgb[j] = (pixels.data[4 * i] ?? 0) / 127.5 - 1;
    rgb[j + 1] = (pixels.data[4 * i + 1] ?? 0) / 127.5 - 1;
    rgb[j + 2] = (pixels.data[4 * i + 2] ?? 0) / 127.5 - 1;
  }
  return tf.tensor4d(rgb, [1, DETECTOR_INPUT_SIZE, DETECTOR_INPUT_SIZE, 3]);
}

export async function loadFaceDetector(
  model: tf.io.IOHandler | tf.io.ModelArtifacts,
  minScore: number = MIN_FACE_SCORE,
): Promise<FaceDetector> {
  const graph: GraphModel = await loadGraphModel(
    isIOHandler(model) ? model : tf.io.fromMemory(model),
  );
  return {
    async detect(pixels) {
      const input = detectorInput(pixels);
      let output: tf.Tensor | null = null;
      try {
        output = graph.execute(input) as tf.Tensor;
        const raw = (await output.data()) as Float32Array;
        return weightedNonMaxSuppression(decodeDetections(raw, minScore));
      } finally {
        input.dispose();
        output?.dispose();
      }
    },
    dispose() {
      graph.dispose();
    },
  };
}
