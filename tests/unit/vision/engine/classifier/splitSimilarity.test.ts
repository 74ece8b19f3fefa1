// One pass gives both similarities the classifier needs: with the angles (the vote) and on the
// picture alone (the fit). Checked against the plain cosine of the whole and the stripped vectors.
import { describe, expect, it } from 'vitest';
import { ANGLE_FEATURE_LENGTH } from '../../../../../src/vision/engine/angleFeatures';
import {
  frameSimilarities,
  splitExamples,
} from '../../../../../src/vision/engine/classifier/splitSimilarity';

function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] as number) * (b[i] as number);
    aa += (a[i] as number) ** 2;
    bb += (b[i] as number) ** 2;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

const stripped = (v: Float32Array) => {
  const copy = v.slice();
  copy.fill(0, v.length - ANGLE_FEATURE_LENGTH);
  return copy;
};

// A fixed pseudo-random vector, so the test is the same on every run.
function vector(seed: number, length = 12): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.3;
  });
}

describe('the split similarity', () => {
  const shots = [vector(1), vector(2), vector(3), new Float32Array(12)];
  const frame = vector(9);

  it('gives the whole cosine with the angles and the stripped cosine without them', () => {
    const { similarities, pictures } = frameSimilarities(frame, splitExamples(shots, true, true));
    shots.forEach((shot, i) => {
      expect(similarities[i]).toBeCloseTo(cosine(frame, shot), 6);
      expect(pictures[i]).toBeCloseTo(cosine(stripped(frame), stripped(shot)), 6);
    });
    // The angles do change the answer here, so the two lists are not the same numbers.
    expect(similarities[0]).not.toBeCloseTo(pictures[0] as number, 3);
  });

  it('compares the picture alone while the angles are not compared', () => {
    const { similarities, pictures } = frameSimilarities(frame, splitExamples(shots, true, false));
    expect(similarities).toBe(pictures);
    shots.forEach((shot, i) => {
      expect(pictures[i]).toBeCloseTo(cosine(stripped(frame), stripped(shot)), 6);
    });
  });

  it('uses every number of a vector that has no angles', () => {
    const { pictures } = frameSimilarities(frame, splitExamples(shots, false, false));
    shots.forEach((shot, i) => expect(pictures[i]).toBeCloseTo(cosine(frame, shot), 6));
  });
});
