#!/usr/bin/env node
// npm run model:fetch [-- mobilenet | face-detector | face-mesh]
//
// Downloads the official TF-Hub files of the models head control uses into assets/models/,
// where the dev server and the build pick them up (build/modelAssets.ts):
//   mobilenet      MobileNet v1, alpha 0.25, 224x224, ImageNet classification, TF.js graph
//                  model (the one @tensorflow-models/mobilenet loads for {version: 1, alpha:
//                  0.25}) -> assets/models/mobilenet/
//   face-detector  MediaPipe's short-range face detector, Google's TF.js release (the default
//                  model of @tensorflow-models/face-detection) -> assets/models/face-detector/
//   face-mesh      MediaPipe's Face Mesh (192x192, 468 landmarks), Google's TF.js release (the
//                  landmarks of @tensorflow-models/facemesh) -> assets/models/face-mesh/
// All three by default. Checks every shard's size against the manifest in model.json before
// anything is written in place. Needs the internet; the files are never committed
// (assets/models/ is git-ignored).
//
// Options (environment):
//   HEADCHOMP_MODEL_URL       another base URL serving MobileNet's files (a mirror)
//   HEADCHOMP_MODEL_OUT       another target folder for MobileNet
//   HEADCHOMP_FACE_MODEL_URL  another base URL serving the face detector's files
//   HEADCHOMP_FACE_MODEL_OUT  another target folder for the face detector
//   HEADCHOMP_FACE_MESH_URL   another base URL serving the face mesh's files
//   HEADCHOMP_FACE_MESH_OUT   another target folder for the face mesh
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const QUERY = '?tfjs-format=file';
const TIMEOUT_MS = 60_000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The models, their official homes, and where a copy may already be found without internet. */
const MODELS = {
  mobilenet: {
    title: 'MobileNet v1 0.25 (224)',
    official: 'https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1',
    urlVar: 'HEADCHOMP_MODEL_URL',
    outVar: 'HEADCHOMP_MODEL_OUT',
    out: 'assets/models/mobilenet',
    offline: '$HEADCHOMP_MODEL_DIR or ../shared/models/mobilenet_v1_025_224_graph_tfhub/',
  },
  'face-detector': {
    title: 'the MediaPipe short-range face detector (128)',
    official: 'https://tfhub.dev/mediapipe/tfjs-model/face_detection/short/1',
    urlVar: 'HEADCHOMP_FACE_MODEL_URL',
    outVar: 'HEADCHOMP_FACE_MODEL_OUT',
    out: 'assets/models/face-detector',
    offline: '$HEADCHOMP_FACE_MODEL_DIR or ../shared/models/mediapipe_face_detection_short_128/',
  },
  'face-mesh': {
    title: 'the MediaPipe Face Mesh (192)',
    official: 'https://tfhub.dev/mediapipe/tfjs-model/facemesh/1/default/1',
    urlVar: 'HEADCHOMP_FACE_MESH_URL',
    outVar: 'HEADCHOMP_FACE_MESH_OUT',
    out: 'assets/models/face-mesh',
    offline: '$HEADCHOMP_FACE_MESH_DIR or ../shared/models/mediapipe_facemesh_192/',
  },
};

/** Bytes per element of each dtype tfjs writes (quantized weights use their storage dtype). */
const BYTES = { float32: 4, int32: 4, bool: 1, uint8: 1, int8: 1, uint16: 2, int16: 2, float16: 2 };

class Failure extends Error {}

async function download(model, base, file) {
  const url = `${base}/${file}${QUERY}`;
  let response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = error?.cause?.code || error?.cause?.message || error?.name || String(error);
    throw new Failure(
      `Could not reach ${new URL(url).host} (${cause}). This command needs the internet.\n` +
        `Without it, the game serves the files from ${model.offline} when present.`,
    );
  }
  if (!response.ok) {
    throw new Failure(`${url} answered ${response.status} ${response.statusText}.`);
  }
  return Buffer.from(await response.arrayBuffer());
}

/** Expected byte size of each weight group, from the manifest. */
export function expectedGroupBytes(manifest) {
  if (!Array.isArray(manifest) || manifest.length === 0) {
    throw new Failure('model.json has no weightsManifest: not a TF.js graph model.');
  }
  return manifest.map((group, g) => {
    if (!Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw new Failure(`weightsManifest group ${g} lacks paths or weights.`);
    }
    let bytes = 0;
    for (const weight of group.weights) {
      const dtype = weight.quantization?.dtype ?? weight.dtype;
      const size = BYTES[dtype];
      if (size === undefined)
        throw new Failure(`weight ${weight.name} has an unknown dtype ${dtype}.`);
      const count = (weight.shape ?? []).reduce((product, n) => product * n, 1);
      bytes += count * size;
    }
    for (const path of group.paths) {
      if (typeof path !== 'string' || !/^[A-Za-z0-9._-]+$/.test(path) || path.startsWith('.')) {
        throw new Failure(`shard name ${JSON.stringify(path)} is not a plain file name.`);
      }
    }
    return { paths: group.paths, bytes };
  });
}

async function fetchModel(model) {
  const base = (process.env[model.urlVar] || model.official).replace(/\/+$/, '');
  const target = resolve(root, process.env[model.outVar] || model.out);
  console.log(`Fetching ${model.title} from ${base}`);
  const modelJsonBytes = await download(model, base, 'model.json');
  let modelJson;
  try {
    modelJson = JSON.parse(modelJsonBytes.toString('utf8'));
  } catch {
    throw new Failure('model.json is not JSON (a login page or an error page?).');
  }
  if (modelJson.format !== 'graph-model' && !modelJson.modelTopology?.node) {
    throw new Failure('model.json is not a TF.js graph model.');
  }
  const groups = expectedGroupBytes(modelJson.weightsManifest);
  const staging = `${target}.download-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const written = [{ file: 'model.json', bytes: modelJsonBytes }];
  try {
    for (const group of groups) {
      let total = 0;
      for (const path of group.paths) {
        const shard = await download(model, base, path);
        total += shard.length;
        written.push({ file: path, bytes: shard });
      }
      if (total !== group.bytes) {
        throw new Failure(
          `shards ${group.paths.join(', ')} have ${total} bytes; the manifest says ${group.bytes}. ` +
            'The download is incomplete or not this model: nothing was installed.',
        );
      }
      console.log(`  ${group.paths.join(', ')}: ${total} bytes, as the manifest says`);
    }
    for (const { file, bytes } of written) writeFileSync(join(staging, file), bytes);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staging, target);
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
  for (const { file, bytes } of written) {
    const sha = createHash('sha256').update(bytes).digest('hex');
    console.log(`  ${file}  ${bytes.length} bytes  sha256 ${sha}`);
  }
  console.log(`Installed in ${target}. \`npm run dev\` and \`npm run build\` now serve this copy.`);
}

async function main() {
  const asked = process.argv.slice(2);
  for (const name of asked) {
    if (!(name in MODELS)) {
      throw new Failure(`unknown model ${name}: choose from ${Object.keys(MODELS).join(', ')}.`);
    }
  }
  const names = asked.length > 0 ? asked : Object.keys(MODELS);
  for (const name of names) await fetchModel(MODELS[name]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(
      `model:fetch failed: ${error instanceof Failure ? error.message : error?.stack || error}`,
    );
    process.exit(1);
  });
}
