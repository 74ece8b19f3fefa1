// The face-mesh study's geometry: the angles follow a head turned by a known amount (a mirror
// image is the other turn: the mesh names points by the person's side), and the shape ignores
// where the face is and how big.
import { describe, expect, it } from 'vitest';
import {
  faceShape,
  headAngles,
  MESH_INDEX,
  mirroredAngles,
  SHAPE_POINTS,
} from '../../../../../../src/vision/engine/features/faceMesh/headAngles';

/** A face's points (image coords: x right, y down, z away from the camera) turned by yaw. */
function meshTurned(yawDegrees: number, shift = 0, size = 1): Float32Array {
  const mesh = new Float32Array(468 * 3);
  const put = (index: number, x: number, y: number, z: number): void => {
    const a = (yawDegrees * Math.PI) / 180;
    // Turned about the vertical axis, then placed and sized in the picture.
    const xr = x * Math.cos(a) + z * Math.sin(a);
    const zr = -x * Math.sin(a) + z * Math.cos(a);
    mesh.set([size * xr + shift, size * y + shift, size * zr], 3 * index);
  };
  // A few points of a face looking at the camera (the nose nearest: smallest z).
  for (const [k, index] of SHAPE_POINTS.entries())
    put(index, Math.sin(k) * 20, Math.cos(k) * 25, 5 - (k % 4));
  put(MESH_INDEX.rightEyeOuter, -30, -10, 10);
  put(MESH_INDEX.leftEyeOuter, 30, -10, 10);
  put(MESH_INDEX.forehead, 0, -45, 5);
  put(MESH_INDEX.chin, 0, 50, 5);
  put(MESH_INDEX.noseTip, 0, 10, -20);
  return mesh;
}

describe('head angles from a face mesh', () => {
  it('reads a straight head as 0 and a turned head by its turn, the other way with the other sign', () => {
    expect(Math.abs(headAngles(meshTurned(0)).yaw)).toBeLessThan(1e-6);
    for (const turn of [15, 30, 60]) {
      const yaw = (headAngles(meshTurned(turn)).yaw * 180) / Math.PI;
      expect(Math.abs(yaw)).toBeCloseTo(turn, 3);
      const back = (headAngles(meshTurned(-turn)).yaw * 180) / Math.PI;
      expect(back).toBeCloseTo(-yaw, 3);
    }
    expect(Math.abs(headAngles(meshTurned(30)).pitch)).toBeLessThan(1e-6);
  });

  it('gives the same shape wherever the face is and whatever its size, another for a turn', () => {
    const here = faceShape(meshTurned(20));
    const there = faceShape(meshTurned(20, 80, 1.7));
    here.forEach((v, i) => expect(there[i]).toBeCloseTo(v, 4));
    const turned = faceShape(meshTurned(40));
    expect(Math.max(...here.map((v, i) => Math.abs(v - (turned[i] ?? 0))))).toBeGreaterThan(0.05);
  });
});

describe("a mirror image's angles", () => {
  it('are what the mesh of the flipped picture reads: the other turn and tilt, the same nod', () => {
    const mesh = meshTurned(25);
    // Tilt it a little too, so that the roll is not zero.
    for (let i = 0; i < 468; i++)
      mesh[3 * i + 1] = (mesh[3 * i + 1] ?? 0) + 0.1 * (mesh[3 * i] ?? 0);
    // The flipped picture: x negated, and each side's points named by the person's side.
    const flipped = new Float32Array(mesh.length);
    for (let i = 0; i < 468; i++)
      flipped.set([-(mesh[3 * i] ?? 0), mesh[3 * i + 1] ?? 0, mesh[3 * i + 2] ?? 0], 3 * i);
    const swap = (a: number, b: number): void => {
      const pa = flipped.slice(3 * a, 3 * a + 3);
      flipped.set(flipped.slice(3 * b, 3 * b + 3), 3 * a);
      flipped.set(pa, 3 * b);
    };
    swap(MESH_INDEX.rightEyeOuter, MESH_INDEX.leftEyeOuter);
    const expected = mirroredAngles(headAngles(mesh));
    const read = headAngles(flipped);
    expect(Math.abs(expected.roll)).toBeGreaterThan(0.05);
    expect(read.yaw).toBeCloseTo(expected.yaw, 6);
    expect(read.pitch).toBeCloseTo(expected.pitch, 6);
    expect(read.roll).toBeCloseTo(expected.roll, 6);
  });
});
