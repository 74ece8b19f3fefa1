/**
 * How far each shot of exported calibrations is from being mistaken, as the quality check
 * sees it (src/vision/engine/classifier/calibrationReport.ts: the nearest shot of its own pose
 * minus the nearest of any other, burst neighbours left out). RECOGNISED_MARGIN was set from this:
 *
 *   npx tsx tools/studies/measure-quality-margins.ts good.json mistaken.json ...
 *
 * Record the files through the screen (the calibration screen's Export), e.g. once as asked
 * and once looking straight when asked to turn.
 */
import { readFileSync } from 'node:fs';
import { parseCalibrationFile } from '../../src/vision/calibration/calibrationFile';
import {
  leaveOneOutReport,
  RECOGNISED_MARGIN,
  shotMargins,
} from '../../src/vision/engine/classifier/calibrationReport';
import { KNN_K } from '../../src/vision/engine/recipe';
import { POSES } from '../../src/vision/poses';
import { markdownTable } from '../node/accuracyReport';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npx tsx tools/studies/measure-quality-margins.ts calibration.json ...');
  process.exit(2);
}

const share = (value: number | null): string =>
  value === null ? '-' : `${Math.round(100 * value)} %`;

const rows: string[][] = [];
for (const file of files) {
  const parsed = parseCalibrationFile(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    console.error(`${file}: ${parsed.message}`);
    continue;
  }
  const samples = parsed.calibration.samples;
  const margins = shotMargins(samples);
  const report = leaveOneOutReport(samples, KNN_K);
  for (const pose of POSES) {
    const sorted = [...margins[pose]].sort((a, b) => a - b);
    const at = (q: number): string =>
      (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toExponential(1);
    const within = sorted.filter((m) => m >= 0 && m < RECOGNISED_MARGIN).length;
    rows.push([
      file.split('/').at(-1) ?? file,
      pose,
      String(sorted.length),
      share(report.accuracyPerPose[pose]),
      at(0),
      at(0.5),
      String(sorted.filter((m) => m < 0).length),
      String(within),
    ]);
  }
}
console.log(
  markdownTable(
    [
      'file',
      'pose',
      'shots',
      'recognised',
      'lowest margin',
      'median',
      'below 0',
      `in [0, ${RECOGNISED_MARGIN})`,
    ],
    rows,
  ),
);
