/**
 * Two checks of the face finder on real photos, for measure-face-finder and its report:
 * how its boxes sit against the dataset's labelled face boxes, and how well the keypoints'
 * mirror formula matches the detector run on the flipped photo.
 */
import * as tf from '@tensorflow/tfjs-core';
import { intersectionOverUnion, type Face } from '../../src/vision/engine/features/faceFinder/face';
import type { FaceDetector } from '../../src/vision/engine/features/faceFinder/faceDetector';
import { findFace } from '../../src/vision/engine/features/faceFinder/findFace';
import {
  keypointFeatures,
  mirrorKeypointFeatures,
} from '../../src/vision/engine/features/faceFinder/keypointFeatures';
import { tensorRegionReader } from '../../src/vision/engine/features/faceFinder/regionTensor';
import { readImage } from './images';
import type { LabelledFaceBox, PosePhoto } from './pointing04';

const medianOf = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export interface BoxAgreement {
  readonly photos: number;
  readonly iouMedian: number;
  /** Detector box side / labelled box's longer side, median. */
  readonly sizeRatioMedian: number;
  /** Share of found faces whose box contains the labelled box's centre. */
  readonly centreInside: number;
}

export function boxAgreement(
  photos: readonly PosePhoto[],
  faces: ReadonlyArray<Face | null>,
  labels: ReadonlyMap<string, LabelledFaceBox>,
): BoxAgreement {
  const ious: number[] = [];
  const ratios: number[] = [];
  let inside = 0;
  photos.forEach((photo, i) => {
    const face = faces[i];
    const label = labels.get(photo.file);
    if (face == null || label === undefined) return;
    ious.push(intersectionOverUnion(face.box, label));
    ratios.push(face.box.width / Math.max(label.width, label.height));
    if (
      Math.abs(label.cx - face.box.cx) <= face.box.width / 2 &&
      Math.abs(label.cy - face.box.cy) <= face.box.height / 2
    ) {
      inside++;
    }
  });
  return {
    photos: ious.length,
    iouMedian: medianOf(ious),
    sizeRatioMedian: medianOf(ratios),
    centreInside: ious.length === 0 ? 0 : inside / ious.length,
  };
}

export interface MirrorAgreement {
  readonly photos: number;
  /** Per photo: mean |formula - detector on the flipped photo| over the 12 numbers. */
  readonly meanDifferenceMedian: number;
  readonly meanDifferenceWorst: number;
  /** Largest single difference of any number on any photo. */
  readonly largestDifference: number;
}

/** Keypoints of the flipped photo vs the mirror formula, in box widths / heights. */
export async function keypointMirrorDifference(
  detector: FaceDetector,
  frame: tf.Tensor3D,
): Promise<Float32Array | null> {
  const [height, width] = frame.shape;
  const flippedFrame = tf.reverse(frame, 1) as tf.Tensor3D;
  try {
    const face = (await findFace(detector, tensorRegionReader(frame), width, height)).face;
    const flipped = (await findFace(detector, tensorRegionReader(flippedFrame), width, height))
      .face;
    if (face === null || flipped === null) return null;
    const byFormula = mirrorKeypointFeatures(keypointFeatures(face));
    const measured = keypointFeatures(flipped);
    return byFormula.map((value, i) => Math.abs(value - (measured[i] as number)));
  } finally {
    flippedFrame.dispose();
  }
}

export async function mirrorAgreement(
  detector: FaceDetector,
  photos: readonly PosePhoto[],
): Promise<MirrorAgreement> {
  const means: number[] = [];
  let largest = 0;
  for (const photo of photos) {
    const frame = readImage(photo.path);
    const difference = await keypointMirrorDifference(detector, frame);
    frame.dispose();
    if (difference === null) continue;
    means.push(difference.reduce((a, b) => a + b, 0) / difference.length);
    largest = Math.max(largest, ...difference);
  }
  return {
    photos: means.length,
    meanDifferenceMedian: medianOf(means),
    meanDifferenceWorst: Math.max(...means),
    largestDifference: largest,
  };
}
