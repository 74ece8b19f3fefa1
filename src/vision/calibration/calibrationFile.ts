/**
 * The calibration file: the player's recorded poses, exported to a file and imported back
 * (another browser, another device, after clearing site data). Also the form in which the
 * calibration is kept in IndexedDB, so one parser guards both ways in.
 *
 * FORMAT (JSON, UTF-8; docs/calibration-format.md says the same for people without the code)
 *
 *   {
 *     "format": "headchomp-calibration",       // always this text
 *     "version": 3,                            // this layout; another version is refused
 *     "modelId": "mobilenet_v1_025_224-...",   // the network that made the vectors
 *     "featureId": "conv13-...",               // which layer(s) and pooling made the vectors
 *     "preprocessingId": "face-square1.5-...", // crop, orientation and size of the frames
 *     "createdAt": "2025-01-31T12:00:00.000Z", // ISO 8601, when it was recorded
 *     "vectorLength": 1039,                    // numbers per vector
 *     "vectorEncoding": "base64-float32-le",   // each vector: float32 little-endian, base64
 *     "samples": {                             // exactly these five poses, each a list
 *       "neutral": [{ "features": "<base64>", "mirrored": "<base64>" | null }, ...],
 *       "left": [...], "right": [...], "up": [...], "down": [...]
 *     }
 *   }
 *
 * "left" is the player's own left. "mirrored" is the same frame flipped left/right (used as
 * a shot of the mirrored pose) or null. Vectors are compared only with vectors of the same
 * model, feature and preprocessing ids: a file with other ids is refused, never reinterpreted.
 *
 * Limits: 20 MB per file, 400 shots per pose, 1,000 shots in all, finite numbers only, and
 * no vector of all zeros. No other fields are allowed at any level (an unknown pose name is
 * refused, and keys such as "__proto__" are just unknown fields: nothing is copied from the
 * file except the fields named above).
 *
 * Over 300 lines, most of them the format written out above: the format, its writer and the
 * one strict parser that guards both ways in (a file imported, a calibration read back from
 * IndexedDB) stay in one file, so that a change of the format is made (and reviewed) in one
 * place.
 */
import { POSES, perPose, type Pose } from '../poses';
import { countSamples, vectorProblem, type PoseSample, type PoseSamples } from '../poseSamples';
import { CURRENT_PIPELINE, type PipelineIds } from '../engine/features/pipeline';

export const CALIBRATION_FORMAT = 'headchomp-calibration';
/**
 * 3: the vectors of the face-aligned pipeline with the head's angles (MobileNet on the face,
 * its keypoints, the face mesh's yaw, pitch and roll).
 * 2: the same without the angles; 1: the centre square's vectors. Both refused with a plain
 * word (they cannot be compared), each saying what the game learnt since.
 */
export const CALIBRATION_VERSION = 3;
export const VECTOR_ENCODING = 'base64-float32-le';
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_SHOTS_PER_POSE = 400;
export const MAX_SHOTS_IN_ALL = 1000;

export interface Calibration {
  readonly createdAt: string;
  readonly samples: PoseSamples;
}

export type ParseResult =
  | { readonly ok: true; readonly calibration: Calibration }
  | { readonly ok: false; readonly message: string };

const TOP_LEVEL_FIELDS = [
  'format',
  'version',
  'modelId',
  'featureId',
  'preprocessingId',
  'createdAt',
  'vectorLength',
  'vectorEncoding',
  'samples',
] as const;

// ---- writing ----

function vectorToBase64(vector: Float32Array): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  vector.forEach((value, i) => view.setFloat32(i * 4, value, true));
  let binary = '';
  // In chunks: String.fromCharCode with one argument per byte would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The file's text for `samples`, stamped with the running pipeline's ids. */
