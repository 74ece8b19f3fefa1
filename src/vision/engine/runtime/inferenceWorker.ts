/**
 * The module Web Worker that runs the inference engine off the main thread, so the game's
 * frames never wait for the network. It receives ImageBitmaps (transferred) and answers with
 * the messages of headProtocol.ts. Started by enginePort.ts with
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
import type { FromEngine, ToEngine } from '../../link/headProtocol';
import { InferenceEngine } from './inferenceEngine';

/** The worker's global scope, typed by what is used (the DOM and WebWorker libs clash). */
const scope = self as unknown as {
  postMessage(message: FromEngine): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToEngine>) => void): void;
};

configureBackends();

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
    lostBackend,
    watchBackend,
    inWorker: true,
    now: () => performance.now(),
  },
  (message) => scope.postMessage(message),
);

scope.addEventListener('message', (event) => {
  void engine.receive(event.data).catch((error: unknown) => {
    // Every message's own failures are answered inside the engine; this is a last resort.
    console.error('inference worker:', error);
  });
});
