import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FACE_DETECTOR,
  findModelFolder,
  modelContentType,
  modelFilesIn,
  modelMiddleware,
} from '../../../build/modelAssets';
import { sharedDir } from '../../../build/sharedDir';
import { SHARED_MOBILENET_DIR } from '../../../tools/node/modelFromDisk';

// On every dev and CI machine (never committed): build/sharedDir.ts finds it.
const SHARED = SHARED_MOBILENET_DIR;
const SHARED_FACE = join(sharedDir(), 'models/mediapipe_face_detection_short_128');

function fakeModel(dir: string, shards: string[] = ['group1-shard1of1']): void {
  mkdirSync(dir, { recursive: true });
  const manifest = [{ paths: shards, weights: [] }];
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ weightsManifest: manifest }));
  for (const shard of shards) writeFileSync(join(dir, shard), Buffer.from([1, 2, 3, 4]));
}

function sandbox(): string {
  return mkdtempSync(join(tmpdir(), 'headchomp-model-'));
}

describe('where the model is served from', () => {
  it('takes $HEADCHOMP_MODEL_DIR first, then assets/models/mobilenet, then ../shared', () => {
    const top = sandbox();
    const root = join(top, 'repo');
    fakeModel(join(top, 'shared/models/mobilenet_v1_025_224_graph_tfhub'));
    expect(findModelFolder(root, {})?.origin).toBe(
      '../shared/models/mobilenet_v1_025_224_graph_tfhub',
    );
    fakeModel(join(root, 'assets/models/mobilenet'));
    expect(findModelFolder(root, {})?.origin).toBe('assets/models/mobilenet');
    fakeModel(join(top, 'elsewhere'));
    const chosen = findModelFolder(root, { HEADCHOMP_MODEL_DIR: '../elsewhere' });
    expect(chosen?.origin).toBe('HEADCHOMP_MODEL_DIR');
    expect(chosen?.dir).toBe(join(top, 'elsewhere'));
    expect(chosen?.files).toEqual(['model.json', 'group1-shard1of1']);
  });

  it('finds the face detector the same way, in its own folders', () => {
    const top = sandbox();
    const root = join(top, 'repo');
    const find = (env: Record<string, string>) =>
      findModelFolder(root, env, () => {}, FACE_DETECTOR);
    fakeModel(join(top, 'shared/models/mobilenet_v1_025_224_graph_tfhub'));
    expect(find({})).toBeNull();
    fakeModel(join(top, 'shared/models/mediapipe_face_detection_short_128'), ['detector.bin']);
    expect(find({})?.origin).toBe('../shared/models/mediapipe_face_detection_short_128');
    fakeModel(join(root, 'assets/models/face-detector'), ['detector.bin']);
    expect(find({})?.origin).toBe('assets/models/face-detector');
    fakeModel(join(top, 'faces'), ['detector.bin']);
    // MobileNet's variable does not move the detector, its own does.
    expect(find({ HEADCHOMP_MODEL_DIR: '../faces' })?.origin).toBe('assets/models/face-detector');
    const chosen = find({ HEADCHOMP_FACE_MODEL_DIR: '../faces' });
    expect(chosen?.origin).toBe('HEADCHOMP_FACE_MODEL_DIR');
    expect(chosen?.files).toEqual(['model.json', 'detector.bin']);
  });

  it('passes over a folder whose shards are missing, and says why', () => {
    const top = sandbox();
    const root = join(top, 'repo');
    const half = join(root, 'assets/models/mobilenet');
    mkdirSync(half, { recursive: true });
    writeFileSync(
      join(half, 'model.json'),
      JSON.stringify({ weightsManifest: [{ paths: ['group1-shard1of1'], weights: [] }] }),
    );
    const heard: string[] = [];
    // No shared data for this sandbox (not even the machine's own).
    const env = { HEADCHOMP_SHARED_DIR: join(top, 'shared') };
    expect(findModelFolder(root, env, (message) => heard.push(message))).toBeNull();
    expect(heard.join('\n')).toMatch(/lacks the shard group1-shard1of1/);
  });

  it('refuses shard names that point outside the folder', () => {
    const dir = sandbox();
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({ weightsManifest: [{ paths: ['../../etc/passwd'], weights: [] }] }),
    );
    expect(modelFilesIn(dir)).toMatchObject({ problem: expect.stringMatching(/not a file name/) });
  });

  it('finds the shared copy this machine has', () => {
    const found = modelFilesIn(SHARED);
    expect(found).toEqual({ files: ['model.json', 'group1-shard1of1'] });
  });

  it('finds the shared face detector this machine has', () => {
    expect(modelFilesIn(SHARED_FACE)).toEqual({
      files: ['model.json', 'facemesh-detection-short.bin'],
    });
  });

  it('serves the extension-less shard as application/octet-stream', () => {
    expect(modelContentType('group1-shard1of1')).toBe('application/octet-stream');
    expect(modelContentType('model.json')).toMatch(/^application\/json/);
  });
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | undefined;
  passed: boolean;
}

function ask(url: string, folder: { dir: string; files: string[] } | null, method = 'GET'): Answer {
  const answer: Answer = { status: 0, headers: {}, body: undefined, passed: false };
  const res = {
    statusCode: 0,
    setHeader(name: string, value: string) {
      answer.headers[name.toLowerCase()] = value;
    },
    end(body?: Buffer) {
      answer.status = this.statusCode;
      answer.body = body;
    },
  };
  modelMiddleware(() => folder)(
    { url, method } as IncomingMessage,
    res as unknown as ServerResponse,
    () => {
      answer.passed = true;
    },
  );
  return answer;
}

describe('the model middleware', () => {
  const folder = { dir: SHARED, files: ['model.json', 'group1-shard1of1'] };

  it('answers the model files under any base, with their types and sizes', () => {
    const shard = ask('/models/mobilenet/group1-shard1of1', folder);
    expect(shard.status).toBe(200);
    expect(shard.headers['content-type']).toBe('application/octet-stream');
    expect(shard.body?.length).toBe(1875348);
    const json = ask('/game/models/mobilenet/model.json?v=1', folder);
    expect(json.headers['content-type']).toMatch(/json/);
    expect(json.body?.equals(readFileSync(join(SHARED, 'model.json')))).toBe(true);
  });

  it('leaves every other request to the next handler', () => {
    expect(ask('/index.html', folder).passed).toBe(true);
    expect(ask('/models/mobilenet/../../secret', folder).passed).toBe(true);
    expect(ask('/models/mobilenet/other.bin', folder).passed).toBe(true);
    expect(ask('/models/mobilenet/model.json', folder, 'POST').passed).toBe(true);
    expect(ask('/models/mobilenet/model.json', null).passed).toBe(true);
  });

  it('answers each model only under its own folder', () => {
    const face = { dir: SHARED_FACE, files: ['model.json', 'facemesh-detection-short.bin'] };
    const answer = (url: string) => {
      let passed = false;
      let status = 0;
      const res = {
        statusCode: 0,
        setHeader() {},
        end() {
          status = this.statusCode;
        },
      };
      modelMiddleware(() => face, FACE_DETECTOR.publicDir)(
        { url, method: 'GET' } as IncomingMessage,
        res as unknown as ServerResponse,
        () => (passed = true),
      );
      return { passed, status };
    };
    expect(answer('/models/face-detector/facemesh-detection-short.bin').status).toBe(200);
    expect(answer('/models/mobilenet/facemesh-detection-short.bin').passed).toBe(true);
  });
});
