/**
 * The module Web Worker that runs the inference engine off the main thread, so the game's
 * frames never wait for the network. It receives the page's frames (VideoFrames, whose
 * pictures it makes itself with framePictures.ts, or ImageBitmaps; transferred), or reads the
 * camera itself where the page hands it over (cameraReader.ts, framePictures.ts), and answers
 * with the messages of headProtocol.ts. Started by enginePort.ts with
 * `new Worker(new URL('./inferenceWorker.ts', import.meta.url), { type: 'module' })`.
 */
import {
  configureBackends,
  loadModelFiles,
  lostBackend,
  watchBackend,
  startEmbedder,
  startFaceDetector,
  startFaceMesh,
  tensorsInMemory,
} from './engineRuntime';
import type { FaceBox } from '../../headView';
import type { FromEngine, ToEngine } from '../../link/headProtocol';
import { CameraReader, type CameraFrame } from './cameraReader';
import { FramePictures } from './framePictures';
import { InferenceEngine } from './inferenceEngine';

/** The worker's global scope, typed by what is used (the DOM and WebWorker libs clash). */
const scope = self as unknown as {
  postMessage(message: FromEngine): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToEngine>) => void): void;
};

configureBackends();

/** The face in the engine's latest answer to a frame the worker read (the still check's). */
let faceOfCameraFrame: FaceBox | null = null;

/** Pictures of the VideoFrames the page posts (its own canvas: never the camera reader's). */
const pagePictures = new FramePictures();

const engine = new InferenceEngine(
  {
    makeContext(size) {
      const context = new OffscreenCanvas(size, size).getContext('2d', {
        willReadFrequently: true,
      });
      if (context === null) throw new Error('no 2D context on OffscreenCanvas');
      return context;
    },
    loadModelFiles,
    startEmbedder,
    startFaceDetector,
    startFaceMesh,
    tensorsInMemory,
    picture: (frame) => pagePictures.picture(frame),
    lostBackend,
    watchBackend,
    inWorker: true,
    now: () => performance.now(),
  },
  (message) => {
    if (message.type === 'result' && message.taken !== undefined) faceOfCameraFrame = message.face;
    scope.postMessage(message);
  },
);

/** MediaStreamTrackProcessor where this worker has one (Safari 18 reads a transferred track). */
const TrackProcessor = (
  self as unknown as {
    MediaStreamTrackProcessor?: new (init: { track: MediaStreamTrack }) => {
      readable: ReadableStream<CameraFrame>;
    };
  }
).MediaStreamTrackProcessor;

const pictures = new FramePictures();
const camera = new CameraReader({
  predict: async (message) => {
    faceOfCameraFrame = null;
    await engine.receive(message);
    return faceOfCameraFrame;
  },
  holdsShots: () => engine.holdsShots,
  picture: (frame) => pictures.picture(frame as unknown as VideoFrame),
  luma: (frame) => pictures.luma(frame as unknown as VideoFrame),
  framesOfTrack: (track) =>
    typeof TrackProcessor === 'function' ? new TrackProcessor({ track }).readable : null,
  tell: (message) => scope.postMessage(message),
  now: () => performance.now(),
  epochNow: () => performance.timeOrigin + performance.now(),
});

scope.addEventListener('message', (event) => {
  if (camera.heard(event.data)) return;
  void engine.receive(event.data).catch((error: unknown) => {
    // Every message's own failures are answered inside the engine; this is a last resort.
    console.error('inference worker:', error);
  });
});
