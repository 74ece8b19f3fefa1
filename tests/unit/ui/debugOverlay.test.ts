import { describe, expect, it } from 'vitest';
import { debugText, isDebugToggle } from '../../../src/ui/debugOverlay';

describe('the debug overlay', () => {
  it('shows backend, ms per prediction, predictions per second, tensors, label, confidences', () => {
    const text = debugText({
      backend: 'wasm',
      inWorker: true,
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
      },
      smoothedPose: 'left',
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
  });

  it('toggles with F2 or the backquote key', () => {
    expect(isDebugToggle({ code: 'F2', key: 'F2' })).toBe(true);
    expect(isDebugToggle({ code: 'Backquote', key: '`' })).toBe(true);
    expect(isDebugToggle({ code: 'KeyF', key: 'f' })).toBe(false);
  });
});
