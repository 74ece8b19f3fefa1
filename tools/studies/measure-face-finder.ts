/**
 * Measures the face finder and the face-aligned pipeline on the Pointing'04 photos and prints
 * markdown tables (the numbers in faceFraming.ts, poseConfidence.ts and calibrationFit.ts
 * come from here):
 *
 *   npx tsx tools/studies/measure-face-finder.ts      (first run: ~10 sets of 3,180 embeddings)
 *
 *  1. the face finder: faces found, its boxes against the labels, the keypoints' mirror
 *     formula against the detector on flipped photos, ms per detector pass;
 *  2. eye band options (photos as stored, keypoints included);
 *  3. the pipelines on the photos as stored and moved and shrunk (facePipelineReport.ts);
 *  4. with the winning pipeline's vectors, N=3: the confidence from the similarities and the
 *     "calibration no longer fits" signal (confidenceStudy.ts).
 * Protocol and cells as measure-poses: mean % over the 15 people (worst person).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { FarRule } from '../../src/vision/engine/classifier/calibrationFit';
import { FAR_RULE } from '../../src/vision/engine/classifier/calibrationFit';
import { PICTURE_AND_KEYPOINTS_LENGTH } from '../../src/vision/engine/features/faceFeatures';
import { KEYPOINT_FEATURE_LENGTH } from '../../src/vision/engine/features/faceFinder/keypointFeatures';
import { EYE_BAND, type EyeBandShape } from '../../src/vision/engine/features/faceFraming';
import { accuracyTable, knnResult, markdownTable, type MethodResult } from '../node/accuracyReport';
import { boxAgreement, mirrorAgreement } from '../node/faceChecks';
import { facesOf, loadSharedFaceDetector, timeDetector } from '../node/faceCache';
import {
  FACE_PIPELINES,
  faceFoundTable,
  facePipelineReports,
  facePipelineTable,
} from '../node/facePipelineReport';
import { facePipelineVectors } from '../node/faceVectors';
import {
  confidenceTable,
  farPerPersonTable,
  farTable,
  ruleLabel,
  runConfidenceStudy,
} from './node/confidenceStudy';
import { PHOTO_SETS, PLAIN_PHOTOS } from '../node/photoSets';
import { POINTING04_DIR, readFaceBoxes, readPointing04 } from '../node/pointing04';
import { useWasmBackend } from '../node/wasmBackend';

const log = (line: string): void => console.error(line);
const pct = (value: number): string => (100 * value).toFixed(1);

const BAND_OPTIONS: readonly EyeBandShape[] = [
  { height: 0.1, offset: 0 },
  { height: 0.15, offset: 0 },
  { height: 0.25, offset: 0 },
  { height: 0.35, offset: 0 },
  { height: 0.25, offset: 0.05 },
];

const KEYPOINT_WEIGHTS = [0.5, 1, 1.5, 2];

const FAR_RULES: readonly FarRule[] = [0, 10, 20].flatMap((percentile) =>
  [1, 0.99, 0.98, 0.97, 0.95].map((factor) => ({ percentile, factor })),
);

/**
 * The six people who wore glasses in one session and not in the other (seen on the neutral
 * photos of both sessions): the eye band is meant to make that matter less.
 */
const GLASSES_CHANGED = ['01', '04', '05', '10', '12', '14'].map((n) => `pointing04_person${n}`);

/** Mean accuracy of the people who changed glasses and of the others, N=1 / 3 / all. */
function glassesTable(results: readonly MethodResult[]): string {
  const shots = ['1', '3', 'all'];
  const mean = (result: MethodResult, changed: boolean, n: string): string => {
    const values = Object.entries(result.perPerson)
      .filter(([person]) => GLASSES_CHANGED.includes(person) === changed)
      .map(([, byShots]) => byShots[n] ?? 0);
    return pct(values.reduce((a, b) => a + b, 0) / values.length);
  };
  return markdownTable(
    [
      'method',
      'glasses changed between sessions (6 people), N=1 / 3 / all',
      'the other 9 people, N=1 / 3 / all',
    ],
    results.map((r) => [
      r.method,
      shots.map((n) => mean(r, true, n)).join(' / '),
      shots.map((n) => mean(r, false, n)).join(' / '),
    ]),
  );
}

function section(title: string, body: string): void {
  console.log(`\n### ${title}\n\n${body}`);
}

