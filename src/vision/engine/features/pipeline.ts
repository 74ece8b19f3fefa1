/**
 * The identity of the running head-pose pipeline: which network, which features, which
 * framing. A calibration is only meaningful to the exact pipeline that recorded it, so these
 * ids travel in every calibration file and stored calibration, and are compared on load.
 */

import { FACE_FEATURE_ID, FACE_VECTOR_LENGTH } from './faceFeatures';
import { FACE_DETECTOR_ID } from './faceFinder/anchors';
import { FACE_MESH_ID } from './faceMesh/meshModel';
import { FACE_PREPROCESSING_ID } from './faceFraming';

/** The network: TF-Hub mobilenet_v1_025_224 classification graph, ImageNet weights. */
export const MODEL_ID = 'mobilenet_v1_025_224-tfhub-imagenet-classification';

export interface PipelineIds {
  readonly modelId: string;
  readonly featureId: string;
  readonly preprocessingId: string;
  readonly vectorLength: number;
}

/**
 * The face-aligned pipeline (faceFeatures.ts): MobileNet on a square around the face the
 * detector found (faceFraming.ts), plus the face's keypoints, plus the head's angles from the
 * face mesh. Calibrations of the pipelines before it (files of version 1: the centre square;
 * version 2: without the angles) cannot be compared with its vectors.
 */
export const CURRENT_PIPELINE: PipelineIds = {
  // The three networks shape the vector: the detector places the square and gives the
  // keypoints, the mesh the angles.
  modelId: `${MODEL_ID}+${FACE_DETECTOR_ID}+${FACE_MESH_ID}`,
  featureId: FACE_FEATURE_ID,
  preprocessingId: FACE_PREPROCESSING_ID,
  vectorLength: FACE_VECTOR_LENGTH,
};
