/**
 * The identity of the running head-pose pipeline: which network, which features, which
 * framing. A calibration is only meaningful to the exact pipeline that recorded it, so these
 * ids travel in every calibration file and stored calibration, and are compared on load.
 */
import { featureLength } from './features';
import { PREPROCESSING_ID } from './framing';
import { FEATURE_RECIPE } from './recipe';

/** The network: TF-Hub mobilenet_v1_025_224 classification graph, ImageNet weights. */
export const MODEL_ID = 'mobilenet_v1_025_224-tfhub-imagenet-classification';

export interface PipelineIds {
  readonly modelId: string;
  readonly featureId: string;
  readonly preprocessingId: string;
  readonly vectorLength: number;
}

export const CURRENT_PIPELINE: PipelineIds = {
  modelId: MODEL_ID,
  featureId: FEATURE_RECIPE.id,
  preprocessingId: PREPROCESSING_ID,
  vectorLength: featureLength(FEATURE_RECIPE),
};
