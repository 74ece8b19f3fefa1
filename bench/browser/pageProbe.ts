/**
 * What the speed bench installs in the game's page before any of its scripts run (no change to
 * the game): it listens to the inference worker's messages (each 'result' carries the engine's
 * own ms per prediction and tf.memory().numTensors), times every animation frame, and, when
 * asked, reads the fake camera's barcode on every camera frame and watches the live region's
 * `direction`, for the reaction time.
 */
import { markCellCentres, MARK_CELL_HALF } from '../../tests/browser/support/fakeCamera';

export interface ResultEvent {
  /** performance.now() in the page when the result arrived (ms since navigation). */
  t: number;
  ms: number;
  tensors: number;
  pose: string | null;
  /** The classifier's confidence in `pose` (0..1; null without a prediction). */
  confidence: number | null;
  recorded: boolean;
  error: string | null;
  /** For a frame the worker read itself: what became of its frames so far (CameraCounts). */
  counts: Record<string, number> | null;
}

export interface CameraFrameEvent {
  t: number;
  presentedFrames: number;
  segment: number;
  tick: number;
}

export interface DirectionEvent {
  t: number;
  direction: string;
  /** presentedFrames of the latest camera frame the page had seen. */
  frame: number;
}

/**
 * When the parts of head control's start-up happened (performance.now(), ms since the page
 * opened), the first of each: the page asks for the camera and gets its picture; it makes the
 * inference worker; the worker says it is loading the models, then starting a backend, then
 * ready.
 */
export interface StartupTimes {
  cameraAsked?: number;
  cameraOpen?: number;
  worker?: number;
  loadingModels?: number;
  startingBackend?: number;
  ready?: number;
}

export interface BenchState {
  startup: StartupTimes;
  results: ResultEvent[];
  ready: Array<{
    t: number;
    backend: string;
    msPerRun: Record<string, number>;
    wasmThreads: number | null;
  }>;
  frameIntervals: number[];
  recordFrames: boolean;
  watchCamera: boolean;
  cameraFrames: CameraFrameEvent[];
  directions: DirectionEvent[];
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

/** The init script: a function Playwright serialises into the page. */
export function installProbe(cells: {
  centres: Array<{ x: number; y: number }>;
  half: { x: number; y: number };
}): void {
  const state: BenchState = {
    startup: {},
    results: [],
    ready: [],
    frameIntervals: [],
    recordFrames: false,
    watchCamera: false,
    cameraFrames: [],
    directions: [],
  };
  window.__bench = state;

  const startup = state.startup;
  const media = navigator.mediaDevices;
  const getUserMedia = media?.getUserMedia?.bind(media);
  if (media && getUserMedia) {
    media.getUserMedia = async (constraints) => {
      startup.cameraAsked ??= performance.now();
      const stream = await getUserMedia(constraints);
      startup.cameraOpen ??= performance.now();
      return stream;
    };
  }

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      startup.worker ??= performance.now();
      this.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as Record<string, unknown> | null;
        const t = performance.now();
        if (data?.type === 'progress') {
          if (data.stage === 'model') startup.loadingModels ??= t;
          else startup.startingBackend ??= t;
        }
        if (data?.type === 'ready') startup.ready ??= t;
        if (data?.type === 'result') {
          const prediction = data.prediction as { pose: string; confidence: number } | null;
          state.results.push({
            t,
            ms: data.ms as number,
            tensors: data.tensors as number,
            pose: prediction?.pose ?? null,
            confidence: prediction?.confidence ?? null,
            recorded: data.recorded !== null,
            error: (data.error as string | null) ?? null,
            counts: (data.taken as { counts?: Record<string, number> } | undefined)?.counts ?? null,
          });
        } else if (data?.type === 'ready') {
          state.ready.push({
            t,
            backend: data.backend as string,
            msPerRun: data.msPerRun as Record<string, number>,
            wasmThreads: (data.wasmThreads as number | null | undefined) ?? null,
          });
        }
      });
    }
  };

  let last: number | null = null;
  const onFrame = (now: number): void => {
    if (state.recordFrames && last !== null) state.frameIntervals.push(now - last);
    last = now;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  // ---- camera frames (barcode) and the requested direction ----
  let latestFrame = 0;
  const canvas = document.createElement('canvas');
  const watched = new WeakSet<HTMLVideoElement>();
  const readMark = (video: HTMLVideoElement): { segment: number; tick: number } | null => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    canvas.width = Math.ceil(0.1 * width);
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(video, 0, 0, canvas.width, height, 0, 0, canvas.width, height);
    const lumas = cells.centres.map(({ x, y }) => {
      const x0 = Math.round((x - cells.half.x) * width);
      const y0 = Math.round((y - cells.half.y) * height);
      const w = Math.max(1, Math.round(2 * cells.half.x * width));
      const h = Math.max(1, Math.round(2 * cells.half.y * height));
      const data = context.getImageData(x0, y0, w, h).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) {
        sum += 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
      }
      return sum / (data.length / 4);
    });
    // Same rule as fakeCamera.ts decodeMark.
    const white = lumas[0] ?? 0;
    const black = lumas[1] ?? 255;
    if (white - black < 100) return null;
    const bits = lumas.map((luma) => luma > (white + black) / 2);
    for (let i = 0; i < 8; i++) if (bits[2 + i] === bits[10 + i]) return null;
    const value = (from: number): number =>
      bits.slice(from, from + 4).reduce((n, b) => n * 2 + Number(b), 0);
    return { segment: value(2), tick: value(6) };
  };
  const watchVideo = (video: HTMLVideoElement): void => {
    if (watched.has(video)) return;
    watched.add(video);
    const onVideoFrame = (now: number, meta: { presentedFrames: number }): void => {
      latestFrame = meta.presentedFrames;
      if (state.watchCamera && video.videoWidth > 0) {
        const mark = readMark(video);
        if (mark)
          state.cameraFrames.push({ t: now, presentedFrames: meta.presentedFrames, ...mark });
      }
      video.requestVideoFrameCallback(onVideoFrame);
    };
    video.requestVideoFrameCallback(onVideoFrame);
  };
  let directionWatched = false;
  setInterval(() => {
    // The camera's <video> (the largest playing one) and the live region appear later.
    const videos = [...document.querySelectorAll('video')].filter((v) => v.videoWidth > 0);
    const video = videos.reduce<HTMLVideoElement | null>(
      (a, b) => (a === null || b.videoWidth > a.videoWidth ? b : a),
      null,
    );
    if (video) watchVideo(video);
    const direction = document.querySelector('[data-testid="direction"]');
    if (direction && !directionWatched) {
      directionWatched = true;
      new MutationObserver(() => {
        if (!state.watchCamera) return;
        state.directions.push({
          t: performance.now(),
          direction: direction.textContent?.trim() ?? '',
          frame: latestFrame,
        });
      }).observe(direction, { childList: true, characterData: true, subtree: true });
    }
  }, 200);
}

export const PROBE_CELLS = { centres: markCellCentres(), half: MARK_CELL_HALF };
