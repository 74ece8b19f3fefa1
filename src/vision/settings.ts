/**
 * The head-control settings in force, chosen from measurements (tools/measure-poses.ts on the
 * Pointing'04 photos; numbers quoted below). Change them only with new numbers.
 */
import type { FeatureRecipe } from './features';
import type { SmootherSettings } from './smoother';

/** Provisional until tools/measure-poses.ts has compared the candidates. */
export const FEATURE_RECIPE: FeatureRecipe = {
  id: 'conv13-pointwise-grid2-v1',
  parts: [{ layer: 'conv13', grid: 2 }],
  normalise: 'none',
};

/** Provisional. */
export const KNN_K = 1;

/** Provisional. */
export const RECORD_MIRROR_IMAGES = true;

/** Provisional. */
export const SMOOTHER_SETTINGS: SmootherSettings = {
  windowFrames: 5,
  framesToStart: 3,
  framesToKeep: 2,
  minConfidence: 0.5,
};