export function serializeCalibration(
  samples: PoseSamples,
  createdAt: Date = new Date(),
  pipeline: PipelineIds = CURRENT_PIPELINE,
): string {
  // Never write a file its own reader would refuse (a tool once wrote 1024 numbers a vector
  // under a header of 1036, and the bench's import failed far from the cause).
  for (const pose of POSES) {
    for (const [i, { features, mirrored }] of samples[pose].entries()) {
      const wrong = [features, mirrored].find(
        (v) => v !== null && v.length !== pipeline.vectorLength,
      );
      if (wrong !== undefined && wrong !== null) {
        throw new Error(
          `shot ${i + 1} of "${pose}" has ${wrong.length} numbers; the file's vectors have ${pipeline.vectorLength}`,
        );
      }
    }
  }
  const file = {
    format: CALIBRATION_FORMAT,
    version: CALIBRATION_VERSION,
    modelId: pipeline.modelId,
    featureId: pipeline.featureId,
    preprocessingId: pipeline.preprocessingId,
    createdAt: createdAt.toISOString(),
    vectorLength: pipeline.vectorLength,
    vectorEncoding: VECTOR_ENCODING,
    samples: perPose((pose) =>
      samples[pose].map((sample) => ({
        features: vectorToBase64(sample.features),
        mirrored: sample.mirrored === null ? null : vectorToBase64(sample.mirrored),
      })),
    ),
  };
  return JSON.stringify(file);
}

// ---- reading ----

/** Thrown inside the parser only, turned into { ok: false, message } before returning. */
class Refusal extends Error {}

function refuse(message: string): never {
  throw new Refusal(message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own fields only, and only the allowed ones. */
function checkFields(
  value: Record<string, unknown>,
  allowed: readonly string[],
  where: string,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) refuse(`${where} has an unexpected field "${key.slice(0, 40)}".`);
  }
}

