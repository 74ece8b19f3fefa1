/**
 * The face finder's answer for every photo of a set, cached in /tmp as JSON (the detector is
 * cheap, but the photos' decoding is not): findFace.ts on each frame on its own, no
 * tracking (every photo is a first look), and the number of passes it took.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { FACE_DETECTOR_ID } from '../../src/vision/engine/features/faceFinder/anchors';
import type { Face } from '../../src/vision/engine/features/faceFinder/face';
import {
  loadFaceDetector,
  type FaceDetector,
} from '../../src/vision/engine/features/faceFinder/faceDetector';
import { findFace } from '../../src/vision/engine/features/faceFinder/findFace';
import { tensorRegionReader } from '../../src/vision/engine/features/faceFinder/regionTensor';
import { SHARED_FACE_DETECTOR_DIR, modelFromDisk } from './modelFromDisk';
import type { PhotoSet } from './photoSets';
import type { PosePhoto } from './pointing04';
import { cacheDirOfKind } from './poseFolder';

/** Change it whenever findFace.ts or the decoding changes what it finds. */
export const FACE_SEARCH_ID = `${FACE_DETECTOR_ID}--findFace-two-pass-3x-v1`;

export function loadSharedFaceDetector(): Promise<FaceDetector> {
  return loadFaceDetector(modelFromDisk(SHARED_FACE_DETECTOR_DIR));
}

export async function facesOf(
  photos: readonly PosePhoto[],
  set: PhotoSet,
  folder: string,
  log: (line: string) => void,
): Promise<Array<Face | null>> {
  const dir = cacheDirOfKind(folder, `${FACE_SEARCH_ID}--${set.id}`);
  const file = join(dir, 'faces.json');
  if (existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as {
      files: string[];
      faces: Array<Face | null>;
    };
    if (
      cached.files.length === photos.length &&
      cached.files.every((f, i) => f === photos[i]?.file)
    ) {
      return cached.faces;
    }
  }
  log(`finding faces in ${photos.length} photos (${set.label}; cache: ${dir})`);
  const detector = await loadSharedFaceDetector();
  const faces: Array<Face | null> = [];
  for (const photo of photos) {
    const frame = set.frameOf(photo);
    const [height, width] = frame.shape;
    const search = await findFace(detector, tensorRegionReader(frame), width, height);
    faces.push(search.face);
    frame.dispose();
  }
  detector.dispose();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify({ files: photos.map((p) => p.file), faces }));
  return faces;
}

export interface DetectorTiming {
  /** Median ms of one detector pass (network, decoding, merging) on a 128x128 input. */
  readonly msPerPassP50: number;
  /** Median ms of cutting a region into 128x128 RGBA with tensors (Node only; the browser draws). */
  readonly msPerReadP50: number;
  /** Median passes per frame on a first look (no tracking) and with the last face known. */
  readonly passesFirstLook: number;
  readonly passesTracking: number;
  readonly backend: string;
}

const medianOf = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Times the face finder on `photos` (a sample: every pass is timed on its own). */
export async function timeDetector(
  photos: readonly PosePhoto[],
  set: PhotoSet,
): Promise<DetectorTiming> {
  const detector = await loadSharedFaceDetector();
  const passMs: number[] = [];
  const readMs: number[] = [];
  const firstLook: number[] = [];
  const tracking: number[] = [];
  const timed = {
    async detect(pixels: Parameters<FaceDetector['detect']>[0]) {
      const start = performance.now();
      const faces = await detector.detect(pixels);
      passMs.push(performance.now() - start);
      return faces;
    },
  };
  for (const [i, photo] of photos.entries()) {
    const frame = set.frameOf(photo);
    const [height, width] = frame.shape;
    const plainReader = tensorRegionReader(frame);
    const reader: typeof plainReader = async (region, size) => {
      const start = performance.now();
      const pixels = await plainReader(region, size);
      readMs.push(performance.now() - start);
      return pixels;
    };
    const first = await findFace(timed, reader, width, height);
    if (i === 0) {
      // The first run compiles and warms up: not counted.
      passMs.length = 0;
      readMs.length = 0;
    }
    firstLook.push(first.passes);
    if (first.face !== null) {
      tracking.push((await findFace(timed, reader, width, height, first.face)).passes);
    }
    frame.dispose();
  }
  detector.dispose();
  return {
    msPerPassP50: medianOf(passMs),
    msPerReadP50: medianOf(readMs),
    passesFirstLook: medianOf(firstLook),
    passesTracking: medianOf(tracking),
    backend: tf.getBackend(),
  };
}
