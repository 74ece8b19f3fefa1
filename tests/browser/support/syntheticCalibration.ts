// A complete, valid calibration file made of seeded random vectors: enough to turn head control
// on (every pose has its shots) in a test that is about something else than steering well.
import { mulberry32 } from '../../../src/game/random';
import { serializeCalibration } from '../../../src/vision/calibration/calibrationFile';
import { CURRENT_PIPELINE } from '../../../src/vision/engine/features/pipeline';
import type { PoseSample } from '../../../src/vision/poseSamples';
import { perPose } from '../../../src/vision/poses';

export function syntheticCalibration(shotsPerPose: number, seed = 1): string {
  const random = mulberry32(seed);
  const vector = (): Float32Array =>
    Float32Array.from({ length: CURRENT_PIPELINE.vectorLength }, () => random() + 0.01);
  const samples = perPose((): PoseSample[] =>
    Array.from({ length: shotsPerPose }, () => ({ features: vector(), mirrored: null })),
  );
  return serializeCalibration(samples, new Date('2026-01-01T00:00:00.000Z'));
}
