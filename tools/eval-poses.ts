/**
 * The accuracy protocol of issue 4 on any folder of head-pose photos with a labels.csv in the
 * Pointing'04 columns (file,subject,yaw_deg,pitch_deg,direction; optional series), through the game's own
 * pipeline (features, k and mirror shots of src/vision/engine/recipe.ts; smoother off).
 *
 *   npm run eval:poses -- <folder> [--baseline] [--no-face-finder] [--json out.json]
 *
 * --baseline also trains the webcam Pac-Man demo's dense head (3 seeds; a few minutes).
 * The game's pipeline is the face finder's last (face square, keypoints, eye band:
 * facePipelineReport.ts), measured beside the centre square it replaced, on the photos as
 * stored and moved and shrunk into a 640x480 frame (movedAndShrunk.ts); --no-face-finder
 * measures the centre square alone (no detector needed).
 * Per person: calibrate on one series with N shots per pose (N = 1, 3, all), test on the
 * other series, then the reverse. Cells: mean % correct over people (worst person).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import {
  accuracyTable,
  confusionTable,
  demoResultOf,
  type DemoPart,
  knnResult,
  markdownTable,
  projectLabel,
  projectVectors,
  recallTable,
  type MethodResult,
} from './node/accuracyReport';
import {
  faceFoundTable,
  facePipelineReports,
  facePipelineTable,
  type SetReport,
} from './node/facePipelineReport';
import { demoMapsOf } from './node/layersBaseline';
import { MOVED_AND_SHRUNK, PLAIN_PHOTOS, type PhotoSet } from './node/photoSets';
import { cacheDirFor, readPoseFolder } from './node/poseFolder';
import { useWasmBackend } from './node/wasmBackend';

/**
 * The demo baseline on one photo set (as stored, or moved and shrunk), its trials shared
 * between one process per core.
 */
async function demoBaseline(
  folder: string,
  photos: ReturnType<typeof readPoseFolder>,
  cacheDir: string,
  set: PhotoSet = PLAIN_PHOTOS,
): Promise<MethodResult> {
  // The conv_pw_13 maps are computed (and cached, a folder per set) once, before the parts
  // start; the parts read them from that folder.
  const setCacheDir = set === PLAIN_PHOTOS ? cacheDir : join(cacheDir, set.id);
  const byPath = new Map(photos.map((photo) => [photo.path, photo]));
  await demoMapsOf(
    photos.map((p) => p.path),
    setCacheDir,
    (line) => console.error(line),
    (path) => set.frameOf(byPath.get(path) as (typeof photos)[number]),
  );
  const count = Math.max(1, Math.min(availableParallelism(), 4));
  const start = performance.now();
  const parts = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      runPart([
        'tsx',
        'tools/demo-baseline-part.ts',
        folder,
        String(index),
        String(count),
        setCacheDir,
      ]),
    ),
  );
  const result = demoResultOf(parts, (performance.now() - start) / 1000);
  return set === PLAIN_PHOTOS
    ? result
    : { ...result, method: `${result.method}, ${set.shortLabel}` };
}

function runPart(args: string[]): Promise<DemoPart> {
  return new Promise((resolvePart, reject) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`demo baseline part ${args.join(' ')} exited ${code}`));
      else resolvePart(JSON.parse(out) as DemoPart);
    });
  });
}

export interface AccuracyRun {
  readonly folder: string;
  readonly photos: number;
  readonly people: number;
  readonly results: MethodResult[];
  /** The game's own pipeline among the results. */
  readonly game: MethodResult;
  /** Per photo set: share of photos with a face found (all; |yaw|, |pitch| <= 60). */
  readonly facesFound?: Record<string, { all: number; within60: number }>;
  readonly markdown: string;
}

