import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../tools/node/knnEvaluation';
import type { PosePhoto } from '../../../tools/node/pointing04';
import { POSES, type Pose } from '../../../src/vision/poses';

/** One person, two series, two photos per pose each; pose p's vectors point along axis p. */
function dataset(): { photos: PosePhoto[]; vectors: Float32Array[] } {
  const photos: PosePhoto[] = [];
  for (const series of [1, 2]) {
    for (const pose of POSES) {
      for (const copy of [0, 1]) {
        photos.push({
          file: `${series}-${pose}-${copy}.jpg`,
          path: '',
          person: 'someone',
          series,
          pose,
          yaw: 0,
          pitch: 0,
        });
      }
    }
  }
  const axis = (pose: Pose, wobble: number): Float32Array => {
    const vector = new Float32Array(5).fill(wobble);
    vector[POSES.indexOf(pose)] = 1;
    return vector;
  };
  const own = photos.map((p, i) => axis(p.pose, 0.01 * (i % 3)));
  // Mirror images: left and right swap.
  const mirrored = photos.map((p) =>
    axis(p.pose === 'left' ? 'right' : p.pose === 'right' ? 'left' : p.pose, 0),
  );
  return { photos, vectors: [...own, ...mirrored] };
}

describe('the evaluation protocol with photos that gave no vector', () => {
  it('never uses them as shots and counts them as neutral when tested', () => {
    const { photos, vectors } = dataset();
    const protocol = { shots: ['all' as const], draws: 1, seed: 1 };
    const candidate = { vectors, k: 1, mirror: 'all' as const, centre: false };
    expect(evaluate(photos, candidate, protocol).people[0]?.accuracy.get('all')).toBe(1);

    // No face in series 2's two "up" photos: as tests they read neutral (wrong), and they are
    // never shots, so series 2's calibration has no "up" and misses series 1's two as well.
    const usable = photos.map((p) => !(p.series === 2 && p.pose === 'up'));
    const predictions = new Map<string, Pose>();
    const result = evaluate(photos, { ...candidate, usable }, protocol, (trial) => {
      for (const [index, predicted] of trial.predictions) {
        predictions.set(`${trial.series}:${photos[index]?.file}`, predicted.pose);
      }
      if (trial.series === 2) expect(trial.chosen.get('up')).toEqual([]);
    });
    expect(result.people[0]?.accuracy.get('all')).toBe(16 / 20);
    expect(predictions.get('1:2-up-0.jpg')).toBe('neutral'); // calibrated on 1, no face
    expect(predictions.get('1:2-up-1.jpg')).toBe('neutral');
    expect(predictions.get('2:1-up-0.jpg')).not.toBe('up'); // calibrated on 2: no up shots
  });
});
