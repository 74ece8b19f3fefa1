/**
 * The head's angles and shape from a face mesh (468 x (x, y, z), MediaPipe's canonical
 * indices): the angles join the game's features (angleFeatures.ts), the shape is the face-mesh
 * study's. No tfjs: plain arithmetic on the landmarks.
 *
 * Angles from a frame fixed to the face: across = the outer eye corners (33 -> 263), up = chin
 * to forehead (152 -> 10) made square to it, and the face's normal their cross product. Yaw
 * and pitch are where the normal points (asin of its x and y), roll the eye line's slope. The
 * signs only need to agree between shots and frames of one player: the knn compares them.
 */

export interface HeadAngles {
  /** Radians: + and - are the two turns. */
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
}

type Vec = [number, number, number];

/**
 * The angles of the mirror image of a head at `angles`: the other turn and the other tilt, the
 * same nod. (The mesh names points by the person's side, so in a flipped picture the eye
 * line runs the same way across, with its slope and depth reversed: yaw and roll change sign.)
 */
export function mirroredAngles(angles: HeadAngles): HeadAngles {
  return { yaw: -angles.yaw, pitch: angles.pitch, roll: -angles.roll };
}

/** The named points of MediaPipe's canonical mesh used here. */
export const MESH_INDEX = {
  noseTip: 1,
  forehead: 10,
  chin: 152,
  rightEyeOuter: 33,
  leftEyeOuter: 263,
} as const;

/**
 * A few dozen points that span the face (nose ridge and tip, eye corners, brows, mouth corners
 * and lips, cheeks, chin, forehead) for the shape features.
 */
export const SHAPE_POINTS: readonly number[] = [
  1, 4, 5, 6, 10, 13, 14, 17, 33, 61, 70, 105, 133, 152, 168, 172, 195, 197, 234, 263, 291, 300,
  334, 362, 397, 454,
];

function point(mesh: ArrayLike<number>, index: number): Vec {
  return [mesh[3 * index] ?? 0, mesh[3 * index + 1] ?? 0, mesh[3 * index + 2] ?? 0];
}

const sub = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec, b: Vec): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const scale = (a: Vec, s: number): Vec => [a[0] * s, a[1] * s, a[2] * s];
const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (a: Vec): Vec => {
  const length = Math.hypot(a[0], a[1], a[2]);
  return length > 0 ? scale(a, 1 / length) : [0, 0, 0];
};
const clamp = (v: number): number => Math.max(-1, Math.min(1, v));

export function headAngles(mesh: ArrayLike<number>): HeadAngles {
  const across = unit(
    sub(point(mesh, MESH_INDEX.leftEyeOuter), point(mesh, MESH_INDEX.rightEyeOuter)),
  );
  const rawUp = sub(point(mesh, MESH_INDEX.forehead), point(mesh, MESH_INDEX.chin));
  const up = unit(sub(rawUp, scale(across, dot(rawUp, across))));
  const normal = cross(across, up);
  return {
    yaw: Math.asin(clamp(normal[0])),
    pitch: Math.asin(clamp(normal[1])),
    roll: Math.atan2(across[1], across[0]),
  };
}

/**
 * The face's shape: SHAPE_POINTS relative to their centre, over the eye corners' distance in
 * the picture (x, y, z each), so neither the face's place nor its size counts.
 */
export function faceShape(mesh: ArrayLike<number>): Float32Array {
  const points = SHAPE_POINTS.map((index) => point(mesh, index));
  const centre = scale(
    points.reduce<Vec>((sum, p) => [sum[0] + p[0], sum[1] + p[1], sum[2] + p[2]], [0, 0, 0]),
    1 / points.length,
  );
  const eyes = sub(point(mesh, MESH_INDEX.leftEyeOuter), point(mesh, MESH_INDEX.rightEyeOuter));
  const span = Math.hypot(eyes[0], eyes[1]) || 1;
  const shape = new Float32Array(points.length * 3);
  points.forEach((p, i) => shape.set(scale(sub(p, centre), 1 / span), 3 * i));
  return shape;
}
