/**
 * Could the face mesh track the face, so the detector runs less often (issue 17)? MediaPipe
 * crops the next frame around this frame's landmarks. Here the question is narrower: the game's
 * MobileNet square is cut around the DETECTOR's box (and every calibration shot looks afresh
 * with the detector), so a box made from the mesh would have to land where the detector's
 * would, or a frame's features would shift against the shots. For each photo: the landmarks'
 * bounding box (back in the frame's pixels), made into a detector-like box by the median
 * offset and scale over all photos; then how far it misses the detector's own box, as a share
 * of the face square (what stillFace.ts compares: 6 % is a face that moved, ~0.5 % noise).
 */
import type { Face } from '../../../src/vision/engine/features/faceFinder/face';
import {
  MESH_INPUT_SIZE,
  MESH_POINTS,
} from '../../../src/vision/engine/features/faceMesh/meshModel';
import { markdownTable } from '../../node/accuracyReport';
import { MESH_CROP_FACTOR, type PhotoMesh } from '../../node/faceMesh';

interface Miss {
  /** Centre distance over the face square's side. */
  readonly centre: number;
  /** |1 - mesh-made side / detector side|. */
  readonly size: number;
}

const median = (values: readonly number[]): number => quantile(values, 0.5);

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** The landmarks' bounding box in the frame's pixels (the study's unrotated 1.5x crop). */
function meshBox(mesh: readonly number[], face: Face): { cx: number; cy: number; side: number } {
  const side = MESH_CROP_FACTOR * Math.max(face.box.width, face.box.height);
  const scale = side / MESH_INPUT_SIZE;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < MESH_POINTS; i++) {
    const x = mesh[3 * i] ?? 0;
    const y = mesh[3 * i + 1] ?? 0;
    [minX, maxX, minY, maxY] = [
      Math.min(minX, x),
      Math.max(maxX, x),
      Math.min(minY, y),
      Math.max(maxY, y),
    ];
  }
  const left = face.box.cx - side / 2;
  const top = face.box.cy - side / 2;
  return {
    cx: left + ((minX + maxX) / 2) * scale,
    cy: top + ((minY + maxY) / 2) * scale,
    side: Math.max(maxX - minX, maxY - minY) * scale,
  };
}

export function meshTrackingTable(
  faces: ReadonlyArray<Face | null>,
  meshes: ReadonlyArray<PhotoMesh | null>,
  turnedOf: (index: number) => string,
): string {
  const pairs = faces.flatMap((face, i) => {
    const mesh = meshes[i] ?? null;
    return face === null || mesh === null ? [] : [{ i, face, box: meshBox(mesh.mesh, face) }];
  });
  // The median mapping from the mesh's box to the detector's: offset (in detector sides) and scale.
  const side = (face: Face): number => Math.max(face.box.width, face.box.height);
  const dx = median(pairs.map((p) => (p.face.box.cx - p.box.cx) / p.box.side));
  const dy = median(pairs.map((p) => (p.face.box.cy - p.box.cy) / p.box.side));
  const k = median(pairs.map((p) => side(p.face) / p.box.side));
  const groups = new Map<string, Miss[]>();
  for (const { i, face, box } of pairs) {
    const square = MESH_CROP_FACTOR * side(face);
    const made = { cx: box.cx + dx * box.side, cy: box.cy + dy * box.side, side: k * box.side };
    const miss = {
      centre: Math.hypot(made.cx - face.box.cx, made.cy - face.box.cy) / square,
      size: Math.abs(1 - made.side / side(face)),
    };
    for (const key of ['all', turnedOf(i)]) {
      const list = groups.get(key) ?? [];
      list.push(miss);
      groups.set(key, list);
    }
  }
  const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
  return markdownTable(
    ['photos', 'count', 'centre miss p50 / p90', 'side miss p50 / p90'],
    [...groups.entries()].map(([key, misses]) => [
      key,
      String(misses.length),
      `${pct(median(misses.map((m) => m.centre)))} / ${pct(
        quantile(
          misses.map((m) => m.centre),
          0.9,
        ),
      )}`,
      `${pct(median(misses.map((m) => m.size)))} / ${pct(
        quantile(
          misses.map((m) => m.size),
          0.9,
        ),
      )}`,
    ]),
  );
}
