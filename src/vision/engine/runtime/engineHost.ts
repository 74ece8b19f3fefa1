/**
 * The engine's host, in a file of its own: the engine (inferenceEngine.ts) and its models
 * (engineModels.ts) both speak to it, and neither imports the other for it.
 */
import type { BackendLossHost } from './backendWatch';
import type { StartedEmbedder } from './engineRuntime';
import type { LoadedModel } from './modelFiles';
import type { FaceDetector } from '../features/faceFinder/faceDetector';
import type { Context2D } from '../features/faceFinder/regionPixels';
import type { FaceMesh } from '../features/faceMesh/faceMesh';
import type { BackendRequest } from '../../link/headProtocol';
import type { ModelLocation } from '../../link/modelSource';

/** What the engine needs from where it runs (a worker or the page) and from tfjs. */
export interface EngineHost extends BackendLossHost {
  /** A 224x224 2D context to frame camera frames in (OffscreenCanvas or a DOM canvas). */
  makeContext(size: number): Context2D;
  loadModelFiles(locations: readonly ModelLocation[]): Promise<LoadedModel>;
  startEmbedder(
    request: BackendRequest,
    artifacts: LoadedModel['artifacts'],
  ): Promise<StartedEmbedder>;
  /** The face detector on the backend the embedder runs on. */
  startFaceDetector(artifacts: LoadedModel['artifacts']): Promise<FaceDetector>;
  /** The face mesh on that backend too. */
  startFaceMesh(artifacts: LoadedModel['artifacts']): Promise<FaceMesh>;
  tensorsInMemory(): number;
  /**
   * A camera VideoFrame the page posted, as a picture the engine can read (framePictures.ts);
   * absent where the page posts only ImageBitmaps (the main-thread engine).
   */
  picture?(frame: VideoFrame): Promise<CanvasImageSource>;
  readonly inWorker: boolean;
  now(): number;
}
