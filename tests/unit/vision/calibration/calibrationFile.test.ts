import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_FILE_BYTES,
  parseCalibrationFile,
  serializeCalibration,
} from '../../../../src/vision/calibration/calibrationFile';
import type { PipelineIds } from '../../../../src/vision/engine/features/pipeline';
import { PoseClassifier } from '../../../../src/vision/engine/classifier/poseClassifier';
import { POSES } from '../../../../src/vision/poses';
import type { PoseSamples } from '../../../../src/vision/poseSamples';
import { clusteredSamples, sameBits, seeded, vectorNear } from '../testVectors';

const PIPELINE: PipelineIds = {
  modelId: 'test-model',
  featureId: 'test-features',
  preprocessingId: 'test-framing',
  vectorLength: 16,
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function withMirrors(samples: PoseSamples): PoseSamples {
  const random = seeded(77);
  const out = { ...samples };
  out.left = samples.left.map((s) => ({
    features: s.features,
    mirrored: vectorNear('right', random),
  }));
  return out;
}

function goodFile(): Record<string, unknown> {
  const text = serializeCalibration(withMirrors(clusteredSamples(3)), new Date(0), PIPELINE);
  return JSON.parse(text) as Record<string, unknown>;
}

function base64Of(values: number[]): string {
  const bytes = new Uint8Array(new Float32Array(values).buffer);
  return btoa(String.fromCharCode(...bytes));
}

function refusal(input: string | ArrayBuffer): string {
  const result = parseCalibrationFile(input, PIPELINE);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

function edited(edit: (file: Record<string, unknown>) => void): string {
  const file = goodFile();
  edit(file);
  return JSON.stringify(file);
}

function samplesOf(file: Record<string, unknown>): Record<string, Array<Record<string, unknown>>> {
  return file.samples as Record<string, Array<Record<string, unknown>>>;
}

describe('a good calibration file', () => {
  it('round-trips every vector bit for bit, mirror images included', () => {
    const samples = withMirrors(clusteredSamples(4, 9));
    // Awkward values survive too: -0, subnormals, the largest float32.
    samples.up[0]?.features.set([-0, 1.4e-45, 3.4028234663852886e38, -1e-30]);
    const text = serializeCalibration(samples, new Date('2025-02-03T04:05:06.000Z'), PIPELINE);
    const result = parseCalibrationFile(text, PIPELINE);
    if (!result.ok) throw new Error(result.message);
    expect(result.calibration.createdAt).toBe('2025-02-03T04:05:06.000Z');
    for (const pose of POSES) {
      expect(result.calibration.samples[pose]).toHaveLength(samples[pose].length);
      samples[pose].forEach((sample, i) => {
        const read = result.calibration.samples[pose][i];
        expect(sameBits(read?.features as Float32Array, sample.features)).toBe(true);
        if (sample.mirrored === null) expect(read?.mirrored).toBeNull();
        else expect(sameBits(read?.mirrored as Float32Array, sample.mirrored)).toBe(true);
      });
    }
  });

  it('reads the same from an ArrayBuffer of UTF-8 bytes', () => {
    const text = serializeCalibration(clusteredSamples(2), new Date(0), PIPELINE);
    const bytes = new TextEncoder().encode(text);
    const result = parseCalibrationFile(bytes.buffer, PIPELINE);
    expect(result.ok).toBe(true);
  });

  it('stores little-endian float32: 1.0 is 00 00 80 3F', () => {
    const samples = clusteredSamples(1);
    samples.up[0]?.features.fill(1);
    const file = JSON.parse(serializeCalibration(samples, new Date(0), PIPELINE)) as Record<
      string,
      unknown
    >;
    const encoded = samplesOf(file).up?.[0]?.features as string;
    expect([...atob(encoded).slice(0, 4)].map((c) => c.charCodeAt(0))).toEqual([0, 0, 0x80, 0x3f]);
  });

  it('is never written with vectors of another length than its header says', () => {
    const samples = withMirrors(clusteredSamples(2));
    const short = { ...samples, down: [{ features: new Float32Array(12), mirrored: null }] };
    expect(() => serializeCalibration(short, new Date(0), PIPELINE)).toThrow(
      'shot 1 of "down" has 12 numbers; the file\'s vectors have 16',
    );
    const badMirror = {
      ...samples,
      up: [{ features: new Float32Array(16), mirrored: new Float32Array(17) }],
    };
    expect(() => serializeCalibration(badMirror, new Date(0), PIPELINE)).toThrow(/17 numbers/);
  });
});

describe('bad calibration files are refused with a message', () => {
  const cases: Array<[string, () => string | ArrayBuffer, RegExp]> = [
    ['larger than 20 MB', () => ' '.repeat(MAX_FILE_BYTES + 1), /20 MB/],
    ['not JSON', () => '{"format": "headchomp-calibration",', /not valid JSON/],
    ['not UTF-8', () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]).buffer, /UTF-8/],
    ['JSON but not an object', () => '[1, 2, 3]', /not a headchomp calibration file/],
    ['another format', () => edited((f) => (f.format = 'something-else')), /not a headchomp/],
    ['a newer version', () => edited((f) => (f.version = 4)), /newer version.*version 4/],
    [
      'the version before the face finder (its vectors are of the centre square)',
      () => edited((f) => (f.version = 1)),
      /earlier version of HEADCHOMP, before it learnt to find your face.*Record your poses again/,
    ],
    [
      'the version before the face mesh (its vectors have no head angles)',
      () => edited((f) => (f.version = 2)),
      /earlier version of HEADCHOMP, before it learnt to measure the angle of your head.*Record your poses again/,
    ],
    ['a version that is no number', () => edited((f) => (f.version = '1')), /version/],
    [
      'another model',
      () => edited((f) => (f.modelId = 'mobilenet_v2')),
      /different head-tracking model \(mobilenet_v2\).*calibrate again/,
    ],
    ['other features', () => edited((f) => (f.featureId = 'conv12')), /different kind of features/],
    [
      'other framing',
      () => edited((f) => (f.preprocessingId = 'stretch')),
      /different camera framing/,
    ],
    ['an unknown pose', () => edited((f) => (samplesOf(f).tilt = [])), /Unknown pose "tilt"/],
    ['a missing pose', () => edited((f) => delete samplesOf(f).down), /"down" is missing/],
    ['an unexpected field', () => edited((f) => (f.comment = 'hi')), /unexpected field "comment"/],
    [
      'an unexpected field in a shot',
      () => edited((f) => (samplesOf(f).up![0]!.label = 3)),
      /unexpected field "label"/,
    ],
    [
      'another vector length',
      () => edited((f) => (f.vectorLength = 8)),
      /8 numbers; this game uses 16/,
    ],
    [
      'a vector of the wrong length',
      () => edited((f) => (samplesOf(f).up![1]!.features = base64Of([1, 2, 3]))),
      /Shot 2 of "up" has 3 numbers/,
    ],
    [
      'a mirror image of the wrong length',
      () => edited((f) => (samplesOf(f).left![0]!.mirrored = base64Of([1]))),
      /mirror image of shot 1 of "left"/,
    ],
    [
      'a NaN',
      () =>
        edited(
          (f) =>
            (samplesOf(f).up![0]!.features = base64Of(
              Array.from({ length: 16 }, (_, i) => (i === 5 ? Number.NaN : 1)),
            )),
        ),
      /not finite/,
    ],
    [
      'an infinity',
      () =>
        edited(
          (f) =>
            (samplesOf(f).down![2]!.features = base64Of(
              Array.from({ length: 16 }, (_, i) => (i === 0 ? Number.POSITIVE_INFINITY : 1)),
            )),
        ),
      /not finite/,
    ],
    [
      'a vector of zeros',
      () =>
        edited(
          (f) => (samplesOf(f).neutral![0]!.features = base64Of(new Array<number>(16).fill(0))),
        ),
      /all zeros/,
    ],
    [
      'numbers instead of base64',
      () =>
        edited(
          (f) =>
            (samplesOf(f).up![0]!.features = new Array<number>(16).fill(1) as unknown as string),
        ),
      /not a base64 vector/,
    ],
    [
      'broken base64',
      () => edited((f) => (samplesOf(f).up![0]!.features = 'AAAA!AAA')),
      /not a base64 vector/,
    ],
    [
      'too many shots of a pose',
      () => edited((f) => (samplesOf(f).up = new Array(401).fill(samplesOf(f).up![0]))),
      /401 shots; at most 400/,
    ],
    [
      'too many shots in all',
      () =>
        edited((f) => {
          for (const p of POSES) samplesOf(f)[p] = new Array(250).fill(samplesOf(f)[p]![0]);
        }),
      /more than 1000 shots/,
    ],
    [
      'no shots at all',
      () =>
        edited((f) => {
          for (const p of POSES) samplesOf(f)[p] = [];
        }),
      /no shots/,
    ],
    ['a date that is no date', () => edited((f) => (f.createdAt = 'yesterday')), /createdAt/],
    [
      'a "__proto__" field',
      () => '{"format":"headchomp-calibration","version":3,"__proto__":{"polluted":true}}',
      /unexpected field "__proto__"/,
    ],
    [
      '"__proto__" as a pose',
      () =>
        edited((f) =>
          Object.defineProperty(samplesOf(f), '__proto__', { value: [], enumerable: true }),
        ),
      /Unknown pose "__proto__"/,
    ],
    [
      '"constructor" as a pose',
      () => edited((f) => (samplesOf(f).constructor = [] as never)),
      /Unknown pose "constructor"/,
    ],
  ];

  it.each(cases)('refuses %s', (_name, make, message) => {
    expect(refusal(make())).toMatch(message);
  });

  it('is harmless to the rest of the program: no prototype is polluted', () => {
    refusal('{"format":"headchomp-calibration","version":3,"__proto__":{"polluted":true}}');
    refusal(
      edited((f) =>
        Object.defineProperty(samplesOf(f), '__proto__', {
          value: { polluted: 1 },
          enumerable: true,
        }),
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [null, undefined, 42, {}, new ArrayBuffer(0), '', 'null', '"text"'];
    for (const input of odd) {
      expect(() => parseCalibrationFile(input as string, PIPELINE)).not.toThrow();
      expect(parseCalibrationFile(input as string, PIPELINE).ok).toBe(false);
    }
  });

  it('leaves the calibration in use untouched when a file is refused', async () => {
    const classifier = new PoseClassifier(1);
    classifier.importSamples(clusteredSamples(3, 5));
    const before = classifier.exportSamples();
    const probe = vectorNear('right', seeded(8));
    const predictionBefore = await classifier.predict(probe);
    for (const [, make] of cases) {
      const result = parseCalibrationFile(make(), PIPELINE);
      // The only way in: a parsed, accepted calibration. Refused files never get here.
      if (result.ok) classifier.importSamples(result.calibration.samples);
    }
    const after = classifier.exportSamples();
    for (const pose of POSES) {
      after[pose].forEach((s, i) =>
        expect(sameBits(s.features, before[pose][i]?.features as Float32Array)).toBe(true),
      );
    }
    expect(await classifier.predict(probe)).toEqual(predictionBefore);
    classifier.dispose();
  });
});
