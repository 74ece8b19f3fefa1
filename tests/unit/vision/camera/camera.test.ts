import { describe, expect, it } from 'vitest';
import {
  cameraConstraints,
  describeCameraError,
  listCameras,
  requestCamera,
  type MediaDevicesLike,
} from '../../../../src/vision/camera/camera';

function domError(name: string): Error {
  return Object.assign(new Error(name), { name });
}

describe('camera problems in words', () => {
  it.each([
    ['NotAllowedError', 'denied', /camera permission denied/i],
    ['SecurityError', 'denied', /permission denied/i],
    ['NotFoundError', 'no-camera', /no camera found/i],
    ['NotReadableError', 'busy', /busy/i],
    ['OverconstrainedError', 'overconstrained', /cannot deliver/i],
    ['SomethingNew', 'unknown', /could not start \(SomethingNew\)/],
  ])('%s is %s', (name, kind, words) => {
    const problem = describeCameraError(domError(name));
    expect(problem.kind).toBe(kind);
    expect(problem.message).toMatch(words);
    expect(problem.message).toMatch(/keys and touch still work/i);
  });
});

describe('asking for the camera', () => {
  it('asks for the front camera at 640x480, 30 fps, all ideal (never exact)', () => {
    expect(cameraConstraints(null)).toEqual({
      video: {
        facingMode: { ideal: 'user' },
        width: { ideal: 640 },
        height: { ideal: 480 },
        frameRate: { ideal: 30 },
      },
      audio: false,
    });
    expect(cameraConstraints('abc').video).toMatchObject({ deviceId: { exact: 'abc' } });
  });

  it('falls back to any camera when the request is overconstrained', async () => {
    const asked: MediaStreamConstraints[] = [];
    const stream = {} as MediaStream;
    const devices: MediaDevicesLike = {
      async getUserMedia(constraints) {
        asked.push(constraints);
        if (asked.length === 1) throw domError('OverconstrainedError');
        return stream;
      },
      enumerateDevices: async () => [],
    };
    const result = await requestCamera(devices, 'gone', true);
    expect(result).toEqual({ ok: true, stream, fellBack: true });
    expect(asked[1]).toEqual({ video: true, audio: false });
  });

  it('does not retry a denial, and says so', async () => {
    let calls = 0;
    const devices: MediaDevicesLike = {
      async getUserMedia() {
        calls++;
        throw domError('NotAllowedError');
      },
      enumerateDevices: async () => [],
    };
    const result = await requestCamera(devices, null, true);
    expect(calls).toBe(1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe('denied');
  });

  it('explains a missing camera API: insecure page or old browser', async () => {
    const insecure = await requestCamera(undefined, null, false);
    expect(!insecure.ok && insecure.problem.message).toMatch(/secure \(https\)/);
    const old = await requestCamera(undefined, null, true);
    expect(!old.ok && old.problem.kind).toBe('unsupported');
  });

  it('lists only cameras, naming unnamed ones', async () => {
    const devices: MediaDevicesLike = {
      getUserMedia: async () => ({}) as MediaStream,
      enumerateDevices: async () =>
        [
          { kind: 'audioinput', deviceId: 'mic', label: 'Mic' },
          { kind: 'videoinput', deviceId: 'front', label: 'Front' },
          { kind: 'videoinput', deviceId: 'back', label: '' },
          { kind: 'videoinput', deviceId: '', label: 'before permission' },
        ] as MediaDeviceInfo[],
    };
    expect(await listCameras(devices)).toEqual([
      { deviceId: 'front', label: 'Front' },
      { deviceId: 'back', label: 'Camera 2' },
    ]);
  });
});
