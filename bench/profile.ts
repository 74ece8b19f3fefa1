/**
 * Where the milliseconds of one prediction go, measured in Node (tfjs wasm) with the game's
 * own code, on a real face (a Pointing'04 photo pasted into a 640x480 frame, moved and shrunk
 * as a player sitting back looks), in the same run for both pipelines:
 *
 *   before the face finder: centre square pixels -> MobileNet up to Conv2d_13 -> 2x2 pool -> knn
 *   now: the face detector on its 128x128 pixels (one pass around the last face, on one frame
 *        in DETECT_EVERY_FRAMES while tracking) -> the face mesh on the face square's 192x192
 *        pixels (on the frames the detector looks at: it rests with it on a still face) -> the
 *        face square's pixels -> MobileNet -> features + keypoints
 *        + angles -> knn with the angle gate, the margin confidence and the fit check
 *
 * Every step starts from RGBA pixels, as in the worker, where the canvas cuts the squares
 * (drawImage + getImageData: not in this table; the browser bench measures the whole frame).
 * The squares are cut once here, with the tensor path that cuts the same pixels.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadPoseEmbedder } from '../src/vision/engine/features/embedder';
import { embedFace } from '../src/vision/engine/features/faceFeatures';
import { faceCropRegion } from '../src/vision/engine/features/faceFraming';
import { loadFaceMesh } from '../src/vision/engine/features/faceMesh/faceMesh';
import type { HeadAngles } from '../src/vision/engine/features/faceMesh/headAngles';
import { MESH_INPUT_SIZE } from '../src/vision/engine/features/faceMesh/meshModel';
import { loadFaceDetector } from '../src/vision/engine/features/faceFinder/faceDetector';
import { DETECTOR_INPUT_SIZE } from '../src/vision/engine/features/faceFinder/anchors';
import { findFace, SECOND_PASS_FACTOR } from '../src/vision/engine/features/faceFinder/findFace';
import { regionAroundBox } from '../src/vision/engine/features/faceFinder/region';
import { rgbaOf, tensorRegionReader } from '../src/vision/engine/features/faceFinder/regionTensor';
import { frameToFaceModelInput } from '../src/vision/engine/features/faceModelInput';
import { MODEL_INPUT_SIZE } from '../src/vision/engine/features/framing';
import { DETECT_EVERY_FRAMES } from '../src/vision/engine/features/frameReader';
import { frameToModelInput, pixelsToModelInput } from '../src/vision/engine/features/modelInput';
import { CURRENT_PIPELINE } from '../src/vision/engine/features/pipeline';
import { PoseClassifier } from '../src/vision/engine/classifier/poseClassifier';
import { FEATURE_RECIPE, KNN_K } from '../src/vision/engine/recipe';
import { perPose } from '../src/vision/poses';
import { readImage } from '../tools/node/images';
import {
  modelFromDisk,
  SHARED_FACE_DETECTOR_DIR,
  SHARED_FACE_MESH_DIR,
} from '../tools/node/modelFromDisk';
import { movedAndShrunkFrame } from '../tools/node/movedAndShrunk';
import { POINTING04_DIR } from '../tools/node/pointing04';
import { useWasmBackend } from '../tools/node/wasmBackend';
import { p50, p95 } from './stats';

export interface PredictionProfile {
  backend: string;
  steps: Array<{ step: string; p50: number; p95: number }>;
}

/** The photo the profile runs on: person01 turned 45 degrees, looking a little down. */
const PHOTO = 'person01130-15-45.jpg';

/** Rows of the table, in order (the two totals are what the speed goal compares). */
const STEPS = {
  centre: 'before: centre square pixels -> input tensor (modelInput.ts)',
  centreEmbed: 'before: MobileNet to Conv2d_13 + read back + 2x2 pool (embedder.ts)',
  centreKnn: 'before: knn over 110 shots',
  centreTotal: 'before: whole prediction (centre square)',
  tracking: 'face detector, 1 pass on 128x128 pixels (tracking; faceDetector.ts)',
  mesh: 'face mesh on 192x192 pixels + head angles (faceMesh.ts)',
  faceInput: 'face square pixels (eye band drawn) -> input tensor',
  faceEmbed: 'MobileNet to Conv2d_13 + read back + pool + 12 keypoint numbers',
  faceKnn: 'knn over 110 shots + angle gate + confidence + fit check (poseClassifier.ts)',
  faceFrame: 'now: a frame the detector looks at (pass + mesh + face square + features + knn)',
  faceTotal: `now: per frame while tracking (the detector and the mesh on 1 frame in ${DETECT_EVERY_FRAMES})`,
} as const;

/** RGBA pixels of a [size, size, 3] tensor (0..255 or 0..1 times `scale`). */
async function pixelsOf(image: tf.Tensor3D, scale = 1) {
  const scaled = tf.mul(image, scale) as tf.Tensor3D;
  try {
    return { data: await rgbaOf(scaled), width: image.shape[1], height: image.shape[0] };
  } finally {
    scaled.dispose();
  }
}

