import { describe, expect, it } from 'vitest';
import { describeHeadState } from '../../../src/vision/headStatus';

describe('head control in words', () => {
  it('says plainly what is going on, and that keys still work when something fails', () => {
    expect(describeHeadState({ kind: 'off', note: null })).toMatch(/head control off.*press c/i);
    expect(describeHeadState({ kind: 'needs-calibration', backend: 'wasm', posesReady: 2 })).toBe(
      'Camera and model ready (wasm). Record your poses: 2 of 5 have enough shots.',
    );
    const on = {
      kind: 'on',
      backend: 'webgl',
      faceSeen: true,
      finderProblem: null,
      meshProblem: null,
      calibrationFits: true,
    } as const;
    expect(describeHeadState(on)).toMatch(/^Head control on \(webgl\): steer/);
    const noFace = describeHeadState({ ...on, backend: 'wasm', faceSeen: false });
    expect(noFace).toMatch(/cannot see your face/);
    expect(noFace).toMatch(/keys and touch still work/i);
    expect(describeHeadState({ ...on, calibrationFits: false })).toMatch(
      /is misreading you: your calibration no longer matches how you look now. Touch it up/,
    );
    expect(describeHeadState({ ...on, finderProblem: 'from this site: 404' })).toMatch(
      /reading the middle of the picture: sit centred, the face finder did not load \(from this site: 404\)/,
    );
    // Without the mesh: still steering, and told what that costs.
    expect(describeHeadState({ ...on, meshProblem: 'from this site: 404' })).toMatch(
      /steer by turning your head\. Your head's angles are not measured \(the face mesh did not load: from this site: 404\)/,
    );
    const model = describeHeadState({ kind: 'model-problem', message: 'from this site: 404' });
    expect(model).toMatch(/could not be loaded \(from this site: 404\)/);
    expect(model).toMatch(/keys and touch still work/);
    expect(describeHeadState({ kind: 'loading-model', message: 'loading the model' })).toBe(
      'Loading the model…',
    );
    expect(describeHeadState({ kind: 'off', note: 'Your saved calibration cannot be used' })).toBe(
      'Your saved calibration cannot be used. Head control off.',
    );
  });
});
