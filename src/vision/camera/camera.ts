/**
 * The front camera: asked for politely (ideal, never exact, constraints), shown as a mirrored
 * selfie preview, stopped whenever the game does not need it. Every way it can fail becomes a
 * sentence for the player; the game never depends on it (keys and touch always work).
 *
 * The video element is `playsinline muted` and is in the document before play() is called
 * (iOS Safari refuses to play a detached or unmuted inline video without a gesture).
 * The mirroring is CSS only (the preview): the frames the model sees are never flipped
 * (framing.ts).
 */

export type CameraProblemKind =
  | 'unsupported'
  | 'insecure'
  | 'denied'
  | 'no-camera'
  | 'busy'
  | 'overconstrained'
  | 'interrupted'
  | 'unknown';

export interface CameraProblem {
  readonly kind: CameraProblemKind;
  /** A sentence for the player; always ends by saying keys and touch still work. */
  readonly message: string;
}

const STILL_PLAYS = 'Keys and touch still work.';

/** Turn a getUserMedia failure into a problem the player can act on. */
export function describeCameraError(error: unknown): CameraProblem {
  const name =
    typeof error === 'object' && error !== null && 'name' in error
      ? String((error as { name: unknown }).name)
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return {
        kind: 'denied',
        message: `Camera permission denied. To steer with your head, allow the camera for this site in the browser's settings, then try again. ${STILL_PLAYS}`,
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return {
        kind: 'no-camera',
        message: `No camera found. Connect a camera to steer with your head. ${STILL_PLAYS}`,
      };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        kind: 'busy',
        message: `The camera is busy: another app or tab is using it. Close that, then try again. ${STILL_PLAYS}`,
      };
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return {
        kind: 'overconstrained',
        message: `The camera cannot deliver the picture the game asked for. ${STILL_PLAYS}`,
      };
    default:
      return {
        kind: 'unknown',
        message: `The camera could not start (${name || String(error)}). ${STILL_PLAYS}`,
      };
  }
}

/** The constraints for the front camera, or a chosen one. All ideal: never refused for them. */
export function cameraConstraints(deviceId: string | null): MediaStreamConstraints {
  const video: MediaTrackConstraints = {
    width: { ideal: 640 },
    height: { ideal: 480 },
    frameRate: { ideal: 30 },
  };
  if (deviceId !== null) video.deviceId = { exact: deviceId };
  else video.facingMode = { ideal: 'user' };
  return { video, audio: false };
}

export interface CameraDevice {
  readonly deviceId: string;
  readonly label: string;
}

export interface MediaDevicesLike {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
}

export type CameraOpenResult =
  | { readonly ok: true; readonly stream: MediaStream; readonly fellBack: boolean }
  | { readonly ok: false; readonly problem: CameraProblem };

/**
 * Ask for the camera. An overconstrained request (a chosen camera that vanished, a device that
 * cannot do anything like 640x480) falls back to any camera at all.
 */
export async function requestCamera(
  devices: MediaDevicesLike | undefined,
  deviceId: string | null,
  secure: boolean,
): Promise<CameraOpenResult> {
  if (devices === undefined || typeof devices.getUserMedia !== 'function') {
    return {
      ok: false,
      problem: secure
        ? { kind: 'unsupported', message: `This browser offers no camera access. ${STILL_PLAYS}` }
        : {
            kind: 'insecure',
            message: `The camera is only available on a secure (https) page. ${STILL_PLAYS}`,
          },
    };
  }
  try {
    return {
      ok: true,
      stream: await devices.getUserMedia(cameraConstraints(deviceId)),
      fellBack: false,
    };
  } catch (error) {
    const problem = describeCameraError(error);
    if (problem.kind !== 'overconstrained') return { ok: false, problem };
  }
  try {
    return {
      ok: true,
      stream: await devices.getUserMedia({ video: true, audio: false }),
      fellBack: true,
    };
  } catch (error) {
    return { ok: false, problem: describeCameraError(error) };
  }
}

