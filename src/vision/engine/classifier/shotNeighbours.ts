/**
 * Every shot against the others, once, both ways the classifier needs them: with the head's
 * angles (the confidence's usual margin, poseConfidence.ts) and on the picture alone (the
 * fit's line, calibrationFit.ts). Each shot's own vector is compared with every example of the
 * other shots (their own vectors and mirror images; its own mirror image left out with it),
 * and the highest similarity per pose kept.
 *
 * Why one pass: the two used to be two leave-one-out passes over copies of the shots, 57 ms
 * for a returning player's 60 shots in Node and 4x that on a slow device, paid by the first
 * frame after the shots arrive and by every frame while a calibration records (each new shot
 * changes them). The picture's dot product is the bulk of both; the angles add three numbers.
 * The results equal the two passes' (a unit test holds them together).
 */
import { ANGLE_FEATURE_LENGTH } from '../angleFeatures';
import { POSES, mirroredPose, perPose, type Pose } from '../../poses';
import type { PoseSamples } from '../../poseSamples';
import { dotProduct } from './dotProduct';
import type { BestPerPose } from './shotSimilarity';

export interface ShotNeighbours {
  /** Each shot's pose, in POSES order (the shots' order in `examplesByPose`). */
  readonly poses: readonly Pose[];
  /** Each shot's highest similarity per pose, the whole vectors compared. */
  readonly whole: readonly BestPerPose[];
  /** The same on the picture alone (the angles left out); `whole` without angles at the end. */
  readonly pictures: readonly BestPerPose[];
}

interface Example {
  readonly vector: Float32Array;
  readonly pose: Pose;
  readonly shot: number;
  readonly pictureNorm: number;
  readonly norm: number;
}

/** `anglesAtEnd`: the vectors end with the head's angles, which the picture leaves out. */
export function shotNeighbours(samples: PoseSamples, anglesAtEnd: boolean): ShotNeighbours {
  const examples: Example[] = [];
  const own: Example[] = [];
  let pictureLength = 0;
  for (const pose of POSES) {
    for (const sample of samples[pose]) {
      const shot = own.length;
      pictureLength = anglesAtEnd
        ? Math.max(0, sample.features.length - ANGLE_FEATURE_LENGTH)
        : sample.features.length;
      const example = exampleOf(sample.features, pose, shot, pictureLength);
      own.push(example);
      examples.push(example);
      if (sample.mirrored !== null) {
        examples.push(exampleOf(sample.mirrored, mirroredPose(pose), shot, pictureLength));
      }
    }
  }
  const whole: BestPerPose[] = [];
  const pictures: BestPerPose[] = [];
  for (const shot of own) {
    const bestWhole = perPose(() => Number.NEGATIVE_INFINITY);
    const bestPicture = perPose(() => Number.NEGATIVE_INFINITY);
    for (const example of examples) {
      if (example.shot === shot.shot) continue;
      const pictureDot = dotProduct(shot.vector, example.vector, 0, pictureLength);
      const restDot = dotProduct(shot.vector, example.vector, pictureLength, shot.vector.length);
      const wholeSimilarity = similarity(pictureDot + restDot, shot.norm * example.norm);
      const pictureSimilarity = anglesAtEnd
        ? similarity(pictureDot, shot.pictureNorm * example.pictureNorm)
        : wholeSimilarity;
      if (wholeSimilarity > bestWhole[example.pose]) bestWhole[example.pose] = wholeSimilarity;
      if (pictureSimilarity > bestPicture[example.pose]) {
        bestPicture[example.pose] = pictureSimilarity;
      }
    }
    whole.push(bestWhole);
    pictures.push(bestPicture);
  }
  return { poses: own.map((shot) => shot.pose), whole, pictures };
}

function exampleOf(vector: Float32Array, pose: Pose, shot: number, pictureLength: number): Example {
  const pictureSquares = dotProduct(vector, vector, 0, pictureLength);
  const restSquares = dotProduct(vector, vector, pictureLength, vector.length);
  return {
    vector,
    pose,
    shot,
    pictureNorm: Math.sqrt(pictureSquares),
    norm: Math.sqrt(pictureSquares + restSquares),
  };
}

/** A cosine similarity from a dot product and the product of the lengths (0 against nothing). */
const similarity = (product: number, norms: number): number => (norms > 0 ? product / norms : 0);
