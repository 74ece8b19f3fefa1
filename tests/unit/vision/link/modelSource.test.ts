import { describe, expect, it } from 'vitest';
import {
  faceModelLocations,
  modelLocations,
  OFFICIAL_FACE_MODEL_URL,
  OFFICIAL_MODEL_URL,
} from '../../../../src/vision/link/modelSource';

describe('where the browser loads the model from', () => {
  it('uses only the game’s own copy when the build has one, as an absolute URL', () => {
    expect(modelLocations('http://127.0.0.1:4173/game/index.html?seed=3', true)).toEqual([
      { url: 'http://127.0.0.1:4173/game/models/mobilenet/model.json', kind: 'local' },
    ]);
  });

  it('falls back to the official TF-Hub file format only without a local copy', () => {
    expect(modelLocations('https://example.org/', false)).toEqual([
      { url: OFFICIAL_MODEL_URL, kind: 'official' },
    ]);
    expect(OFFICIAL_MODEL_URL).toBe(
      'https://tfhub.dev/google/imagenet/mobilenet_v1_025_224/classification/1/model.json?tfjs-format=file',
    );
  });

  it('lets ?model=local choose the own copy, but no link can send a local build elsewhere', () => {
    expect(modelLocations('https://example.org/?model=local', false)[0]?.kind).toBe('local');
    for (const value of ['official', 'https://evil.example/model.json', '', '%00']) {
      expect(modelLocations(`https://example.org/?model=${value}`, true)).toEqual([
        { url: 'https://example.org/models/mobilenet/model.json', kind: 'local' },
      ]);
    }
    expect(modelLocations('https://example.org/?model=https://evil.example/', false)).toEqual([
      { url: OFFICIAL_MODEL_URL, kind: 'official' },
    ]);
  });

  it('finds the face detector beside MobileNet, or at Google’s official release', () => {
    expect(faceModelLocations('http://127.0.0.1:4173/game/?seed=3', true)).toEqual([
      { url: 'http://127.0.0.1:4173/game/models/face-detector/model.json', kind: 'local' },
    ]);
    expect(faceModelLocations('https://example.org/', false)).toEqual([
      { url: OFFICIAL_FACE_MODEL_URL, kind: 'official' },
    ]);
    expect(faceModelLocations('https://example.org/?model=evil', true)[0]?.kind).toBe('local');
  });
});
