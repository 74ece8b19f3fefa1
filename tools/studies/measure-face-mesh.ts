/**
 * The face-mesh study of issue 17: does the head's own geometry (MediaPipe's Face Mesh on the
 * face finder's box) beside MobileNet make turns right on another day? Prints markdown tables:
 *
 *   npx tsx tools/studies/measure-face-mesh.ts [--moved] [--margins] [--tracking]
 *
 *  1. the mesh's angles against the photos' labelled yaw and pitch (is the geometry sane?);
 *  2. per feature set, the project protocol (calibrate on one Pointing'04 session with N shots
 *     a pose, test on the other, both ways; 20 draws; mean % over the 15 people (worst person))
 *     and, at N=3, the wrong turns: the share of straight photos read as a turn, and of turned
 *     photos read as another turn. `--moved` adds the moved-and-shrunk photos.
 * The knn is the game's (k=1, mirror shots, cosine); a feature set is a vector per photo and
 * one per its mirror image, as the game records them. `--margins` adds the neutral margins of
 * node/neutralMargin.ts (a turn only when the frame is far enough from the player's straight).
 * `--tracking` adds how well a box made from the mesh's landmarks stands in for the detector's
 * (node/meshTracking.ts: could the mesh track the face and the detector rest?).
 */
import { RECORD_MIRROR_IMAGES } from '../../src/vision/engine/recipe';
import { unitLength } from '../../src/vision/engine/unitLength';

import {
  accuracyTable,
  knnResult,
  markdownTable,
  wrongTurns,
  type MethodResult,
} from '../node/accuracyReport';
import { evaluate, type VoteRule } from '../node/knnEvaluation';
import { angleGate, similarityMargin } from '../node/neutralMargin';
import { meshesOf, type PhotoMesh } from '../node/faceMesh';
import { meshTrackingTable } from './node/meshTracking';
import {
  faceShape,
  headAngles,
  SHAPE_POINTS,
  type HeadAngles,
} from '../../src/vision/engine/features/faceMesh/headAngles';
import { MOVED_AND_SHRUNK, PLAIN_PHOTOS, type PhotoSet } from '../node/photoSets';
import { gamePipelineOn } from '../node/gamePipeline';
import { POINTING04_DIR, type PosePhoto } from '../node/pointing04';

const log = (line: string): void => console.error(line);
const pct = (value: number): string => (100 * value).toFixed(1);
const degrees = (radians: number): number => (radians * 180) / Math.PI;

/** Vectors for photo i (i < n) and its mirror image (n + i), from each photo's mesh. */
function meshVectors(
  meshes: ReadonlyArray<PhotoMesh | null>,
  length: number,
  of: (mesh: ArrayLike<number>) => Float32Array,
): Float32Array[] {
  const n = meshes.length;
  return Array.from({ length: 2 * n }, (_, i) => {
    const mesh = meshes[i % n] ?? null;
    if (mesh === null) return new Float32Array(length);
    return of(i < n ? mesh.mesh : mesh.mirrored);
  });
}

const anglesVector = (a: HeadAngles, weight: number): number[] => [
  weight * a.yaw,
  weight * a.pitch,
  weight * a.roll,
];

function joined(parts: ReadonlyArray<readonly Float32Array[]>): Float32Array[] {
  const first = parts[0] ?? [];
  return first.map((_, i) => {
    const pieces = parts.map((p) => p[i] as Float32Array);
    const out = new Float32Array(pieces.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const piece of pieces) {
      out.set(piece, at);
      at += piece.length;
    }
    return out;
  });
}

/** Mean measured angle per labelled angle (plain photos): does the geometry follow the head? */
function angleTable(photos: readonly PosePhoto[], meshes: ReadonlyArray<PhotoMesh | null>): string {
  const rows: string[][] = [];
  // One axis turned, the other straight: yaw rows, then pitch rows.
  for (const axis of ['yaw', 'pitch'] as const) {
    const other = axis === 'yaw' ? 'pitch' : 'yaw';
    const labels = [...new Set(photos.map((p) => p[axis]))].sort((a, b) => a - b);
    for (const label of labels) {
      const angles = photos.flatMap((p, i) => {
        const mesh = meshes[i] ?? null;
        return p[axis] === label && p[other] === 0 && mesh !== null ? [headAngles(mesh.mesh)] : [];
      });
      if (angles.length === 0) continue;
      const mean = (f: (a: HeadAngles) => number): string =>
        degrees(angles.reduce((sum, a) => sum + f(a), 0) / angles.length).toFixed(1);
      const named = axis === 'yaw' ? `yaw ${label}, pitch 0` : `yaw 0, pitch ${label}`;
      rows.push([named, String(angles.length), mean((a) => a.yaw), mean((a) => a.pitch)]);
    }
  }
  return markdownTable(
    ['labelled', 'photos', 'mesh yaw (deg, mean)', 'mesh pitch (deg, mean)'],
    rows,
  );
}

/**
 * At N=3, the straight photos read as a turn, split by how straight they are: Pointing'04's
 * "straight" is every photo within 15 degrees both ways, and only 1 of its 9 angles is 0, 0.
 */
