import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as knnClassifier from '@tensorflow-models/knn-classifier';
import { beforeAll, describe, expect, it } from 'vitest';
import { PoseClassifier } from '../../../../../src/vision/engine/classifier/poseClassifier';
import { POSES, type Pose } from '../../../../../src/vision/poses';
import {
  cosineSimilarity,
  voteOfNearest,
} from '../../../../../src/vision/engine/classifier/knnRule';
import { clusteredSamples, sameBits, seeded, vectorNear } from '../../testVectors';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function trained(k = 1, perPoseCount = 3, seed = 1): PoseClassifier {
  const classifier = new PoseClassifier(k);
  classifier.importSamples(clusteredSamples(perPoseCount, seed));
  return classifier;
}

describe('PoseClassifier speaks in poses', () => {
  it('predicts the pose whose shots are nearest, with a confidence for every pose', async () => {
    const classifier = trained(3);
    const random = seeded(99);
    for (const pose of POSES) {
      const prediction = await classifier.predict(vectorNear(pose, random));
      expect(prediction.pose).toBe(pose);
      expect(Object.keys(prediction.confidences).sort()).toEqual([...POSES].sort());
      expect(prediction.confidences[pose]).toBe(1);
    }
    classifier.dispose();
  });

  it('gives 0 confidence to a pose with no shots and never answers with a class index', async () => {
    const classifier = new PoseClassifier(1);
    const random = seeded(5);
    classifier.addExample('left', vectorNear('left', random));
    classifier.addExample('up', vectorNear('up', random));
    const prediction = await classifier.predict(vectorNear('up', random));
    expect(prediction).toMatchObject({
      pose: 'up',
      confidences: { up: 1, down: 0, left: 0, right: 0, neutral: 0 },
    });
    classifier.dispose();
  });

  it('breaks a tie of votes toward neutral, whatever order the shots came in', async () => {
    const classifier = new PoseClassifier(2);
    // Added right first: knn-classifier alone would favour its first label on a tie.
    classifier.addExample('right', new Float32Array([1, 0]));
    classifier.addExample('neutral', new Float32Array([0, 1]));
    const prediction = await classifier.predict(new Float32Array([1, 1]));
    expect(prediction.confidences.right).toBe(0.5);
    expect(prediction.confidences.neutral).toBe(0.5);
    expect(prediction.pose).toBe('neutral');
    classifier.dispose();
  });

  it('counts shots per pose, removes one pose, and clears', () => {
    const classifier = trained(1, 2);
    classifier.addExample('left', vectorNear('left', seeded(3)), vectorNear('right', seeded(4)));
    expect(classifier.counts()).toEqual({ up: 2, down: 2, left: 3, right: 2, neutral: 2 });
    expect(classifier.totalCount).toBe(11);
    classifier.removeExamplesOf('left');
    expect(classifier.count('left')).toBe(0);
    expect(classifier.count('right')).toBe(2);
    classifier.clear();
    expect(classifier.totalCount).toBe(0);
    expect(classifier.featureLength).toBeNull();
    classifier.dispose();
  });

  it('uses the mirror image of a shot as a shot of the mirrored pose, and drops it with it', async () => {
    const classifier = new PoseClassifier(1);
    classifier.addExample('neutral', new Float32Array([0, 0, 1]));
    classifier.addExample('left', new Float32Array([1, 0, 0]), new Float32Array([0, 1, 0]));
    expect((await classifier.predict(new Float32Array([0, 1, 0.1]))).pose).toBe('right');
    classifier.removeExamplesOf('left');
    expect((await classifier.predict(new Float32Array([0, 1, 0.1]))).pose).toBe('neutral');
    classifier.dispose();
  });

  it('refuses vectors it cannot compare: wrong length, not finite, all zeros', async () => {
    const classifier = trained();
    expect(() => classifier.addExample('up', new Float32Array(3).fill(1))).toThrow(/16/);
    expect(() => classifier.addExample('up', new Float32Array(16).fill(Number.NaN))).toThrow(
      /finite/,
    );
    expect(() => classifier.addExample('up', new Float32Array(16))).toThrow(/zeros/);
    await expect(classifier.predict(new Float32Array(15).fill(1))).rejects.toThrow(/16/);
    expect(classifier.count('up')).toBe(3);
    await expect(new PoseClassifier(1).predict(new Float32Array(16).fill(1))).rejects.toThrow(
      /record/,
    );
    classifier.dispose();
  });
});

describe('PoseClassifier tensors', () => {
  it('leaves no tensor behind per prediction, and frees all on dispose', async () => {
    const before = tf.memory().numTensors;
    const classifier = trained(3, 4);
    const random = seeded(7);
    await classifier.predict(vectorNear('down', random));
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 25; i++) await classifier.predict(vectorNear(POSES[i % 5] as Pose, random));
    expect(tf.memory().numTensors).toBe(afterFirst);
    classifier.addExample('down', vectorNear('down', random));
    await classifier.predict(vectorNear('down', random));
    classifier.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(classifier.predict(vectorNear('down', random))).rejects.toThrow(/disposed/);
  });
});

