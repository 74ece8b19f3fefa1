/**
 * The pose classifier: the k nearest calibration shots by cosine similarity (knnRule.ts, the
 * rule @tensorflow-models/knn-classifier applies, checked against it in the tests), spoken to
 * in poses instead of class indexes.
 *
 * What each prediction carries:
 *  - the winning pose and each pose's share of the k votes (0 for a pose with no shots);
 *  - `confidence`, a number that means something: how much nearer the frame is to the
 *    winner's shots than to any other pose's, against what is usual for this calibration
 *    (poseConfidence.ts). With k = 1 the vote share is always 1; this is what the smoother's
 *    threshold, the live test's bars and the head indicator read;
 *  - `nearest` and `far`: how near the frame is to any shot at all, and whether that is
 *    further than the shots are from each other (calibrationFit.ts: "your calibration no
 *    longer fits what the camera sees"). The fit is judged on the picture alone, never on the
 *    head's angles: anyone's straight head has the same angles, so with them in, someone else
 *    sitting down (or another light) would still look near the shots.
 *
 * The similarities are plain numbers (one dot product per shot, well under a millisecond for
 * a calibration's tens of shots), computed in one pass per frame for the vote, the confidence
 * and the fit alike (splitSimilarity.ts): knn-classifier hides them, and its tensors would be
 * a second copy of the shots.
 * The raw vectors are kept here, so export -> import gives back the very same bits.
 *
 * With the head's angles at the end of each vector (angleFeatures.ts) the vote goes through
 * the angle rule (angleGate.ts): a turn the head has not gone far enough towards reads as
 * neutral, one it has clearly made counts even where the picture says straight, and the
 * angles' own certainty joins the picture's. The angles count only while they are measured and every shot carries them; a
 * calibration recorded without the face mesh, or a game whose mesh did not load, compares
 * without them (their numbers zeroed on both sides) and has no gate.
 *
 * Over 300 lines: the vote, the angle rule and the fit read the same prepared shots (made
 * once per change of the shots); the rules themselves live apart (knnRule.ts, angleGate.ts,
 * poseConfidence.ts, calibrationFit.ts).
 */
import { farLineOfNeighbours, isFarFromCalibration } from './calibrationFit';
import {
  angleReading,
  GATE_SHARE,
  NEAR_END_FLOOR,
  NEAR_END_PERCENTILE,
  turnPlaces,
  type AngleCentre,
} from './angleGate';
import { leaveOneOutReport, type CalibrationReport } from './calibrationReport';
import { anglesOfVector } from '../angleFeatures';
import { voteOfNearest, type Vote } from './knnRule';
import { poseConfidence, scaleOfNeighbours, similarityMargin } from './poseConfidence';
import { shotNeighbours } from './shotNeighbours';
import { frameSimilarities, splitExamples, type SplitExamples } from './splitSimilarity';
import { POSES, perPose, type Pose } from '../../poses';
import {
  copySamples,
  emptySamples,
  examplesByPose,
  vectorProblem,
  type PoseSample,
  type PoseSamples,
} from '../../poseSamples';

export interface PosePrediction extends Vote {
  /**
   * How sure, 0..1: the winner's margin over the nearest other pose, as a share of this
   * calibration's usual margin. The vote share instead while the calibration is too small to
   * say what is usual.
   */
  readonly confidence: number;
  /** The highest cosine similarity to any shot (own or mirrored). */
  readonly nearest: number;
  /** Further from every shot than the calibration's shots are from each other. */
  readonly far: boolean;
  /**
   * The head's angles overruled the nearest shots (angleGate.ts): a turn the head had not gone
   * far enough towards, or a turn the head had clearly made where the picture said straight.
   */
  readonly gated: boolean;
}

export interface PoseClassifierOptions {
  /** The vectors end with the head's angles (faceMesh/angleFeatures.ts): gate the vote. */
  readonly anglesAtEnd?: boolean;
  /** The angle rule's gate and near end (angleGate.ts); the studies compare others. */
  readonly gate?: number;
  /** The percentile of a turn's own shots it begins at; null: the middle of them. */
  readonly nearEnd?: number | null;
  /** The nearest share of the way to a turn's centre that it may begin at. */
  readonly nearEndFloor?: number;
}

/** What is computed once per change of the shots. */
interface Prepared {
  /** Every example (own vectors and mirror images) in examplesByPose order, split for comparing. */
  readonly examples: SplitExamples;
  readonly labels: readonly Pose[];
  /** The calibration's usual margin (null: too few shots to say). */
  readonly scale: number | null;
  /** Below this nearest similarity a frame is far from the calibration (null: no check). */
  readonly farBelow: number | null;
  /** Straight's mean angles and where each turn begins (angleGate.ts); null without angles. */
  readonly centres: Record<Pose, AngleCentre | null> | null;
}

export class PoseClassifier {
  private samples: Record<Pose, PoseSample[]> = perPose(() => []);
  private vectorLength: number | null = null;
  private prepared: Prepared | null = null;
  private disposed = false;
  private readonly anglesAtEnd: boolean;
  private readonly gate: number;
  private readonly nearEnd: number | null;
  private readonly nearEndFloor: number;
  /** False while the frames' angles are not measured (the face mesh did not start). */
  private anglesMeasured = true;