function straightByAngle(
  photos: readonly PosePhoto[],
  vectors: readonly Float32Array[],
  usable: readonly boolean[],
): string {
  const counts = { exact: { turn: 0, all: 0 }, off15: { turn: 0, all: 0 } };
  evaluate(
    photos,
    { vectors, k: 1, mirror: RECORD_MIRROR_IMAGES ? 'all' : 'none', centre: false, usable },
    { shots: [3], draws: 20, seed: 2004 },
    (trial) => {
      for (const [index, predicted] of trial.predictions) {
        const photo = photos[index];
        if (photo === undefined || photo.pose !== 'neutral') continue;
        const bucket = photo.yaw === 0 && photo.pitch === 0 ? counts.exact : counts.off15;
        bucket.all++;
        if (predicted.pose !== 'neutral') bucket.turn++;
      }
    },
  );
  const share = (c: { turn: number; all: number }): string => `${pct(c.turn / c.all)} %`;
  return `0°, 0°: ${share(counts.exact)}; 15° off: ${share(counts.off15)}`;
}

/** The neutral margins of neutralMargin.ts on today's features and on + angles x2. */
function marginCandidates(
  today: Float32Array[],
  meshes: ReadonlyArray<PhotoMesh | null>,
): Array<[string, Float32Array[], number, VoteRule]> {
  const n = meshes.length;
  const angleOf = Array.from({ length: 2 * n }, (_, i) => {
    const mesh = meshes[i % n] ?? null;
    return mesh === null ? null : headAngles(i < n ? mesh.mesh : mesh.mirrored);
  });
  const anglesOf = (i: number): HeadAngles | null => angleOf[i] ?? null;
  const withAngles = joined([
    today,
    meshVectors(meshes, 3, (mesh) => new Float32Array(anglesVector(headAngles(mesh), 2))),
  ]);
  const out: Array<[string, Float32Array[], number, VoteRule]> = [];
  for (const share of [0.05, 0.1, 0.2]) {
    out.push([`today's, similarity margin ${share}`, today, 1, similarityMargin(share, today)]);
  }
  for (const share of [0.4, 0.5, 0.6]) {
    out.push([`today's, angle gate ${share}`, today, 1, angleGate(share, anglesOf)]);
    out.push([`+ angles x2, angle gate ${share}`, withAngles, 1, angleGate(share, anglesOf)]);
  }
  out.push([`+ angles x2, k=3, angle gate 0.5`, withAngles, 3, angleGate(0.5, anglesOf)]);
  return out;
}

async function study(set: PhotoSet): Promise<MethodResult[]> {
  const { photos, faces, vectors: today } = await gamePipelineOn(set, log);
  const meshes = await meshesOf(photos, set, POINTING04_DIR, faces, log);
  if (set === PLAIN_PHOTOS)
    console.log(`\n### The mesh's angles (${set.label})\n\n${angleTable(photos, meshes)}`);
  if (process.argv.includes('--tracking')) {
    const turned = (i: number): string => {
      const p = photos[i] as PosePhoto;
      return Math.max(Math.abs(p.yaw), Math.abs(p.pitch)) <= 15
        ? 'within 15°'
        : 'turned 30° or more';
    };
    console.log(
      `\n### The mesh's box against the detector's (${set.label}; share of the face square)\n\n` +
        meshTrackingTable(faces, meshes, turned),
    );
  }
  const usable = faces.map((face, i) => face !== null && meshes[i] !== null);
  const angles = (weight: number): Float32Array[] =>
    meshVectors(meshes, 3, (mesh) => new Float32Array(anglesVector(headAngles(mesh), weight)));
  // Alone in a cosine knn the angles need a constant part: straight ahead is near (0, 0, 0).
  const anglesAlone = meshVectors(
    meshes,
    4,
    (mesh) => new Float32Array([...anglesVector(headAngles(mesh), 1), 1]),
  );
  const shape = meshVectors(meshes, 3 * SHAPE_POINTS.length, (mesh) => unitLength(faceShape(mesh)));
  const candidates: Array<[string, Float32Array[], number, VoteRule?]> = [
    ["today's (MobileNet conv13 + 6 keypoints, eye band)", today.vectors, 1],
    ['+ angles x1', joined([today.vectors, angles(1)]), 1],
    ['+ angles x2', joined([today.vectors, angles(2)]), 1],
    ['+ angles x4', joined([today.vectors, angles(4)]), 1],
    ['+ mesh shape (unit)', joined([today.vectors, shape]), 1],
    ['angles alone (yaw, pitch, roll, 1)', anglesAlone, 1],
    ['mesh shape alone (26 points x 3, unit)', shape, 1],
    ['+ angles x2, k=3', joined([today.vectors, angles(2)]), 3],
  ];
  if (process.argv.includes('--margins'))
    candidates.push(...marginCandidates(today.vectors, meshes));
  for (const [label, vectors] of candidates.slice(0, 3)) {
    console.log(`straight read as a turn, ${label}: ${straightByAngle(photos, vectors, usable)}`);
  }
  return candidates.map(([label, vectors, k, vote]) => {
    log(`  knn: ${label}`);
    return knnResult(photos, vectors, `${label} [${set.shortLabel}]`, {
      usable,
      k,
      ...(vote === undefined ? {} : { vote }),
    });
  });
}

async function main(): Promise<void> {
  const sets = process.argv.includes('--moved') ? [PLAIN_PHOTOS, MOVED_AND_SHRUNK] : [PLAIN_PHOTOS];
  for (const set of sets) {
    const results = await study(set);
    console.log(`\n### Feature sets, other session (${set.label})\n`);
    console.log(accuracyTable(results));
    console.log(`\nWrong turns at N=3 (${set.label}):\n`);
    console.log(
      markdownTable(
        [
          'feature set',
          'straight read as a turn',
          'turn read as another turn',
          'turn read as straight',
        ],
        results.map((r) => {
          const wrong = wrongTurns(r);
          return [
            r.method,
            `${pct(wrong.straight)} %`,
            `${pct(wrong.turned)} %`,
            `${pct(wrong.missed)} %`,
          ];
        }),
      ),
    );
  }
}

await main();