export async function runAccuracy(
  folder: string,
  options: {
    baseline: boolean;
    extra?: (vectors: Float32Array[]) => MethodResult[];
    /** The face finder's pipelines and the moved-and-shrunk photos too (default: yes). */
    faceFinder?: boolean;
  } = {
    baseline: false,
  },
): Promise<AccuracyRun> {
  const photos = readPoseFolder(folder);
  await useWasmBackend();
  const cacheDir = cacheDirFor(folder);
  const vectors = await projectVectors(photos, cacheDir);
  const results = [knnResult(photos, vectors, projectLabel())];
  if (options.extra !== undefined) results.push(...options.extra(vectors));
  if (options.baseline) results.push(await demoBaseline(folder, photos, cacheDir));
  if (options.baseline && (options.faceFinder ?? true)) {
    results.push(await demoBaseline(folder, photos, cacheDir, MOVED_AND_SHRUNK));
  }
  let faces: SetReport[] = [];
  if (options.faceFinder ?? true) {
    faces = await facePipelineReports(photos, folder, (line) => console.error(line));
    // The centre square on the stored photos is results[0] already.
    results.push(...faces.flatMap((report, i) => report.results.slice(i === 0 ? 1 : 0)));
  }
  const people = new Set(photos.map((p) => p.person)).size;
  // The game's own pipeline: with the face finder measured, its last pipeline on the photos
  // as stored (face square + keypoints + eye band); else the centre square.
  const ours = (faces[0]?.results.at(-1) ?? results[0]) as MethodResult;
  const demo = results.find((r) => r.trainMsMedian !== undefined);
  const shown = demo === undefined ? [ours] : [ours, demo];
  const perPerson = Object.keys(ours.perPerson).map((person) => [
    person,
    ...['1', '3', 'all'].map((n) => (100 * (ours.perPerson[person]?.[n] ?? 0)).toFixed(1)),
    ...(demo === undefined
      ? []
      : ['1', '3', 'all'].map((n) => (100 * (demo.perPerson[person]?.[n] ?? 0)).toFixed(1))),
  ]);
  const markdown = [
    `### Accuracy: ${folder} (${people} people, ${photos.length} photos; calibrate on one series, test on the other, both ways)`,
    '',
    'Cells: mean % correct over the people (worst person). N = shots per pose; N=1 and N=3 average 20 random draws (the demo: 3 seeds).',
    '',
    accuracyTable(results),
    '',
    '#### Recall per pose at N=3 and N=all',
    '',
    recallTable(shown, 3),
    '',
    recallTable(shown, 'all'),
    '',
    ...(faces.length === 0
      ? []
      : [
          '#### Face finder: the face-aligned pipelines, on the photos as stored and moved and shrunk into a 640x480 frame',
          '',
          'Cells: N=1 / 3 / all, mean % correct (worst person). A photo without a face counts as neutral (the game keeps going).',
          '',
          facePipelineTable(faces),
          '',
          faceFoundTable(faces),
          '',
        ]),
    `#### Confusion at N=3, ${ours.method} (rows: truth, columns: predicted; all people and draws)`,
    '',
    confusionTable(ours, 3),
    ...(demo === undefined
      ? []
      : ['', `#### Confusion at N=3, the demo's method`, '', confusionTable(demo, 3)]),
    '',
    '#### Per person, % correct (headchomp N=1 / 3 / all' +
      (demo === undefined ? ')' : '; demo N=1 / 3 / all)'),
    '',
    markdownTable(
      demo === undefined
        ? ['person', 'N=1', 'N=3', 'N=all']
        : ['person', 'N=1', 'N=3', 'N=all', 'demo N=1', 'demo N=3', 'demo N=all'],
      perPerson,
    ),
  ].join('\n');
  const facesFound = Object.fromEntries(faces.map((report) => [report.set.id, report.found]));
  return { folder, photos: photos.length, people, results, game: ours, facesFound, markdown };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const folder = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--json');
  if (folder === undefined) {
    console.error(
      'usage: npm run eval:poses -- <folder with labels.csv> [--baseline] [--no-face-finder] [--json out.json]',
    );
    process.exit(2);
  }
  const jsonAt = args.indexOf('--json');
  const run = await runAccuracy(folder, {
    baseline: args.includes('--baseline'),
    faceFinder: !args.includes('--no-face-finder'),
  });
  console.log(run.markdown);
  if (jsonAt >= 0 && args[jsonAt + 1] !== undefined) {
    const out = args[jsonAt + 1] as string;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(run, null, 2));
  }
}

if (process.argv[1]?.endsWith('eval-poses.ts')) await main();
