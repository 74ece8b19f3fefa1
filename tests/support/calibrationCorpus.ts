// A generated corpus of malformed calibration files (at least 1,000, the same every run): random
// bytes, a valid file truncated at every structural boundary, wrong versions, labels, ids and
// vector lengths, NaN/Infinity, enormous arrays, deeply nested JSON, __proto__/constructor keys,
// and every field of a valid file replaced by values of the wrong kind. Not one of them is a
// valid calibration; the import must refuse each with a message (tests/unit/vision/
// calibrationFuzz.test.ts, and a sample of them in the browser: tests/browser/security.test.ts).
import { mulberry32, randomInt } from '../../src/game/random';
import {
  CALIBRATION_VERSION,
  MAX_FILE_BYTES,
  serializeCalibration,
} from '../../src/vision/calibration/calibrationFile';
import { CURRENT_PIPELINE } from '../../src/vision/engine/features/pipeline';
import type { PoseSample } from '../../src/vision/poseSamples';
import { POSES, perPose } from '../../src/vision/poses';

export interface CorpusFile {
  readonly name: string;
  readonly category: string;
  /** Text, or raw bytes (for files that need not be text at all). */
  readonly data: string | Uint8Array;
}

const LENGTH = CURRENT_PIPELINE.vectorLength;

function vectorBase64(values: ArrayLike<number>): string {
  const floats = Float32Array.from(values);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}

/** A valid calibration: `shots` per pose, seeded vectors (the corpus's starting point). */
export function validCalibrationText(shots = 1, seed = 7): string {
  const random = mulberry32(seed);
  const vector = (): Float32Array => Float32Array.from({ length: LENGTH }, () => random() + 0.01);
  const samples = perPose((): PoseSample[] =>
    Array.from({ length: shots }, (_, i) => ({
      features: vector(),
      mirrored: i % 2 === 0 ? vector() : null,
    })),
  );
  return serializeCalibration(samples, new Date('2026-01-01T00:00:00.000Z'));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function nested(depth: number, open: string, close: string, core = '0'): string {
  return open.repeat(depth) + core + close.repeat(depth);
}

/** Values that are wrong for every field of the format (see the notes where one is not). */
const BAD_VALUES: ReadonlyArray<readonly [string, Json]> = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['zero', 0],
  ['minus-one', -1],
  ['fraction', 1.5],
  ['huge-number', 1e308],
  ['empty-text', ''],
  ['other-text', 'not-it'],
  ['short-base64', 'AAAA'],
  ['empty-list', []],
  ['empty-object', {}],
  ['number-list', [1, 2]],
  ['other-object', { x: 1 }],
  ['long-text', 'x'.repeat(100_000)],
  ['nested-lists', [[[]]]],
];

