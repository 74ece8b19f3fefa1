// tools/fetchModel.mjs (npm run model:fetch) against a local server holding the shared copy of
// the official files, and against no server at all (no internet).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../../build/sharedDir';
import { SHARED_MOBILENET_DIR } from '../../../tools/node/modelFromDisk';

// On every dev and CI machine, next to the repository (never committed).
const SHARED = SHARED_MOBILENET_DIR;
const SHARED_FACE = join(sharedDir(), 'models/mediapipe_face_detection_short_128');
const FACE_SHARD = 'facemesh-detection-short.bin';
const run = promisify(execFile);
const requested: string[] = [];
let server: Server;
let base = '';
let faceBase = '';
let truncate = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requested.push(`${url.pathname}${url.search}`);
    const file = url.pathname.split('/').pop() ?? '';
    const face = url.pathname.startsWith('/mediapipe/');
    if (!['model.json', face ? FACE_SHARD : 'group1-shard1of1'].includes(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const body = readFileSync(join(face ? SHARED_FACE : SHARED, file));
    res.end(truncate && file !== 'model.json' ? body.subarray(0, 1000) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}/google/imagenet/mobilenet_v1_025_224/classification/1`;
  faceBase = `http://127.0.0.1:${address.port}/mediapipe/tfjs-model/face_detection/short/1`;
});

afterAll(() => {
  server?.close();
});

async function fetchModel(env: Record<string, string>, model = 'mobilenet') {
  try {
    const { stdout, stderr } = await run('node', ['tools/fetchModel.mjs', model], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('npm run model:fetch', () => {
  it('downloads model.json and the shard in TF-Hub file format and checks the sizes', async () => {
    truncate = false;
    const out = join(mkdtempSync(join(tmpdir(), 'headchomp-fetch-')), 'mobilenet');
    const result = await fetchModel({ HEADCHOMP_MODEL_URL: base, HEADCHOMP_MODEL_OUT: out });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/group1-shard1of1: 1875348 bytes, as the manifest says/);
    expect(readdirSync(out).sort()).toEqual(['group1-shard1of1', 'model.json']);
    expect(
      readFileSync(join(out, 'group1-shard1of1')).equals(
        readFileSync(join(SHARED, 'group1-shard1of1')),
      ),
    ).toBe(true);
    expect(requested).toContain(
      '/google/imagenet/mobilenet_v1_025_224/classification/1/model.json?tfjs-format=file',
    );
    expect(requested).toContain(
      '/google/imagenet/mobilenet_v1_025_224/classification/1/group1-shard1of1?tfjs-format=file',
    );
  });

  it('downloads the face detector the same way, into its own folder', async () => {
    truncate = false;
    const out = join(mkdtempSync(join(tmpdir(), 'headchomp-fetch-')), 'face-detector');
    const result = await fetchModel(
      { HEADCHOMP_FACE_MODEL_URL: faceBase, HEADCHOMP_FACE_MODEL_OUT: out },
      'face-detector',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/face detector/);
    expect(result.stdout).toMatch(/facemesh-detection-short\.bin: 201268 bytes, as the manifest/);
    expect(readdirSync(out).sort()).toEqual([FACE_SHARD, 'model.json']);
    expect(readFileSync(join(out, FACE_SHARD)).equals(readFileSync(join(SHARED_FACE, FACE_SHARD))));
    expect(requested).toContain(
      '/mediapipe/tfjs-model/face_detection/short/1/model.json?tfjs-format=file',
    );
  });

  it('refuses a model it does not know, and installs nothing', async () => {
    const result = await fetchModel({}, 'resnet');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /unknown model resnet: choose from mobilenet, face-detector, face-mesh/,
    );
  });

  it('installs nothing when a shard is not the size the manifest says', async () => {
    truncate = true;
    const out = join(mkdtempSync(join(tmpdir(), 'headchomp-fetch-')), 'mobilenet');
    const result = await fetchModel({ HEADCHOMP_MODEL_URL: base, HEADCHOMP_MODEL_OUT: out });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/1000 bytes; the manifest says 1875348.*nothing was installed/);
    expect(existsSync(out)).toBe(false);
  });

  it('fails with a clear message without the internet', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'headchomp-fetch-')), 'mobilenet');
    const result = await fetchModel({
      HEADCHOMP_MODEL_URL: 'http://127.0.0.1:9/unreachable',
      HEADCHOMP_MODEL_OUT: out,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Could not reach 127\.0\.0\.1:9 .*needs the internet/s);
    expect(existsSync(out)).toBe(false);
  });
});