  /** k: how many nearest shots vote (recipe.ts says which k was measured best). */
  constructor(
    readonly k: number,
    options: PoseClassifierOptions = {},
  ) {
    if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number >= 1, got ${k}`);
    this.anglesAtEnd = options.anglesAtEnd ?? false;
    this.gate = options.gate ?? GATE_SHARE;
    this.nearEnd = options.nearEnd === undefined ? NEAR_END_PERCENTILE : options.nearEnd;
    this.nearEndFloor = options.nearEndFloor ?? NEAR_END_FLOOR;
  }

  /** Whether the frames to come carry measured angles (the face mesh runs). */
  setAnglesMeasured(measured: boolean): void {
    if (measured === this.anglesMeasured) return;
    this.anglesMeasured = measured;
    this.prepared = null;
  }

  /** The angles take part in the comparisons and the gate. */
  get comparesAngles(): boolean {
    return this.prepare().centres !== null;
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
    this.prepared = null;
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
    this.prepared = null;
    if (this.totalCount === 0) this.vectorLength = null;
  }

  clear(): void {
    this.assertUsable();
    this.samples = perPose(() => []);
    this.vectorLength = null;
    this.prepared = null;
  }

  /**
   * The pose nearest to `features`, each pose's share of the k votes, how sure, and how near
   * the calibration the frame is. A tie of votes goes to the pose first in POSES (neutral
   * first). Rejects before any shot has been recorded.
   */
  async predict(features: Float32Array): Promise<PosePrediction> {
    this.assertUsable();
    if (this.totalCount === 0) throw new Error('no calibration shots yet: record the poses first');
    const problem = vectorProblem(features, this.vectorLength);
    if (problem !== null) throw new Error(`cannot predict: the vector ${problem}`);
    const prepared = this.prepare();
    const { similarities, pictures } = frameSimilarities(features, prepared.examples);
    const nearestVote = voteOfNearest(similarities, prepared.labels, this.k);
    const angles =
      prepared.centres === null
        ? { pose: nearestVote.pose, sure: null }
        : angleReading(nearestVote.pose, anglesOfVector(features), prepared.centres, this.gate);
    const pose = angles.pose;
    const vote = { ...nearestVote, pose };
    const best = perPose(() => Number.NEGATIVE_INFINITY);
    similarities.forEach((similarity, i) => {
      const pose = prepared.labels[i] as Pose;
      if (similarity > best[pose]) best[pose] = similarity;
    });
    const nearest = Math.max(...similarities);
    const margin = similarityMargin(best, vote.pose);
    const pictureSure =
      prepared.scale === null || margin === null
        ? vote.confidences[vote.pose]
        : poseConfidence(margin.margin, prepared.scale);
    // A turn the head has clearly made is as sure as its angles say, whatever the picture says.
    const confidence = Math.max(pictureSure, angles.sure ?? 0);
    return {
      ...vote,
      confidence,
      nearest,
      far: isFarFromCalibration(Math.max(...pictures), prepared.farBelow),
      gated: pose !== nearestVote.pose,
    };
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
    this.prepared = null;
  }

  /** How well the shots recognise each other, and what to record again (see calibrationReport). */
  leaveOneOutReport(): CalibrationReport {
    this.assertUsable();
    return leaveOneOutReport(this.samples, this.k);
  }

  /** The classifier cannot be used afterwards. */
  dispose(): void {
    this.prepared = null;
    this.samples = perPose(() => []);
    this.disposed = true;
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('this PoseClassifier has been disposed');
  }

  /**
   * The shots as the comparisons need them: poses in POSES order and each pose's own shots
   * before the mirror images (the order measure-poses evaluates, and knn-classifier would
   * break equal similarities in), plus the calibration's own scales.
   */
  private prepare(): Prepared {
    if (this.prepared !== null) return this.prepared;
    const examples = examplesByPose(this.samples);
    const raw: Float32Array[] = [];
    const labels: Pose[] = [];
    for (const pose of POSES) {
      for (const vector of examples[pose]) {
        raw.push(vector);
        labels.push(pose);
      }
    }
    const angles = this.anglesAtEnd && this.anglesMeasured ? raw.map(anglesOfVector) : null;
    const withAngles = angles !== null && angles.every((a) => a !== null);
    // The shots against each other, once: the scale on the whole vectors, the fit on the
    // picture alone (shotNeighbours.ts).
    const neighbours = shotNeighbours(this.samples, this.anglesAtEnd);
    this.prepared = {
      examples: splitExamples(raw, this.anglesAtEnd, withAngles),
      labels,
      scale: scaleOfNeighbours(neighbours.whole, neighbours.poses),
      farBelow: farLineOfNeighbours(neighbours.pictures, neighbours.poses),
      centres: withAngles ? turnPlaces(this.samples, this.nearEnd, this.nearEndFloor) : null,
    };
    return this.prepared;
  }
}

export { emptySamples };
