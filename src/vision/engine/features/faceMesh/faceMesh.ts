/**
 * MediaPipe's Face Mesh (TF.js graph model, 192x192 input in [0, 1], 468 landmarks with
 * depth) run on the face finder's square (faceFraming.ts's crop, 1.5x the face: the crop
 * MediaPipe itself takes from its detector's box), read into the head's angles
 * (headAngles.ts). The frame reader decides which frames it sees (frameReader.ts).
 *
 * The weights are never fetched here: the caller passes the model's files (ModelArtifacts,
 * as for the detector) or a tfjs IOHandler (Node reads them from disk).
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import type { Face } from '../faceFinder/face';
import type { RegionReader, RgbaPixels } from '../faceFinder/regionPixels';
import { faceCropRegion } from '../faceFraming';
import { headAngles, type HeadAngles } from './headAngles';
import { MESH_INPUT_SIZE, MESH_POINTS } from './meshModel';

/** The graph's outputs (model.json's signature: output_mesh, output_faceflag). */
const MESH_OUTPUT = 'Identity_2:0';
const FACE_FLAG_OUTPUT = 'Identity_1:0';

export interface MeshReading {
  /** 468 x (x, y, z) in the 192x192 crop's pixels (z relative, same scale). */
  readonly landmarks: Float32Array;
  readonly angles: HeadAngles;
  /** How sure the model is that the crop shows a face (0..1). */
  readonly faceFlag: number;
}

export interface FaceMesh {
  /** The mesh of the face in a 192x192 RGBA crop. Leaves no tensor behind. */
  measure(pixels: RgbaPixels): Promise<MeshReading>;
  dispose(): void;
}

function isIOHandler(model: tf.io.IOHandler | tf.io.ModelArtifacts): model is tf.io.IOHandler {
  return typeof (model as tf.io.IOHandler).load === 'function';
}

/** RGBA bytes -> [1, 192, 192, 3] in [0, 1]. */
function meshInput(pixels: RgbaPixels): tf.Tensor4D {
  if (pixels.width !== MESH_INPUT_SIZE || pixels.height !== MESH_INPUT_SIZE) {
    throw new Error(
      `the face mesh takes ${MESH_INPUT_SIZE}x${MESH_INPUT_SIZE}, got ${pixels.width}x${pixels.height}`,
    );
  }
  const count = MESH_INPUT_SIZE * MESH_INPUT_SIZE;
  const rgb = new Float32Array(count * 3);
  for (let i = 0, j = 0; i < count; i++, j += 3) {
    rgb[j] = (pixels.data[4 * i] ?? 0) / 255;
    rgb[j + 1] = (pixels.data[4 * i + 1] ?? 0) / 255;
    rgb[j + 2] = (pixels.data[4 * i + 2] ?? 0) / 255;
  }
  return tf.tensor4d(rgb, [1, MESH_INPUT_SIZE, MESH_INPUT_SIZE, 3]);
}

/** The mesh of `face` in the frame `reader` cuts from (the canvas in play, a tensor in Node). */
export async function meshOfFace(
  mesh: FaceMesh,
  reader: RegionReader,
  face: Face,
): Promise<MeshReading> {
  return mesh.measure(await reader(faceCropRegion(face), MESH_INPUT_SIZE));
}

export async function loadFaceMesh(
  model: tf.io.IOHandler | tf.io.ModelArtifacts,
): Promise<FaceMesh> {
  const graph: GraphModel = await loadGraphModel(
    isIOHandler(model) ? model : tf.io.fromMemory(model),
  );
  return {
    async measure(pixels) {
      const input = meshInput(pixels);
      let outputs: tf.Tensor[] = [];
      try {
        outputs = graph.execute(input, [MESH_OUTPUT, FACE_FLAG_OUTPUT]) as tf.Tensor[];
        const [mesh, flag] = outputs;
        if (mesh === undefined || flag === undefined) throw new Error('the face mesh gave nothing');
        const landmarks = (await mesh.data()) as Float32Array;
        if (landmarks.length !== MESH_POINTS * 3) {
          throw new Error(`the face mesh gave ${landmarks.length} numbers, not ${MESH_POINTS * 3}`);
        }
        const logit = ((await flag.data()) as Float32Array)[0] ?? 0;
        return { landmarks, angles: headAngles(landmarks), faceFlag: 1 / (1 + Math.exp(-logit)) };
      } finally {
        input.dispose();
        for (const output of outputs) output.dispose();
      }
    },
    dispose() {
      graph.dispose();
    },
  };
}
