/**
 * A frame's cosine similarity to every calibration example, two ways from one pass over the
 * numbers: with the head's angles in (what the vote reads) and on the picture alone (what the
 * fit is judged on, poseClassifier.ts). Each example is kept as its picture part at unit length
 * plus that part's length and its raw angles, so the full similarity is put together from the
 * picture dot product and three more multiplications, instead of a copy of the frame without
 * its angles and a second pass over every shot.
 */
import { ANGLE_FEATURE_LENGTH } from '../angleFeatures';
import { unitLength } from '../unitLength';
import { dotProduct } from './dotProduct';

/** The examples, split for the comparisons: build once when the shots change. */
export interface SplitExamples {
  /** How many leading numbers are the picture (and keypoints): the rest are the angles. */
  readonly pictureLength: number;
  /** Each example's picture part at unit length (zeros after `pictureLength`). */
  readonly pictures: readonly Float32Array[];
  /** Length of each example's raw picture part. */
  readonly pictureNorms: readonly number[];
  /** Each example's raw angle numbers; null when the angles are not compared. */
  readonly angles: readonly Float32Array[] | null;
  /** Length of each raw example, picture and angles together (used with `angles`). */
  readonly norms: readonly number[];
}

export interface FrameSimilarities {
  /** With the angles when they are compared; the same array as `pictures` otherwise. */
  readonly similarities: readonly number[];
  readonly pictures: readonly number[];
}

/**
 * `anglesAtEnd`: the vectors end with the angles (they are never part of the picture).
 * `compareAngles`: the angles count in `similarities`.
 */
export function splitExamples(
  raw: readonly Float32Array[],
  anglesAtEnd: boolean,
  compareAngles: boolean,
): SplitExamples {
  const length = raw[0]?.length ?? 0;
  const pictureLength = anglesAtEnd ? Math.max(0, length - ANGLE_FEATURE_LENGTH) : length;
  const pictures: Float32Array[] = [];
  const pictureNorms: number[] = [];
  const norms: number[] = [];
  for (const vector of raw) {
    const picture = vector.slice();
    picture.fill(0, pictureLength);
    const pictureSquares = squares(vector, 0, pictureLength);
    pictures.push(unitLength(picture));
    pictureNorms.push(Math.sqrt(pictureSquares));
    norms.push(Math.sqrt(pictureSquares + squares(vector, pictureLength, vector.length)));
  }
  const angles = compareAngles ? raw.map((vector) => vector.slice(pictureLength)) : null;
  return { pictureLength, pictures, pictureNorms, angles, norms };
}

/** The frame's similarity to each example, in the examples' order (0 against a zero vector). */
export function frameSimilarities(
  features: Float32Array,
  examples: SplitExamples,
): FrameSimilarities {
  const { pictureLength, angles } = examples;
  const pictureSquares = squares(features, 0, pictureLength);
  const pictureNorm = Math.sqrt(pictureSquares);
  const norm = Math.sqrt(pictureSquares + squares(features, pictureLength, features.length));
  const pictureDots = examples.pictures.map((picture) =>
    dotProduct(features, picture, 0, pictureLength),
  );
  const pictures = pictureDots.map((d) => (pictureNorm === 0 ? 0 : d / pictureNorm));
  if (angles === null) return { similarities: pictures, pictures };
  const similarities = pictureDots.map((d, i) => {
    const shotNorm = examples.norms[i] as number;
    if (norm === 0 || shotNorm === 0) return 0;
    const shotAngles = angles[i] as Float32Array;
    let angleDot = 0;
    for (let j = 0; j < shotAngles.length; j++) {
      angleDot += (features[pictureLength + j] as number) * (shotAngles[j] as number);
    }
    return ((examples.pictureNorms[i] as number) * d + angleDot) / (norm * shotNorm);
  });
  return { similarities, pictures };
}

function squares(vector: Float32Array, from: number, to: number): number {
  return dotProduct(vector, vector, from, to);
}
