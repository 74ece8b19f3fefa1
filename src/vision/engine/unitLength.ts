/**
 * A vector scaled to unit length: the picture's and the keypoints' parts of the feature vector
 * are (features/), and the classifier scales what it compares the same way (classifier/).
 * Plain arithmetic, shared by both rooms.
 */

/** Scale to unit length; an all-zero vector stays zero (nothing to point anywhere). */
export function unitLength(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (const value of vector) sumOfSquares += value * value;
  const out = new Float32Array(vector.length);
  if (sumOfSquares === 0) return out;
  const scale = 1 / Math.sqrt(sumOfSquares);
  for (let i = 0; i < vector.length; i++) out[i] = (vector[i] ?? 0) * scale;
  return out;
}
