import { describe, expect, it } from 'vitest';
import { debugText, isDebugToggle, yawDial } from '../../../src/ui/debugOverlay';

describe('the debug overlay', () => {
  it('shows backend, ms per prediction, predictions per second, tensors, label, confidences', () => {
    const text = debugText({
      backend: 'wasm',
      inWorker: true,
      wasmThreads: null,
      warmupMs: { wasm: 11.96, webgl: 130 },
      notUsed: { cpu: 'did not initialise' },
      msPerPrediction: 12.34,
      predictionsPerSecond: 29,
      tensors: 77,
      dropped: 3,
      rate: 'held to 10/s (game 24 fps free, 31 held)',
      prediction: {
        pose: 'left',
        confidences: { left: 1, right: 0, up: 0, down: 0, neutral: 0 },
        confidence: 0.734,
        nearest: 0.9123,
        far: true,
        gated: false,
      },
      smoothedPose: 'left',
      angles: { yaw: (30 * Math.PI) / 180, pitch: (-5 * Math.PI) / 180, roll: 0.01 },
      meshProblem: null,
      model: 'local (2 cached, 0 fetched)',
      camera: '640x480 @ 30 fps',
      lastError: null,
    });
    expect(text).toContain('backend      wasm (worker)');
    expect(text).toContain('warm-up ms   wasm 12.0, webgl 130.0');
    expect(text).toContain('not used     cpu: did not initialise');
    expect(text).toContain('ms/predict   12.3');
    expect(text).toContain('predict/s    29');
    expect(text).toContain('tensors      77');
    expect(text).toContain('rate         held to 10/s (game 24 fps free, 31 held)');
    expect(text).toContain('label        left   smoothed left');
    expect(text).toContain('confidence   73%   nearest shot 0.912 (far: calibration does not fit)');
    expect(text).toContain('votes        left 100%');
    // 30° of the dial's 60° one way: three quarters along it, the middle marked.
    expect(text).toContain('head angles  yaw +30° pitch -5° roll +1°  [----------|----o-----]');
  });

  it("says when the head's angles are off, and when the angle gate held a turn back", () => {
    const base = debugText({
      backend: 'wasm',
      inWorker: true,
      wasmThreads: 2,
      warmupMs: {},
      notUsed: {},
      msPerPrediction: null,
      predictionsPerSecond: 0,
      tensors: 0,
      dropped: 0,
      rate: 'off',
      prediction: null,
      smoothedPose: null,
      angles: null,
      meshProblem: 'from this site: 404',
      model: null,
      camera: null,
      lastError: null,
    });
    expect(base).toContain('head angles  off: from this site: 404');
    // Threaded wasm (?headThreads=) names its pool; the plain backend adds nothing (above).
    expect(base).toContain('backend      wasm (worker), threaded (pool of 2)');
    expect(yawDial(0)).toBe('----------o----------');
    expect(yawDial(-2)).toMatch(/^o/);
  });

  it('toggles with F2 or the backquote key', () => {
    expect(isDebugToggle({ code: 'F2', key: 'F2' })).toBe(true);
    expect(isDebugToggle({ code: 'Backquote', key: '`' })).toBe(true);
    expect(isDebugToggle({ code: 'KeyF', key: 'f' })).toBe(false);
  });
});
