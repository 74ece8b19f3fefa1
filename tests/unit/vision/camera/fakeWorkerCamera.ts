// Fakes for the camera handed to the engine's worker: a video whose stream has a camera
// track, a MediaStreamTrackProcessor, and an engine port that records what it is told and
// answers 'init' with 'ready'.
import { createMemoryStore } from '../../../../src/storage/safeStorage';
import { EngineLink } from '../../../../src/vision/link/engineLink';
import type { SentFrame } from '../../../../src/vision/link/engineLink';
import type { EnginePort } from '../../../../src/vision/link/enginePort';
import type {
  FrameResult,
  FromEngine,
  TakenFrame,
  ToEngine,
} from '../../../../src/vision/link/headProtocol';
import { perPose } from '../../../../src/vision/poses';

export class FakeTrack {
  stopped = false;
  readonly clones: FakeTrack[] = [];
  readyState: 'live' | 'ended' = 'live';
  clone(): FakeTrack {
    const copy = new FakeTrack();
    this.clones.push(copy);
    return copy;
  }
  stop(): void {
    this.stopped = true;
    this.readyState = 'ended';
  }
}

/** A video element that delivers a frame whenever the test says so (no stream of its own). */
export class FakeVideo {
  readyState = 4;
  videoWidth = 640;
  videoHeight = 480;
  private callback: ((now: number) => void) | null = null;
  requestVideoFrameCallback(callback: (now: number) => void): number {
    this.callback = callback;
    return 1;
  }
  cancelVideoFrameCallback(): void {
    this.callback = null;
  }
  /** Whether a frame is waited for. */
  get waiting(): boolean {
    return this.callback !== null;
  }
  frame(now: number): void {
    const callback = this.callback;
    this.callback = null;
    callback?.(now);
  }
  get element(): HTMLVideoElement {
    return this as unknown as HTMLVideoElement;
  }
}

/** A video element playing a stream with one camera track; frames come when the test says. */
export class FakeCameraVideo extends FakeVideo {
  readonly track = new FakeTrack();
  srcObject: unknown = { getVideoTracks: () => [this.track] };
}

/** A VideoFrame as far as the page's pump handles one. */
export class FakeVideoFrame {
  closed = false;
  constructor(readonly name: string) {}
  close(): void {
    this.closed = true;
  }
}

/**
 * A scope whose MediaStreamTrackProcessor makes a stream the test fills (`push`) and ends
 * (`end`: its track stopped), noting its track.
 */
export function scopeWithProcessor(): {
  scope: typeof globalThis;
  tracks: unknown[];
  push: (frame: FakeVideoFrame) => void;
  end: () => void;
} {
  const tracks: unknown[] = [];
  const controllers: ReadableStreamDefaultController<unknown>[] = [];
  class MediaStreamTrackProcessor {
    readonly readable = new ReadableStream({ start: (c) => void controllers.push(c) });
    constructor({ track }: { track: unknown }) {
      tracks.push(track);
    }
  }
  return {
    scope: { MediaStreamTrackProcessor } as unknown as typeof globalThis,
    tracks,
    push: (frame) => controllers.at(-1)?.enqueue(frame),
    end: () => controllers.at(-1)?.close(),
  };
}

/** What an engine that started says. */
export function readyMessage(inWorker: boolean): FromEngine {
  return {
    type: 'ready',
    backend: 'wasm',
    msPerRun: {},
    failed: {},
    measured: true,
    model: { url: '', kind: 'local' },
    files: { fromCache: 0, fromNetwork: 0 },
    inWorker,
    wasmThreads: null,
    faceFinderProblem: null,
    meshProblem: null,
  };
}

/** An engine port that notes every message and answers 'init' with 'ready'. */
export class FakePort implements EnginePort {
  readonly received: ToEngine[] = [];
  listener: (message: FromEngine) => void = () => {};
  crash: (message: string) => void = () => {};
  /** Set: post throws this for a 'camera' message (a track this browser does not transfer). */
  refuseCamera: Error | null = null;
  /** `holdsReady`: 'init' is answered only when the test calls ready(). */
  constructor(
    readonly inWorker: boolean,
    private readonly holdsReady = false,
  ) {}
  post(message: ToEngine): void {
    if (message.type === 'camera' && this.refuseCamera !== null) throw this.refuseCamera;
    this.received.push(message);
    if (message.type === 'init' && !this.holdsReady) queueMicrotask(() => this.ready());
  }
  ready(): void {
    this.listener(readyMessage(this.inWorker));
  }
  onMessage(listener: (message: FromEngine) => void): void {
    this.listener = listener;
  }
  onCrash(listener: (message: string) => void): void {
    this.crash = listener;
  }
  terminate(): void {}
  /** The types of the messages received, in order. */
  get types(): string[] {
    return this.received.map((m) => m.type);
  }
}

/** A result for a frame the worker read itself. */
export function resultTaken(taken: TakenFrame, recorded = false): FrameResult {
  return {
    type: 'result',
    id: -1,
    ms: 12,
    prediction: null,
    recorded: recorded
      ? { pose: 'left', sample: { features: new Float32Array(2), mirrored: null } }
      : null,
    skipped: null,
    framing: 'face',
    face: null,
    angles: null,
    outline: null,
    tensors: 5,
    error: null,
    taken,
  };
}

/**
 * A link to engines the test makes: the first in a worker (or not), the next (after a crash)
 * on the page. Returns the ports as they open, and every result with what it was sent with.
 */
export function linkToFakeEngines(
  firstInWorker = true,
  /** Each engine answers 'init' only when the test calls its ready(). */
  holdReady = false,
): {
  link: EngineLink;
  ports: FakePort[];
  results: Array<{ result: FrameResult; sent: SentFrame | undefined }>;
} {
  const ports: FakePort[] = [];
  const results: Array<{ result: FrameResult; sent: SentFrame | undefined }> = [];
  const link = new EngineLink({
    openEngine: async (preferWorker) => {
      const inWorker = preferWorker && firstInWorker;
      const port = new FakePort(inWorker, holdReady);
      ports.push(port);
      return port;
    },
    storage: createMemoryStore(),
    pageUrl: 'https://example.test/',
    samples: () => perPose(() => []),
    onStateChange: () => {},
    onResult: (result, sent) => results.push({ result, sent }),
  });
  return { link, ports, results };
}
