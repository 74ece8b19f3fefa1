/**
 * What the camera preview draws of the face mesh: the face's outline (MediaPipe's canonical
 * face-oval points, in order around the face) and the nose tip, in the camera frame's own
 * pixels, so the player sees that the game follows their face and where it thinks the nose
 * points. A few dozen numbers a frame instead of the mesh's 1,404.
 */
import type { Face } from '../faceFinder/face';
import { faceCropRegion } from '../faceFraming';
import { MESH_INPUT_SIZE } from './meshModel';
import { MESH_INDEX } from './headAngles';

/** The face oval of MediaPipe's canonical mesh, clockwise from the top of the forehead. */
export const FACE_OVAL: readonly number[] = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148,
  176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
];

export interface MeshOutline {
  /** x0, y0, x1, y1, ... of FACE_OVAL, in the frame's pixels. */
  readonly oval: readonly number[];
  readonly noseTip: readonly [number, number];
}

/** `landmarks` (in the 192x192 cut of `face`'s square) placed back in the frame. */
export function meshOutline(landmarks: ArrayLike<number>, face: Face): MeshOutline {
  const region = faceCropRegion(face);
  const scale = region.size / MESH_INPUT_SIZE;
  const place = (index: number): [number, number] => [
    region.x + (landmarks[3 * index] ?? 0) * scale,
    region.y + (landmarks[3 * index + 1] ?? 0) * scale,
  ];
  return { oval: FACE_OVAL.flatMap(place), noseTip: place(MESH_INDEX.noseTip) };
}