function randomCalibration(length: number, anglesAtEnd = false): PoseClassifier {
  const classifier = new PoseClassifier(KNN_K, { anglesAtEnd });
  const random = (): Float32Array => Float32Array.from({ length }, () => Math.random());
  classifier.importSamples(
    perPose(() => Array.from({ length: 11 }, () => ({ features: random(), mirrored: random() }))),
  );
  return classifier;
}

export async function profilePrediction(runs = 40): Promise<PredictionProfile> {
  await useWasmBackend();
  const embedder = await loadPoseEmbedder(modelFromDisk(), FEATURE_RECIPE);
  const detector = await loadFaceDetector(modelFromDisk(SHARED_FACE_DETECTOR_DIR));
  const mesh = await loadFaceMesh(modelFromDisk(SHARED_FACE_MESH_DIR));
  const photo = readImage(`${POINTING04_DIR}/${PHOTO}`);
  const frame = movedAndShrunkFrame(photo, PHOTO);
  photo.dispose();
  const reader = tensorRegionReader(frame);
  const [height, width] = frame.shape;
  const before = randomCalibration(1024);
  const now = randomCalibration(CURRENT_PIPELINE.vectorLength, true);
  const times: Record<string, number[]> = Object.fromEntries(
    Object.values(STEPS).map((step) => [step, []]),
  );
  const add = (step: string, ms: number): void => void times[step]?.push(ms);

  // The squares, cut once: the detector's pass around the face, the face's and the centre's.
  const first = await findFace(detector, reader, width, height, null);
  const face = first.face;
  if (face === null) throw new Error(`no face found in ${PHOTO}: the profile needs one`);
  const detectorPixels = await reader(
    regionAroundBox(face.box, SECOND_PASS_FACTOR),
    DETECTOR_INPUT_SIZE,
  );
  const meshPixels = await reader(faceCropRegion(face), MESH_INPUT_SIZE);
  const faceTensor = frameToFaceModelInput(frame, face);
  const facePixels = await pixelsOf(faceTensor, 255);
  faceTensor.dispose();
  const centreTensor = frameToModelInput(frame);
  const centrePixels = await pixelsOf(centreTensor, 255);
  centreTensor.dispose();
  if (facePixels.width !== MODEL_INPUT_SIZE) throw new Error('the face square is not 224 wide');

  for (let i = 0; i < runs + 3; i++) {
    const warm = i >= 3;
    let t0 = performance.now();
    const centreInput = pixelsToModelInput(centrePixels);
    const t1 = performance.now();
    const centreFeatures = await embedder.embed(centreInput);
    const t2 = performance.now();
    await before.predict(centreFeatures);
    const t3 = performance.now();
    centreInput.dispose();
    if (warm) {
      add(STEPS.centre, t1 - t0);
      add(STEPS.centreEmbed, t2 - t1);
      add(STEPS.centreKnn, t3 - t2);
      add(STEPS.centreTotal, t3 - t0);
    }

    // A tracking cycle: the detector looks at the first frame, the others reuse its face.
    const cycleStart = performance.now();
    let angles: HeadAngles | null = null;
    for (let k = 0; k < DETECT_EVERY_FRAMES; k++) {
      t0 = performance.now();
      if (k === 0) {
        const found = await detector.detect(detectorPixels);
        if (found.length === 0) throw new Error('the tracking pass lost the face');
      }
      const m0 = performance.now();
      // The mesh rests with the detector on a still face (frameReader.ts): the angles of the
      // detector's look stand for the frames between.
      if (k === 0) angles = (await mesh.measure(meshPixels)).angles;
      const f1 = performance.now();
      const faceInput = pixelsToModelInput(facePixels);
      const f2 = performance.now();
      const features = await embedFace(embedder, faceInput, face, angles);
      const f3 = performance.now();
      await now.predict(features);
      const f4 = performance.now();
      faceInput.dispose();
      if (!warm) continue;
      if (k === 0) {
        add(STEPS.tracking, m0 - t0);
        add(STEPS.faceFrame, f4 - t0);
      }
      if (k === 0) add(STEPS.mesh, f1 - m0);
      add(STEPS.faceInput, f2 - f1);
      add(STEPS.faceEmbed, f3 - f2);
      add(STEPS.faceKnn, f4 - f3);
    }
    if (warm) add(STEPS.faceTotal, (performance.now() - cycleStart) / DETECT_EVERY_FRAMES);
  }
  frame.dispose();
  embedder.dispose();
  detector.dispose();
  mesh.dispose();
  before.dispose();
  now.dispose();
  return {
    backend: tf.getBackend(),
    steps: Object.entries(times).map(([step, values]) => ({
      step,
      p50: p50(values),
      p95: p95(values),
    })),
  };
}

/** The speed goal: the face pipeline per frame at most this many times the one before it. */
export const FACE_PIPELINE_COST_GOAL = 1.5;

export function facePipelineCost(profile: PredictionProfile): number | null {
  const total = (step: string): number | undefined =>
    profile.steps.find((row) => row.step === step)?.p50;
  const before = total(STEPS.centreTotal);
  const now = total(STEPS.faceTotal);
  return before === undefined || now === undefined || before <= 0 ? null : now / before;
}
