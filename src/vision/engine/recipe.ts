/**
 * The engine's settings in force (features, k, mirror shots), chosen from measurements:
 * tools/studies/measure-poses.ts on the Pointing'04 photos (15 people, two sessions each; calibrate
 * on one session with N shots per pose, test on the other). Cells below: mean % correct over the 15
 * people (worst person). Change these only with new numbers. At engine/'s top: every room reads
 * them (and the page, k).
 */
import type { FeatureRecipe } from './features/features';

/**
 * The Conv2d_13 pointwise map (7x7x256, the network's last map) averaged over a 2x2 grid:
 * 1024 numbers. Measured, k=1, no mirror images:
 *
 *   features                          N=1          N=3          N=all
 *   conv13 global pool (256)          60.0 (44.5)  69.9 (48.0)  77.5 (45.3)
 *   conv13 2x2 (1024)    <- chosen    71.4 (62.9)  80.6 (66.8)  86.4 (70.8)
 *   conv13 3x3 (2304)                 71.4 (62.9)  80.5 (67.5)  86.7 (71.7)
 *   conv12 3x3                        68.5 (46.6)  76.8 (46.6)  83.5 (55.7)
 *   conv11 / conv9 / conv7 grids      ~63 (~30)    ~73 (~32)    ~81 (~44)
 *   conv13 2x2 + conv12 2x2 (2048)    71.8 (60.4)  80.6 (63.1)  86.8 (67.9)
 *
 * Finer grids, earlier layers and joined layers gain at most half a point, at 2-4x the size
 * of every calibration and every comparison; earlier layers lose the worst person (a changed
 * background between the sessions misleads them). The 2x2 grid keeps where the face's parts
 * sit in the picture, which the global pool throws away (+11 points).
 */
export const FEATURE_RECIPE: FeatureRecipe = {
  id: 'conv13-pointwise-grid2-v1',
  parts: [{ layer: 'conv13', grid: 2 }],
  normalise: 'none',
};

/**
 * k = 1: the single nearest shot decides. With mirror images, conv13 2x2:
 *   k=1  72.7 (65.4)  81.1 (71.7)  86.7 (71.7)
 *   k=3  52.6 (26.9)  78.5 (70.2)  87.4 (75.5)
 *   k=5  48.4 (32.6)  74.9 (66.9)  86.0 (74.5)
 * With few shots per pose, k > 1 lets other poses outvote the right one; it only pays with
 * many distinct shots. The smoother's vote over frames does what a larger k would.
 */
export const KNN_K = 1;

/**
 * Record each calibration shot's mirror image too, as a shot of the mirrored pose (left and
 * right swap). conv13 2x2, k=1: without 71.4 (62.9) / 80.6 (66.8) / 86.4 (70.8), with
 * 72.7 (65.4) / 81.1 (71.7) / 86.7 (71.7): the worst person gains 5 points at N=3, for one
 * more embedding per shot during calibration only. Mirroring only left/right shots measured
 * the same (73.3 / 81.2 / 86.9). Centring on the calibration mean added < 1 point: not used.
 */
export const RECORD_MIRROR_IMAGES = true;
