/**
 * The pose classifier: @tensorflow-models/knn-classifier over the player's calibration shots,
 * spoken to in poses instead of class indexes.
 *
 * What this adds to knn-classifier:
 *  - labels are the five poses, and every prediction carries a confidence for each of them
 *    (0 for a pose with no shots), so callers never meet a class index;
 *  - the raw vectors are kept here, so export -> import gives back the very same bits and the
 *    very same predictions (knn-classifier keeps only unit-length copies, and its
 *    setClassifierDataset forgets the labels' class ids);
 *  - tensors are owned deliberately: one knn built lazily from the shots, thrown away when the
 *    shots change, and nothing left behind by a prediction.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as knnClassifier from '@tensorflow-models/knn-classifier';
import { leaveOneOutReport, type CalibrationReport } from './calibrationReport';
import { winnerOf, type Vote } from './knnRule';
import { POSES, perPose, type Pose } from '../poses';
import {
  copySamples,
  emptySamples,
  examplesByPose,
  vectorProblem,
  type PoseSample,
  type PoseSamples,
} from '../poseSamples';

export type PosePrediction = Vote;

export class PoseClassifier {
  private samples: Record<Pose, PoseSample[]> = perPose(() => []);
  private vectorLength: number | null = null;
  private knn: knnClassifier.KNNClassifier | null = null;
  private disposed = false;

  /** k: how many nearest shots vote (recipe.ts says which k was measured best). */
  constructor(readonly k: number) {
    if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number >= 1, got ${k}`);
  }

  /** Length of the vectors in use, or null before the first shot. */
  get featureLength(): number | null {
    return this.vectorLength;
  }

  /**
   * Record one shot of `pose`. `mirrored` (optional) is the same frame mirrored left/right and
   * is used as a shot of the mirrored pose. The vectors are copied.
   */
  addExample(pose: Pose, features: Float32Array, mirrored: Float32Array | null = null): void {
    this.assertUsable();
    const problem =
      vectorProblem(features, this.vectorLength) ??
      (mirrored === null ? null : vectorProblem(mirrored, features.length));
    if (problem !== null) throw new Error(`cannot add a ${pose} shot: the vector ${problem}`);
    this.vectorLength = features.length;
    this.samples[pose].push({
      features: new Float32Array(features),
      mirrored: mirrored === null ? null : new Float32Array(mirrored),
    });
    this.forgetKnn();
  }

  count(pose: Pose): number {
    return this.samples[pose].length;
  }

  counts(): Record<Pose, number> {
    return perPose((pose) => this.samples[pose].length);
  }

  get totalCount(): number {
    return POSES.reduce((total, pose) => total + this.samples[pose].length, 0);
  }

  /** Drop every shot of `pose` (and their mirror images), e.g. to record it again. */
  removeExamplesOf(pose: Pose): void {
    this.assertUsable();
    this.samples[pose] = [];
    this.forgetKnn();
    if (this.totalCount === 0) this.vectorLength = null;
  }

  clear(): void {
    this.assertUsable();
    this.samples = perPose(() => []);
    this.vectorLength = null;
    this.forgetKnn();
  }

  /**
   * The pose nearest to `features` and each pose's share of the k votes. A tie goes to the
   * pose first in POSES (neutral first). Rejects before any shot has been recorded.
   */
  async predict(features: Float32Array): Promise<PosePrediction> {
    this.assertUsable();
    if (this.totalCount === 0) throw new Error('no calibration shots yet: record the poses first');
    const problem = vectorProblem(features, this.vectorLength);
    if (problem !== null) throw new Error(`cannot predict: the vector ${problem}`);
    const knn = this.ensureKnn();
    const input = tf.tensor1d(features, 'float32');
    try {
      const result = await knn.predictClass(input, this.k);
      const confidences = perPose((pose) => result.confidences[pose] ?? 0);
      return { pose: winnerOf(confidences), confidences };
    } finally {
      input.dispose();
    }
  }

  /** A deep copy of the shots, bit for bit (for saving and exporting). */
  exportSamples(): PoseSamples {
    return copySamples(this.samples);
  }

  /**
   * Replace all shots with `samples`. Everything is checked first: on a bad vector this throws
   * and the shots in use stay exactly as they were.
   */
  importSamples(samples: PoseSamples): void {
    this.assertUsable();
    let length: number | null = null;
    for (const pose of POSES) {
      for (const sample of samples[pose]) {
        const problem =
          vectorProblem(sample.features, length) ??
          (sample.mirrored === null
            ? null
            : vectorProblem(sample.mirrored, sample.features.length));
        if (problem !== null)
          throw new Error(`cannot import a ${pose} shot: the vector ${problem}`);
        length = sample.features.length;
      }
    }
    const copy = copySamples(samples);
    this.samples = perPose((pose) => [...copy[pose]]);
    this.vectorLength = length;
    this.forgetKnn();
  }

  /** How well the shots recognise each other, and what to record again (see calibrationReport). */
  leaveOneOutReport(): CalibrationReport {
    this.assertUsable();
    return leaveOneOutReport(this.samples, this.k);
  }

  /**
   * Drop the knn's tensors (they lived on a backend that is gone: a lost WebGL context); the
   * next prediction builds them again, on the active backend, from the raw vectors.
   */
  forgetTensors(): void {
    try {
      this.forgetKnn();
    } catch {
      this.knn = null;
    }
  }

  /** Frees the knn's tensors. The classifier cannot be used afterwards. */
  dispose(): void {
    this.forgetKnn();
    this.samples = perPose(() => []);
    this.disposed = true;
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('this PoseClassifier has been disposed');
  }

  private forgetKnn(): void {
    this.knn?.dispose();
    this.knn = null;
  }

  /**
   * Build the knn from the shots, poses in POSES order and each pose's own shots before the
   * mirror images, the order measure-poses evaluates.
   */
  private ensureKnn(): knnClassifier.KNNClassifier {
    if (this.knn !== null) return this.knn;
    const knn = knnClassifier.create();
    const examples = examplesByPose(this.samples);
    for (const pose of POSES) {
      for (const vector of examples[pose]) {
        // addExample keeps its own normalised copy; our tensor is freed right away.
        tf.tidy(() => knn.addExample(tf.tensor1d(vector, 'float32'), pose));
      }
    }
    this.knn = knn;
    return knn;
  }
}

export { emptySamples };
