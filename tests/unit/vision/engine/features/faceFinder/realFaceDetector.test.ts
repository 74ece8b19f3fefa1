/**
 * The face finder with the real detector weights (MediaPipe short-range, from the shared
 * data: build/sharedDir.ts) on real Pointing'04 photos, in Node on the tfjs wasm backend.
 * No mock anywhere. Skipped (with a note) on a machine without the shared data.
 */
import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KEYPOINT_INDEX,
  intersectionOverUnion,
} from '../../../../../../src/vision/engine/features/faceFinder/face';
import {
  loadFaceDetector,
  type FaceDetector,
} from '../../../../../../src/vision/engine/features/faceFinder/faceDetector';
import { findFace } from '../../../../../../src/vision/engine/features/faceFinder/findFace';
import { tensorRegionReader } from '../../../../../../src/vision/engine/features/faceFinder/regionTensor';
import { keypointMirrorDifference } from '../../../../../../tools/node/faceChecks';
import { readImage } from '../../../../../../tools/node/images';
import {
  SHARED_FACE_DETECTOR_DIR,
  modelFromDisk,
} from '../../../../../../tools/node/modelFromDisk';
import { pasteIntoFrame } from '../../../../../../tools/node/movedAndShrunk';
import {
  POINTING04_DIR,
  readFaceBoxes,
  readPointing04,
  type PosePhoto,
} from '../../../../../../tools/node/pointing04';
import { useWasmBackend } from '../../../../../../tools/node/wasmBackend';

const available =
  existsSync(`${SHARED_FACE_DETECTOR_DIR}/model.json`) && existsSync(POINTING04_DIR);
if (!available)
  console.warn('realFaceDetector.test.ts skipped: shared detector or photos not found');

/** Three people, five poses each (yaw, pitch), series 1. */
const PEOPLE = ['pointing04_person01', 'pointing04_person06', 'pointing04_person11'];
const POSES_SAMPLED = [
  [0, 0],
  [-45, 0],
  [45, 0],
  [0, 30],
  [0, -30],
];

function samplePhotos(): PosePhoto[] {
  return readPointing04().filter(
    (photo) =>
      photo.series === 1 &&
      PEOPLE.includes(photo.person) &&
      POSES_SAMPLED.some(([yaw, pitch]) => photo.yaw === yaw && photo.pitch === pitch),
  );
}

describe.skipIf(!available)('the face finder with the real detector', () => {
  let detector: FaceDetector;
  const labels = available ? readFaceBoxes() : new Map();

  beforeAll(async () => {
    await useWasmBackend();
    detector = await loadFaceDetector(modelFromDisk(SHARED_FACE_DETECTOR_DIR));
  }, 60_000);

  afterAll(() => detector?.dispose());

  async function find(frame: tf.Tensor3D) {
    const [height, width] = frame.shape;
    return findFace(detector, tensorRegionReader(frame), width, height);
  }

  it('finds the face in each sampled photo, its box on the labelled face', async () => {
    const photos = samplePhotos();
    expect(photos).toHaveLength(15);
    const tensorsBefore = tf.memory().numTensors;
    const ious: number[] = [];
    for (const photo of photos) {
      const frame = readImage(photo.path);
      const search = await find(frame);
      frame.dispose();
      const label = labels.get(photo.file);
      expect(search.face, photo.file).not.toBeNull();
      expect(search.passes).toBe(2);
      const box = search.face?.box as NonNullable<typeof search.face>['box'];
      // The detector's box covers the head, the label the face: the label's centre lies
      // inside the box, and they overlap by ~0.55 (IoU) by definition, not by failure.
      expect(Math.abs(label.cx - box.cx), photo.file).toBeLessThan(box.width / 2);
      expect(Math.abs(label.cy - box.cy), photo.file).toBeLessThan(box.height / 2);
      ious.push(intersectionOverUnion(box, label));
      // The person's right eye is on the image's left (an unmirrored photo).
      const keypoints = search.face?.keypoints ?? [];
      if (photo.yaw === 0) {
        expect(keypoints[KEYPOINT_INDEX.rightEye]?.x).toBeLessThan(
          keypoints[KEYPOINT_INDEX.leftEye]?.x as number,
        );
      }
    }
    expect(tf.memory().numTensors).toBe(tensorsBefore); // nothing left behind per search
    ious.sort((a, b) => a - b);
    expect(ious[0]).toBeGreaterThan(0.3);
    expect(ious[Math.floor(ious.length / 2)]).toBeGreaterThan(0.45);
  }, 60_000);

  it('finds a far, off-centre face pasted small into a 640x480 frame', async () => {
    const photo = readPointing04().find((p) => p.file === 'person01146+0+0.jpg') as PosePhoto;
    const stored = readImage(photo.path);
    // 384x288 shrunk to 220x165, pasted at the bottom right: the face is ~40 px wide.
    const placement = { x: 420, y: 300, width: 220, height: 165, scale: 220 / 384 };
    const frame = pasteIntoFrame(stored, placement);
    stored.dispose();
    const search = await find(frame);
    frame.dispose();
    const label = labels.get(photo.file);
    const pasted = {
      cx: placement.x + label.cx * placement.scale,
      cy: placement.y + label.cy * placement.scale,
      width: label.width * placement.scale,
      height: label.height * placement.scale,
    };
    expect(search.face).not.toBeNull();
    expect(search.passes).toBe(2);
    const box = search.face?.box as NonNullable<typeof search.face>['box'];
    expect(Math.abs(pasted.cx - box.cx)).toBeLessThan(box.width / 2);
    expect(Math.abs(pasted.cy - box.cy)).toBeLessThan(box.height / 2);
    expect(intersectionOverUnion(box, pasted)).toBeGreaterThan(0.3);
  }, 30_000);

  it('answers null for a frame with nobody in it', async () => {
    const grey = tf.fill([480, 640, 3], 128, 'int32') as tf.Tensor3D;
    const search = await find(grey);
    grey.dispose();
    expect(search).toEqual({ face: null, passes: 1, tracked: false });
  });

  it('loads the same detector from the model files in memory (ModelArtifacts)', async () => {
    const handler = modelFromDisk(SHARED_FACE_DETECTOR_DIR);
    const fromMemory = await loadFaceDetector(
      await (handler.load as () => Promise<tf.io.ModelArtifacts>)(),
    );
    const photo = samplePhotos()[0] as PosePhoto;
    const frame = readImage(photo.path);
    const [height, width] = frame.shape;
    const a = await findFace(detector, tensorRegionReader(frame), width, height);
    const b = await findFace(fromMemory, tensorRegionReader(frame), width, height);
    frame.dispose();
    fromMemory.dispose();
    expect(b.face?.box.cx).toBeCloseTo(a.face?.box.cx as number, 3);
    expect(b.face?.score).toBeCloseTo(a.face?.score as number, 5);
  }, 30_000);

  it('mirrors keypoints by formula as the detector sees the flipped photo (within 0.02 box sides)', async () => {
    const photos = samplePhotos()
      .filter((p) => p.yaw !== 0 || p.pitch !== 0)
      .slice(0, 4);
    for (const photo of photos) {
      const frame = readImage(photo.path);
      const difference = await keypointMirrorDifference(detector, frame);
      frame.dispose();
      expect(difference, photo.file).not.toBeNull();
      const mean = (difference as Float32Array).reduce((a, b) => a + b, 0) / 12;
      expect(mean, photo.file).toBeLessThan(0.02);
    }
  }, 30_000);
});