describe('export and import', () => {
  it('gives back the very same bits and the very same predictions', async () => {
    const original = new PoseClassifier(3);
    const random = seeded(11);
    for (const pose of POSES) {
      for (let i = 0; i < 4; i++) {
        original.addExample(
          pose,
          vectorNear(pose, random, 16, 0.9),
          vectorNear(pose, random, 16, 0.9),
        );
      }
    }
    const exported = original.exportSamples();
    const restored = new PoseClassifier(3);
    restored.importSamples(exported);
    const again = restored.exportSamples();
    for (const pose of POSES) {
      expect(again[pose]).toHaveLength(4);
      again[pose].forEach((sample, i) => {
        expect(sameBits(sample.features, exported[pose][i]?.features as Float32Array)).toBe(true);
        expect(
          sameBits(sample.mirrored as Float32Array, exported[pose][i]?.mirrored as Float32Array),
        ).toBe(true);
      });
    }
    const probes = Array.from({ length: 40 }, (_, i) =>
      vectorNear(POSES[i % 5] as Pose, random, 16, 2),
    );
    for (const probe of probes) {
      expect(await restored.predict(probe)).toEqual(await original.predict(probe));
    }
    original.dispose();
    restored.dispose();
  });

  it('hands out copies: changing an exported vector changes nothing inside', async () => {
    const classifier = trained();
    const exported = classifier.exportSamples();
    const probe = vectorNear('left', seeded(2));
    const before = await classifier.predict(probe);
    (exported.left[0] as { features: Float32Array }).features.fill(0);
    (exported.right[0] as { features: Float32Array }).features.set(probe);
    expect(await classifier.predict(probe)).toEqual(before);
    classifier.dispose();
  });

  it('refuses a bad import as a whole and keeps the shots in use', () => {
    const classifier = trained();
    const before = classifier.exportSamples();
    const bad = clusteredSamples(2, 3);
    const broken = {
      ...bad,
      up: [{ features: new Float32Array(16).fill(Number.POSITIVE_INFINITY), mirrored: null }],
    };
    expect(() => classifier.importSamples(broken)).toThrow(/finite/);
    const mixed = { ...bad, down: [{ features: new Float32Array(8).fill(1), mirrored: null }] };
    expect(() => classifier.importSamples(mixed)).toThrow(/16/);
    const after = classifier.exportSamples();
    for (const pose of POSES) {
      expect(after[pose].map((s) => [...s.features])).toEqual(
        before[pose].map((s) => [...s.features]),
      );
    }
    classifier.dispose();
  });
});

describe('the knn rule written out agrees with knn-classifier', () => {
  it('picks the same votes for random data, k = 1, 3, 5', async () => {
    const random = seeded(123);
    const labels: Pose[] = [];
    const vectors: Float32Array[] = [];
    for (const pose of POSES) {
      for (let i = 0; i < 6; i++) {
        labels.push(pose);
        vectors.push(vectorNear(pose, random, 12, 1.5));
      }
    }
    for (const k of [1, 3, 5]) {
      const knn = knnClassifier.create();
      vectors.forEach((vector, i) =>
        tf.tidy(() => knn.addExample(tf.tensor1d(vector), labels[i] as Pose)),
      );
      for (let probe = 0; probe < 30; probe++) {
        const query = vectorNear(POSES[probe % 5] as Pose, random, 12, 1.5);
        const input = tf.tensor1d(query);
        const library = await knn.predictClass(input, k);
        input.dispose();
        const ours = voteOfNearest(
          vectors.map((vector) => cosineSimilarity(query, vector)),
          labels,
          k,
        );
        for (const pose of POSES) {
          expect(ours.confidences[pose]).toBeCloseTo(library.confidences[pose] ?? 0, 12);
        }
      }
      knn.dispose();
    }
  });
});

describe('leave-one-out report', () => {
  it('scores well-separated shots as perfect and has nothing to advise', () => {
    const classifier = trained(1, 4);
    const report = classifier.leaveOneOutReport();
    expect(report.accuracy).toBe(1);
    expect(report.mostConfused).toBeNull();
    expect(report.advice).toBeNull();
    classifier.dispose();
  });

  it('names the confused pair and what to record again', () => {
    const classifier = trained(1, 4, 21);
    const random = seeded(22);
    // The player barely turned left: these "left" shots look like neutral ones.
    classifier.removeExamplesOf('left');
    for (let i = 0; i < 4; i++) classifier.addExample('left', vectorNear('neutral', random));
    const report = classifier.leaveOneOutReport();
    expect(report.mostConfused?.poses).toEqual(['neutral', 'left']);
    expect(report.advice).toBe('left and neutral are confused: record left again, turning further');
    expect(report.accuracyPerPose.up).toBe(1);
    expect(report.accuracyPerPose.left ?? 1).toBeLessThan(1);
    classifier.dispose();
  });

  it('asks for the poses not recorded yet', () => {
    const classifier = new PoseClassifier(1);
    classifier.addExample('neutral', vectorNear('neutral', seeded(1)));
    const report = classifier.leaveOneOutReport();
    expect(report.advice).toMatch(/^no shots of left, right, up, down yet/);
    expect(report.accuracy).toBeNull();
    classifier.dispose();
  });
});