/** The cameras the browser lists (labels appear once permission is granted). */
export async function listCameras(devices: MediaDevicesLike | undefined): Promise<CameraDevice[]> {
  if (devices === undefined || typeof devices.enumerateDevices !== 'function') return [];
  try {
    const all = await devices.enumerateDevices();
    return all
      .filter((device) => device.kind === 'videoinput' && device.deviceId !== '')
      .map((device, i) => ({
        deviceId: device.deviceId,
        label: device.label || `Camera ${i + 1}`,
      }));
  } catch {
    return [];
  }
}

/**
 * The live camera: one video element (the preview, mirrored by CSS), its stream, and the
 * chosen device. `start` and `stop` can be called any number of times.
 */
export class Camera {
  readonly video: HTMLVideoElement;
  private stream: MediaStream | null = null;
  private deviceId: string | null = null;
  private starting: Promise<CameraOpenResult> | null = null;
  private endWatch: ReturnType<typeof setInterval> | null = null;
  /** Called when the camera stops by itself (unplugged, taken by the system). */
  onEnded: (problem: CameraProblem) => void = () => {};

  constructor(
    private readonly doc: Document,
    private readonly devices: MediaDevicesLike | undefined = doc.defaultView?.navigator
      .mediaDevices,
  ) {
    const video = doc.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.autoplay = true;
    video.setAttribute('playsinline', '');
    video.setAttribute('muted', '');
    video.setAttribute('aria-label', 'Camera preview (mirrored, like a mirror)');
    video.className = 'camera-preview';
    this.video = video;
  }

  get running(): boolean {
    return this.stream !== null;
  }

  get chosenDevice(): string | null {
    return this.deviceId;
  }

  /** The settings the camera actually runs at (size, rate), for the debug overlay. */
  get settings(): MediaTrackSettings | null {
    return this.stream?.getVideoTracks()[0]?.getSettings() ?? null;
  }

  /** Puts the preview in `parent` (it must be in the document before it plays). */
  attachTo(parent: HTMLElement): void {
    this.video.removeAttribute('style');
    if (this.video.parentElement !== parent) parent.append(this.video);
    // Moving a playing video in the document pauses it in some browsers.
    if (this.stream !== null && this.video.paused) void this.video.play().catch(() => {});
  }

  start(): Promise<CameraOpenResult> {
    this.starting ??= this.open().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  /** Switch to another camera (from the picker). */
  async choose(deviceId: string): Promise<CameraOpenResult> {
    this.deviceId = deviceId;
    this.stop();
    return this.start();
  }

  cameras(): Promise<CameraDevice[]> {
    return listCameras(this.devices);
  }

  /** Stop every track: the camera light goes off. */
  stop(): void {
    const stream = this.stream;
    this.stream = null;
    if (this.endWatch !== null) clearInterval(this.endWatch);
    this.endWatch = null;
    if (stream === null) return;
    for (const track of stream.getTracks()) track.stop();
    this.video.pause();
    this.video.srcObject = null;
  }

  private async open(): Promise<CameraOpenResult> {
    if (this.stream !== null) return { ok: true, stream: this.stream, fellBack: false };
    const secure = this.doc.defaultView?.isSecureContext ?? true;
    const result = await requestCamera(this.devices, this.deviceId, secure);
    if (!result.ok) return result;
    const stream = result.stream;
    this.stream = stream;
    const ended = (): void => {
      if (this.stream !== stream) return;
      this.stop();
      this.onEnded({
        kind: 'interrupted',
        message: `The camera stopped (unplugged or taken by another app). ${STILL_PLAYS}`,
      });
    };
    for (const track of stream.getVideoTracks()) track.addEventListener('ended', ended);
    // A track stopped from the page itself (or by some browsers on unplugging) fires no
    // 'ended' event: look at the tracks once a second as well.
    this.endWatch = setInterval(() => {
      if (stream.getVideoTracks().every((track) => track.readyState === 'ended')) ended();
    }, 1000);
    if (!this.video.isConnected) {
      // Playing needs the element in the document; keep it out of sight until placed.
      this.video.style.position = 'fixed';
      this.video.style.width = '1px';
      this.video.style.opacity = '0';
      this.doc.body.append(this.video);
    }
    this.video.srcObject = stream;
    try {
      await this.video.play();
    } catch (error) {
      // Autoplay refusals still let frames flow on most browsers once the stream is attached;
      // a real failure shows up as no frames, which the caller reports.
      console.warn('camera preview did not play:', error);
    }
    return result;
  }
}
