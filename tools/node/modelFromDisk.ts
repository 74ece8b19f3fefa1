/**
 * A tfjs IOHandler that reads a graph model (model.json + shards) from a local folder, so Node
 * tools and tests load the offline weights without a server and without the internet.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';
import { sharedDir } from '../../build/sharedDir';

/** The offline MobileNet weights shared on this machine (never committed). */
export const SHARED_MOBILENET_DIR = join(sharedDir(), 'models/mobilenet_v1_025_224_graph_tfhub');

/** The offline face mesh (MediaPipe's Face Mesh, 192x192) in the shared data. */
export const SHARED_FACE_MESH_DIR = join(sharedDir(), 'models/mediapipe_facemesh_192');

/** The offline face detector (MediaPipe short-range BlazeFace) in the shared data. */
export const SHARED_FACE_DETECTOR_DIR = join(
  sharedDir(),
  'models/mediapipe_face_detection_short_128',
);

interface ModelJson {
  modelTopology: object;
  weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  signature?: object;
  userDefinedMetadata?: Record<string, object>;
}

export function modelFromDisk(folder: string = SHARED_MOBILENET_DIR): tf.io.IOHandler {
  return {
    async load(): Promise<tf.io.ModelArtifacts> {
      const json = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8')) as ModelJson;
      const weightSpecs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Buffer[] = [];
      for (const group of json.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const path of group.paths) buffers.push(await readFile(join(folder, path)));
      }
      const joined = Buffer.concat(buffers);
      const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.length);
      return {
        modelTopology: json.modelTopology,
        weightSpecs,
        weightData,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}
