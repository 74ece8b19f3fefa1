/**
 * The face finder's comparison on one folder of photos, as stored and moved and shrunk:
 * today's centre square; the face square 1.5x (two detector passes); + the 12 keypoint
 * numbers; + the eye band; + the head's angles from the face mesh with the angle gate (the
 * game's pipeline since issue 17). Same protocol as every other accuracy table
 * (accuracyReport.ts), plus how often a face was found and the wrong turns at N=3. Shared by
 * eval-poses, measure-face-finder and the bench.
 */
import { EYE_BAND } from '../../src/vision/engine/features/faceFraming';
import type { Face } from '../../src/vision/engine/features/faceFinder/face';
import { anglesOfVector } from '../../src/vision/engine/angleFeatures';
import { GATE_SHARE, TAKEN_SHARE } from '../../src/vision/engine/classifier/angleGate';
import { knnResult, markdownTable, wrongTurns, type MethodResult } from './accuracyReport';
import { facesOf } from './faceCache';
import { withMeshAngles } from './gamePipeline';
import { angleGate } from './neutralMargin';
import {
  centreSquareVectors,
  faceFoundRates,
  facePipelineVectors,
  type FacePipelineOptions,
  type PipelineVectors,
} from './faceVectors';
import { PHOTO_SETS, type PhotoSet } from './photoSets';
import type { PosePhoto } from './pointing04';

type Log = (line: string) => void;

/** The pipelines compared, in the order they add a piece. */
export const FACE_PIPELINES: ReadonlyArray<{ label: string; options: FacePipelineOptions }> = [
  { label: 'face square 1.5x', options: { band: null, keypoints: false } },
  { label: 'face square 1.5x + keypoints', options: { band: null, keypoints: true } },
  {
    label: 'face square 1.5x + keypoints + eye band',
    options: { band: EYE_BAND, keypoints: true },
  },
];

export interface SetReport {
  readonly set: PhotoSet;
  readonly faces: Array<Face | null>;
  readonly found: { all: number; within60: number };
  /** The centre square first, then FACE_PIPELINES in order, then the mesh's angles. */
  readonly results: MethodResult[];
  /** The vectors of each result, same order (for further studies). */
  readonly vectors: PipelineVectors[];
}

export async function facePipelineReports(
  photos: readonly PosePhoto[],
  folder: string,
  log: Log,
  sets: readonly PhotoSet[] = PHOTO_SETS,
): Promise<SetReport[]> {
  const reports: SetReport[] = [];
  for (const set of sets) {
    const faces = await facesOf(photos, set, folder, log);
    const vectors: PipelineVectors[] = [await centreSquareVectors(photos, set, folder, log)];
    for (const pipeline of FACE_PIPELINES) {
      vectors.push(await facePipelineVectors(photos, set, folder, faces, pipeline.options, log));
    }
    const labels = [
      'centre square (before the face finder)',
      ...FACE_PIPELINES.map((p) => p.label),
      MESH_PIPELINE_LABEL,
    ];
    const last = vectors.at(-1) as PipelineVectors;
    vectors.push(await withMeshAngles(photos, set, folder, faces, last, log));
    const results = vectors.map((v, i) => {
      const gate = i === vectors.length - 1;
      return knnResult(photos, v.vectors, `${set.id}: ${labels[i]}`, {
        ...(v.usable === undefined ? {} : { usable: v.usable }),
        ...(gate
          ? {
              vote: angleGate(
                GATE_SHARE,
                (j) => anglesOfVector(v.vectors[j] as Float32Array),
                photos.length,
              ),
            }
          : {}),
      });
    });
    reports.push({ set, faces, found: faceFoundRates(photos, faces), results, vectors });
  }
  return reports;
}

export const MESH_PIPELINE_LABEL = `+ head angles from the face mesh, angle rule (gate ${GATE_SHARE} of the way to where a turn begins, taken at ${TAKEN_SHARE})`;

const pct = (value: number): string => (100 * value).toFixed(1);

/** One row per pipeline, one column group per set: N=1 / 3 / all, mean (worst person). */
export function facePipelineTable(reports: readonly SetReport[]): string {
  const shots = ['1', '3', 'all'];
  const rowCount = reports[0]?.results.length ?? 0;
  const rows = Array.from({ length: rowCount }, (_, r) => [
    (reports[0]?.results[r]?.method ?? '').replace(/^[^:]*: /, ''),
    ...reports.flatMap((report) =>
      shots.map((n) => {
        const cell = report.results[r]?.byShots[n];
        return cell === undefined ? '–' : `${pct(cell.mean)} (${pct(cell.worst)})`;
      }),
    ),
    ...reports.map((report) => {
      const result = report.results[r];
      return result === undefined ? '–' : `${pct(wrongTurns(result).straight)} %`;
    }),
  ]);
  return markdownTable(
    [
      'pipeline',
      ...reports.flatMap((report) => shots.map((n) => `${report.set.shortLabel} N=${n}`)),
      ...reports.map((report) => `${report.set.shortLabel}: straight read as a turn (N=3)`),
    ],
    rows,
  );
}

export function faceFoundTable(reports: readonly SetReport[]): string {
  return markdownTable(
    ['photos', 'face found, all', 'face found, yaw and pitch within ±60°'],
    reports.map((r) => [r.set.label, `${pct(r.found.all)} %`, `${pct(r.found.within60)} %`]),
  );
}