function field(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

function text(value: Record<string, unknown>, key: string): string {
  const found = field(value, key);
  if (typeof found !== 'string') refuse(`The field "${key}" is missing or not text.`);
  return found;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64ToVector(encoded: unknown, length: number, where: string): Float32Array {
  if (typeof encoded !== 'string' || !BASE64.test(encoded) || encoded.length % 4 !== 0) {
    refuse(`${where} is not a base64 vector.`);
  }
  const binary = atob(encoded);
  if (binary.length !== length * 4) {
    refuse(`${where} has ${binary.length / 4} numbers; this file says vectors have ${length}.`);
  }
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const vector = new Float32Array(length);
  for (let i = 0; i < length; i++) vector[i] = view.getFloat32(i * 4, true);
  const problem = vectorProblem(vector, length);
  if (problem !== null) refuse(`${where} ${problem}.`);
  return vector;
}

function sizeOf(input: string | ArrayBuffer): number {
  // A string's UTF-8 size is at least its length; checking length first avoids encoding a
  // huge string just to measure it.
  return typeof input === 'string' ? input.length : input.byteLength;
}

function describeMismatch(what: string, found: string, expected: string): string {
  return (
    `This calibration was recorded with a different ${what} (${found.slice(0, 80)}); ` +
    `this version of the game uses ${expected}. Its poses cannot be reused: please calibrate again.`
  );
}

function parse(input: string | ArrayBuffer, expected: PipelineIds): Calibration {
  const size = sizeOf(input);
  if (size > MAX_FILE_BYTES) {
    refuse(
      `This file is ${(size / 1024 / 1024).toFixed(1)} MB; a calibration file is at most 20 MB.`,
    );
  }
  let source: string;
  if (typeof input === 'string') source = input;
  else {
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      refuse('This is not a calibration file: it is not UTF-8 text.');
    }
  }
  let root: unknown;
  try {
    root = JSON.parse(source);
  } catch {
    refuse('This is not a calibration file: it is not valid JSON.');
  }
  if (!isPlainObject(root) || field(root, 'format') !== CALIBRATION_FORMAT) {
    refuse('This is not a headchomp calibration file.');
  }
  const version = field(root, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    refuse('This calibration file has no valid version number.');
  }
  if (version > CALIBRATION_VERSION) {
    refuse(
      `This calibration file was made by a newer version of the game (format version ${version}); ` +
        `this version reads version ${CALIBRATION_VERSION}.`,
    );
  }
  if (version < CALIBRATION_VERSION) {
    const learnt =
      version === 1 ? 'to find your face in the picture' : 'to measure the angle of your head';
    refuse(
      `This calibration was made by an earlier version of HEADCHOMP, before it learnt ${learnt}; ` +
        'its poses cannot be reused. Record your poses again: it takes about a minute.',
    );
  }
  checkFields(root, TOP_LEVEL_FIELDS, 'The file');

  const modelId = text(root, 'modelId');
  if (modelId !== expected.modelId)
    refuse(describeMismatch('head-tracking model', modelId, expected.modelId));
  const featureId = text(root, 'featureId');
  if (featureId !== expected.featureId)
    refuse(describeMismatch('kind of features', featureId, expected.featureId));
  const preprocessingId = text(root, 'preprocessingId');
  if (preprocessingId !== expected.preprocessingId) {
    refuse(describeMismatch('camera framing', preprocessingId, expected.preprocessingId));
  }
  const createdAt = text(root, 'createdAt');
  if (createdAt.length > 40 || !Number.isFinite(Date.parse(createdAt))) {
    refuse('The field "createdAt" is not a date.');
  }
  if (text(root, 'vectorEncoding') !== VECTOR_ENCODING) {
    refuse(`The vectors are not encoded as ${VECTOR_ENCODING}.`);
  }
  const vectorLength = field(root, 'vectorLength');
  if (vectorLength !== expected.vectorLength) {
    refuse(
      `The vectors have ${String(vectorLength).slice(0, 20)} numbers; this game uses ${expected.vectorLength}.`,
    );
  }

  const samplesField = field(root, 'samples');
  if (!isPlainObject(samplesField)) refuse('The field "samples" is missing or not an object.');
  for (const key of Object.keys(samplesField)) {
    if (!(POSES as readonly string[]).includes(key)) {
      refuse(`Unknown pose "${key.slice(0, 40)}": a calibration has exactly ${POSES.join(', ')}.`);
    }
  }
  let total = 0;
  const samples = perPose((): PoseSample[] => []);
  for (const pose of POSES) {
    const shots = field(samplesField, pose);
    if (!Array.isArray(shots)) refuse(`The pose "${pose}" is missing or not a list.`);
    if (shots.length > MAX_SHOTS_PER_POSE) {
      refuse(
        `The pose "${pose}" has ${shots.length} shots; at most ${MAX_SHOTS_PER_POSE} are allowed.`,
      );
    }
    total += shots.length;
    if (total > MAX_SHOTS_IN_ALL)
      refuse(`The file has more than ${MAX_SHOTS_IN_ALL} shots in all.`);
    shots.forEach((shot: unknown, i) => {
      const where = `Shot ${i + 1} of "${pose}"`;
      if (!isPlainObject(shot)) refuse(`${where} is not an object.`);
      checkFields(shot, ['features', 'mirrored'], where);
      const features = base64ToVector(field(shot, 'features'), vectorLength, `${where}`);
      const mirroredField = field(shot, 'mirrored');
      const mirrored =
        mirroredField === null || mirroredField === undefined
          ? null
          : base64ToVector(
              mirroredField,
              vectorLength,
              `The mirror image of ${where.toLowerCase()}`,
            );
      samples[pose as Pose].push({ features, mirrored });
    });
  }
  if (countSamples(samples) === 0) refuse('This calibration file has no shots.');
  return { createdAt, samples };
}

/**
 * Read a calibration file. Never throws: anything wrong comes back as a message for the
 * player, and nothing is used unless everything is right.
 */
export function parseCalibrationFile(
  input: string | ArrayBuffer,
  expected: PipelineIds = CURRENT_PIPELINE,
): ParseResult {
  try {
    return { ok: true, calibration: parse(input, expected) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    return { ok: false, message: 'This calibration file could not be read.' };
  }
}