export function generateCorpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  const add = (category: string, name: string, data: string | Uint8Array): void => {
    files.push({ category, name: `${category}/${name}`, data });
  };
  const random = mulberry32(20260101);
  const valid = validCalibrationText(1);
  const base = JSON.parse(valid) as Record<string, Json> & {
    samples: Record<string, Array<Record<string, Json>>>;
  };
  const variant = (change: (file: typeof base) => void): string => {
    const copy = JSON.parse(valid) as typeof base;
    change(copy);
    return JSON.stringify(copy);
  };
  const goodVector = base.samples.neutral?.[0]?.features as string;

  // Random bytes, and random printable text that looks a little like JSON.
  for (let i = 0; i < 300; i++) {
    const bytes = new Uint8Array(randomInt(random, 0, 2048));
    for (let j = 0; j < bytes.length; j++) bytes[j] = randomInt(random, 0, 255);
    add('random-bytes', `${i}.bin`, bytes);
  }
  const alphabet = '{}[]:,"0123456789.eE+-truefalsnl \n\\abcdefghijkmopqsvwxyz';
  for (let i = 0; i < 100; i++) {
    let text = '';
    const length = randomInt(random, 0, 400);
    for (let j = 0; j < length; j++) text += alphabet[randomInt(random, 0, alphabet.length - 1)];
    add('random-text', `${i}.json`, text);
  }

  // The valid file cut just before and just after every structural character.
  const cuts = new Set<number>([0, 1]);
  for (let i = 0; i < valid.length; i++) {
    if ('{}[]:,"'.includes(valid[i] as string)) {
      cuts.add(i);
      cuts.add(i + 1);
    }
  }
  for (const cut of [...cuts].filter((at) => at < valid.length).sort((a, b) => a - b)) {
    add('truncated', `at-${cut}.json`, valid.slice(0, cut));
  }

  // Versions: the ones before (no head angles; the centre square's vectors), newer ones, and
  // no numbers.
  const versions: Json[] = [
    0,
    -1,
    CALIBRATION_VERSION - 2,
    CALIBRATION_VERSION - 1,
    CALIBRATION_VERSION + 1,
    99,
    1.5,
    String(CALIBRATION_VERSION),
    null,
    true,
    [],
    {},
    1e308,
    'Infinity',
  ];
  versions.forEach((version, i) =>
    add(
      'version',
      `${i}.json`,
      variant((f) => (f.version = version)),
    ),
  );
  add(
    'version',
    'missing.json',
    variant((f) => delete f.version),
  );
  const versionField = `"version":${CALIBRATION_VERSION}`;
  add('version', 'nan-literal.json', valid.replace(versionField, '"version":NaN'));
  add('version', 'infinity-literal.json', valid.replace(versionField, '"version":Infinity'));

  // The format's name and the pipeline ids.
  for (const format of ['', 'headchomp', 'HEADCHOMP-CALIBRATION', 'headchomp-calibration ', 7]) {
    add(
      'format',
      `${String(format).length}-${typeof format}.json`,
      variant((f) => (f.format = format)),
    );
  }
  for (const key of ['modelId', 'featureId', 'preprocessingId', 'vectorEncoding']) {
    for (const [label, value] of [
      ['other', 'something-else'],
      ['empty', ''],
      ['number', 1],
      ['null', null],
    ] as const) {
      add(
        'ids',
        `${key}-${label}.json`,
        variant((f) => (f[key] = value)),
      );
    }
    add(
      'ids',
      `${key}-missing.json`,
      variant((f) => delete f[key]),
    );
  }

  // Pose labels.
  for (const pose of POSES) {
    add(
      'labels',
      `missing-${pose}.json`,
      variant((f) => delete f.samples[pose]),
    );
    add(
      'labels',
      `upper-${pose}.json`,
      variant((f) => {
        f.samples[pose.toUpperCase()] = f.samples[pose] ?? [];
        delete f.samples[pose];
      }),
    );
  }
  for (const extra of [
    'sideways',
    'Left',
    ' left',
    'neutral ',
    '',
    '0',
    'toString',
    'hasOwnProperty',
  ]) {
    add(
      'labels',
      `extra-${JSON.stringify(extra)}.json`,
      variant((f) => (f.samples[extra] = [])),
    );
  }
  add(
    'labels',
    'samples-list.json',
    variant((f) => (f.samples = [] as never)),
  );
  add(
    'labels',
    'no-shots.json',
    variant((f) => POSES.forEach((p) => (f.samples[p] = []))),
  );

  // Vector lengths.
  for (const length of [0, -1, 1, LENGTH - 1, LENGTH + 1, 2 * LENGTH, 1e9, '1024', null, 1.5]) {
    add(
      'vector-length',
      `field-${String(length)}.json`,
      variant((f) => (f.vectorLength = length)),
    );
  }
  for (const n of [0, 1, 2, LENGTH / 2, LENGTH - 1, LENGTH + 1, 2 * LENGTH]) {
    const vector = vectorBase64(Array.from({ length: n }, () => 0.5));
    add(
      'vector-length',
      `features-${n}.json`,
      variant((f) => (f.samples.up![0]!.features = vector)),
    );
    add(
      'vector-length',
      `mirrored-${n}.json`,
      variant((f) => (f.samples.left![0]!.mirrored = vector)),
    );
  }
  for (const [label, text] of [
    ['not-base64', '!!!!'],
    ['bad-padding', goodVector.slice(0, -1)],
    ['spaces', ` ${goodVector}`],
    ['url-safe', goodVector.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '') + '-_'],
    ['newline', `${goodVector.slice(0, 64)}\n${goodVector.slice(64)}`],
  ] as const) {
    add(
      'vector-encoding',
      `${label}.json`,
      variant((f) => (f.samples.down![0]!.features = text)),
    );
  }

  // NaN, Infinity and zeros in the vectors; NaN and Infinity literals in the text.
  for (const [label, value] of [
    ['nan', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['minus-infinity', Number.NEGATIVE_INFINITY],
  ] as const) {
    for (const at of [0, 1, LENGTH - 1]) {
      const values = Array.from({ length: LENGTH }, (_, i) => (i === at ? value : 0.25));
      const vector = vectorBase64(values);
      add(
        'non-finite',
        `${label}-at-${at}.json`,
        variant((f) => (f.samples.right![0]!.features = vector)),
      );
      add(
        'non-finite',
        `${label}-mirror-at-${at}.json`,
        variant((f) => (f.samples.neutral![0]!.mirrored = vector)),
      );
    }
  }
  add(
    'non-finite',
    'all-zeros.json',
    variant((f) => (f.samples.up![0]!.features = vectorBase64(new Float32Array(LENGTH)))),
  );
  add(
    'non-finite',
    'nan-literal-vector.json',
    valid.replace(`"features":"${goodVector}"`, '"features":NaN'),
  );
  add(
    'non-finite',
    'infinity-literal-length.json',
    valid.replace(`"vectorLength":${LENGTH}`, '"vectorLength":Infinity'),
  );
  add(
    'non-finite',
    'numbers-instead-of-base64.json',
    variant((f) => (f.samples.up![0]!.features = Array.from({ length: LENGTH }, () => 0.5))),
  );

  // Enormous arrays and files.
  const shot = base.samples.neutral![0]!;
  add(
    'enormous',
    '401-shots-one-pose.json',
    variant((f) => (f.samples.left = Array.from({ length: 401 }, () => shot))),
  );
  add(
    'enormous',
    '1005-shots-in-all.json',
    variant((f) => POSES.forEach((p) => (f.samples[p] = Array.from({ length: 201 }, () => shot)))),
  );
  add(
    'enormous',
    'million-zeros-pose.json',
    valid.replace('"up":[', `"up":[${'0,'.repeat(1_000_000)}`),
  );
  add(
    'enormous',
    'hundred-thousand-numbers.json',
    variant((f) => (f.samples.up![0]!.features = Array.from({ length: 100_000 }, () => 1))),
  );
  add(
    'enormous',
    'vector-a-megabyte.json',
    variant((f) => (f.samples.up![0]!.features = 'A'.repeat(1 << 20))),
  );
  add(
    'enormous',
    'over-the-size-limit.json',
    valid + ' '.repeat(MAX_FILE_BYTES + 1 - valid.length),
  );
  add(
    'enormous',
    'long-key.json',
    variant((f) => (f['k'.repeat(100_000)] = 1)),
  );

  // Deeply nested JSON.
  for (const depth of [10, 1_000, 100_000]) {
    add('nested', `root-lists-${depth}.json`, nested(depth, '[', ']'));
    add('nested', `root-objects-${depth}.json`, nested(depth, '{"a":', '}'));
    add(
      'nested',
      `in-pose-${depth}.json`,
      valid.replace('"up":[', `"up":[${nested(depth, '[', ']')},`),
    );
    add(
      'nested',
      `in-shot-${depth}.json`,
      valid.replace(
        `"features":"${goodVector}"`,
        `"features":${nested(depth, '{"a":', '}', 'null')}`,
      ),
    );
  }
  add('nested', 'unclosed-100000.json', '['.repeat(100_000));

  // __proto__, constructor and prototype keys, at every level.
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    for (const [label, value] of [
      ['object', { polluted: true, version: 1 }],
      ['null', null],
      ['text', 'x'],
    ] as const) {
      const entry = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
      add('prototype-keys', `${key}-${label}-top.json`, valid.replace('{', `{${entry},`));
      add(
        'prototype-keys',
        `${key}-${label}-samples.json`,
        valid.replace('"samples":{', `"samples":{${entry},`),
      );
      add(
        'prototype-keys',
        `${key}-${label}-shot.json`,
        valid.replace('[{"features"', `[{${entry},"features"`),
      );
    }
  }
  add(
    'prototype-keys',
    'proto-samples-only.json',
    variant((f) => {
      f.samples = JSON.parse(`{"__proto__":${JSON.stringify(base.samples)}}`) as never;
    }),
  );

  // Every field of the valid file given a value of the wrong kind, or removed.
  const topLevel = [
    'format',
    'version',
    'modelId',
    'featureId',
    'preprocessingId',
    'createdAt',
    'vectorLength',
    'vectorEncoding',
    'samples',
  ];
  for (const key of topLevel) {
    for (const [label, value] of BAD_VALUES) {
      add(
        'wrong-kind',
        `${key}-${label}.json`,
        variant((f) => (f[key] = value)),
      );
    }
    add(
      'wrong-kind',
      `${key}-missing.json`,
      variant((f) => delete f[key]),
    );
  }
  for (const pose of POSES) {
    for (const [label, value] of BAD_VALUES) {
      if (label === 'empty-list') continue; // an empty pose is allowed (others have shots)
      add(
        'wrong-kind',
        `samples.${pose}-${label}.json`,
        variant((f) => (f.samples[pose] = value as never)),
      );
      add(
        'wrong-kind',
        `samples.${pose}[0]-${label}.json`,
        variant((f) => (f.samples[pose]![0] = value as never)),
      );
    }
  }
  for (const key of ['features', 'mirrored']) {
    for (const [label, value] of BAD_VALUES) {
      if (key === 'mirrored' && label === 'null') continue; // no mirror image is allowed
      add(
        'wrong-kind',
        `shot.${key}-${label}.json`,
        variant((f) => (f.samples.neutral![0]![key] = value)),
      );
    }
  }
  add(
    'wrong-kind',
    'shot.features-missing.json',
    variant((f) => delete f.samples.neutral![0]!.features),
  );
  add(
    'wrong-kind',
    'shot-extra-field.json',
    variant((f) => (f.samples.neutral![0]!.label = 'left')),
  );

  // Text that is not UTF-8, or not text: a valid file with a broken byte, UTF-16, a BOM.
  const bytes = new TextEncoder().encode(valid);
  for (const at of [0, 5, Math.floor(bytes.length / 2), bytes.length - 1]) {
    const broken = bytes.slice();
    broken[at] = 0xff;
    add('encoding', `invalid-utf8-at-${at}.json`, broken);
  }
  add('encoding', 'utf16.json', new Uint8Array(Buffer.from(valid, 'utf16le')));
  add('encoding', 'bom.json', '\uFEFF' + valid);
  add('encoding', 'nul-bytes.json', valid.replace('{', '{\u0000'));
  return files;
}
