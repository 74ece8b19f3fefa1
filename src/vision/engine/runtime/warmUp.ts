/**
 * A face model's first runs cost several later ones (Node, wasm: the face detector 48 and
 * 33 ms, then 12; the mesh 37, then 10). The engine runs each twice on a grey square before it
 * says ready (engineRuntime.ts), so that the first camera frame, which a player waits for at
 * the start, does not pay them.
 */
import { DETECTOR_INPUT_SIZE } from '../features/faceFinder/anchors';
import type { FaceDetector } from '../features/faceFinder/faceDetector';
import type { RgbaPixels } from '../features/faceFinder/regionPixels';
import type { FaceMesh } from '../features/faceMesh/faceMesh';
import { MESH_INPUT_SIZE } from '../features/faceMesh/meshModel';

const RUNS = 2;

function greySquare(size: number): RgbaPixels {
  return { width: size, height: size, data: new Uint8ClampedArray(size * size * 4).fill(128) };
}

export async function warmUpFaceDetector(detector: FaceDetector): Promise<void> {
  for (let i = 0; i < RUNS; i++) await detector.detect(greySquare(DETECTOR_INPUT_SIZE));
}

export async function warmUpFaceMesh(mesh: FaceMesh): Promise<void> {
  for (let i = 0; i < RUNS; i++) await mesh.measure(greySquare(MESH_INPUT_SIZE));
}