async function main(): Promise<void> {
  const photos = readPointing04();
  await useWasmBackend();
  const folder = POINTING04_DIR;

  // 3 first: it fills every cache the other sections read.
  const reports = await facePipelineReports(photos, folder, log);

  // 1. The face finder.
  const detector = await loadSharedFaceDetector();
  const every = (step: number) => photos.filter((_, i) => i % step === 0);
  const mirror = await mirrorAgreement(
    detector,
    every(40).filter((p) => Math.abs(p.yaw) <= 60 && Math.abs(p.pitch) <= 60),
  );
  detector.dispose();
  const timings = [];
  for (const set of PHOTO_SETS) timings.push({ set, timing: await timeDetector(every(25), set) });
  const boxes = boxAgreement(photos, reports[0]?.faces ?? [], readFaceBoxes());
  section(`Face finder on Pointing'04 (${photos.length} photos)`, faceFoundTable(reports));
  section(
    'Detector speed (tfjs wasm in Node, one core; a sample of 64 photos per set)',
    markdownTable(
      [
        'photos',
        'ms per detector pass p50',
        'ms to cut a 128x128 region (tensors) p50',
        'passes per frame: first look / tracking',
      ],
      timings.map(({ set, timing }) => [
        set.label,
        timing.msPerPassP50.toFixed(1),
        timing.msPerReadP50.toFixed(1),
        `${timing.passesFirstLook} / ${timing.passesTracking}`,
      ]),
    ),
  );
  section(
    'Boxes against face_boxes.csv, and the keypoint mirror formula against the detector on flipped photos',
    markdownTable(
      ['check', 'result'],
      [
        ['photos with a face and a label', String(boxes.photos)],
        ['IoU with the labelled box, median', boxes.iouMedian.toFixed(2)],
        ['detector box side / labelled box longer side, median', boxes.sizeRatioMedian.toFixed(2)],
        ['labelled centre inside the detector box', `${pct(boxes.centreInside)} %`],
        [
          `mirror formula vs flipped photo (${mirror.photos} photos, yaw and pitch within ±60°): mean difference per photo, median / worst`,
          `${mirror.meanDifferenceMedian.toFixed(3)} / ${mirror.meanDifferenceWorst.toFixed(3)} box sides`,
        ],
        ['largest single difference', `${mirror.largestDifference.toFixed(3)} box sides`],
      ],
    ),
  );

  // 2. Eye band options.
  const plainFaces = await facesOf(photos, PLAIN_PHOTOS, folder, log);
  const bandResults = [reports[0]?.results[2]].filter((r) => r !== undefined);
  for (const band of BAND_OPTIONS) {
    const vectors = await facePipelineVectors(
      photos,
      PLAIN_PHOTOS,
      folder,
      plainFaces,
      { band, keypoints: true },
      log,
    );
    bandResults.push(
      knnResult(
        photos,
        vectors.vectors,
        `eye band ${band.height} of the box high, centre ${band.offset} below the eyes${band.height === EYE_BAND.height && band.offset === EYE_BAND.offset ? ' (in force)' : ''}`,
        { ...(vectors.usable === undefined ? {} : { usable: vectors.usable }) },
      ),
    );
  }
  section(
    'Eye band options (photos as stored, face square 1.5x + keypoints)',
    `${accuracyTable(bandResults)}\n\n${glassesTable(bandResults)}`,
  );

  // 2b. The keypoints' weight against the picture features (the recipe uses 1).
  for (const report of reports) {
    // The eye band pipeline's vectors (the head's angles, after them, are not weighted here).
    const vectors = report.vectors[FACE_PIPELINES.length];
    if (vectors === undefined) continue;
    const rows = KEYPOINT_WEIGHTS.map((weight) =>
      knnResult(
        photos,
        vectors.vectors.map((vector) => {
          const weighted = new Float32Array(vector);
          for (
            let i = PICTURE_AND_KEYPOINTS_LENGTH - KEYPOINT_FEATURE_LENGTH;
            i < weighted.length;
            i++
          ) {
            weighted[i] = (weighted[i] as number) * weight;
          }
          return weighted;
        }),
        `keypoints x ${weight}${weight === 1 ? ' (in force)' : ''}`,
        { ...(vectors.usable === undefined ? {} : { usable: vectors.usable }) },
      ),
    );
    section(
      `Keypoint part's weight, ${report.set.label} (face square + keypoints + eye band)`,
      accuracyTable(rows),
    );
  }

  // 3. The pipelines.
  section(
    'Pipelines: photos as stored and moved and shrunk (N=1 / 3 / all, mean (worst person))',
    facePipelineTable(reports),
  );

  // 4. Confidence and fit, with the winning pipeline (the last row), photos as stored, N=3.
  const winner = reports[0]?.vectors.at(-1);
  if (winner === undefined) return;
  const study = runConfidenceStudy(photos, winner, FAR_RULES, { shots: 3, draws: 20, seed: 2004 });
  const sortedScales = [...study.scales].sort((a, b) => a - b);
  section(
    `Confidence = clamp(margin / scale, 0, 1), N=3, other-session photos (${study.judged.length} predictions; ${study.calibrations} calibrations, ${study.withoutScale} without a scale; scale median ${sortedScales[Math.floor(sortedScales.length / 2)]?.toFixed(4)}, 10th-90th percentile ${sortedScales[Math.floor(sortedScales.length * 0.1)]?.toFixed(4)}-${sortedScales[Math.floor(sortedScales.length * 0.9)]?.toFixed(4)})`,
    confidenceTable(study, [0.1, 0.2, 0.3, 0.5]),
  );
  section('Calibration no longer fits: share of far frames, N=3', farTable(study));
  section(
    `Far frames per person, rule in force (${ruleLabel(FAR_RULE)})`,
    farPerPersonTable(study, ruleLabel(FAR_RULE)),
  );
  console.error(`${tf.memory().numTensors} tensors alive at the end`);
}

await main();
