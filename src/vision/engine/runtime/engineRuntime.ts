/**
 * The TensorFlow.js side of the inference engine: which backends exist, how the wasm files are
 * found, the models started from their files (read by modelFiles.ts), and which backend
 * runs the embedder, chosen by measuring the real embedder on each candidate.
 *
 * Measuring: the model files are fetched once; for each candidate backend an embedder is built
 * from those bytes and timed (backend.ts: one untimed run, then the median of a few) on a
 * grey frame. The fastest stays, the others are freed. On this project's machines (no GPU)
 * wasm wins by about 10x; on a real GPU webgl usually does. The choice is remembered
 * per device by the main thread (backendPreference.ts) and used without measuring next time.
 *
 * Threaded wasm only where the page asks for it (wasmThreadPool.ts; off by default). WebGPU
 * is not included: its backend is another package and megabyte, and it could not be measured
 * on these machines.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { useFastestBackend } from './backend';
import { loadPoseEmbedder, type PoseEmbedder } from '../features/embedder';
import { MODEL_INPUT_SIZE } from '../features/framing';
import type { BackendName, BackendRequest } from '../../link/headProtocol';
import { loadFaceDetector, type FaceDetector } from '../features/faceFinder/faceDetector';
import { loadFaceMesh, type FaceMesh } from '../features/faceMesh/faceMesh';
import { warmUpFaceDetector, warmUpFaceMesh } from './warmUp';
import { FEATURE_RECIPE } from '../recipe';
import { askForWasmThreads, wasmThreadsInUse } from './wasmThreadPool';
import { describeError } from './errorText';
import { weightsProblem } from './modelFiles';

// Read by modelFiles.ts; the engine's hosts (the worker, the page's own thread) find it here.
export { loadModelFiles } from './modelFiles';

let configured = false;

/** Once per realm, before any backend starts. */
export function configureBackends(): void {
  if (configured) return;
  // Absolute URLs: tfjs resolves these against the worker's own location otherwise.
  const absolute = (url: string): string => new URL(url, import.meta.url).href;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': absolute(wasmPlainUrl),
    'tfjs-backend-wasm-simd.wasm': absolute(wasmSimdUrl),
    // Never loaded while multithreading is off; setWasmPaths wants every name.
    'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmThreadedUrl),
  });
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  configured = true;
}

export interface StartedEmbedder {
  readonly embedder: PoseEmbedder;
  readonly backend: BackendName;
  readonly msPerRun: Record<string, number>;
  readonly failed: Record<string, string>;
  readonly measured: boolean;
  /** The threaded wasm backend's pool size, or null (no threads: wasmThreadPool.ts). */
  readonly wasmThreads: number | null;
}

async function timeEmbedding(embedder: PoseEmbedder): Promise<void> {
  const grey = tf.fill([MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3], 0.5) as tf.Tensor3D;
  try {
    await embedder.embed(grey);
  } finally {
    grey.dispose();
  }
}

function buildEmbedder(artifacts: tf.io.ModelArtifacts): Promise<PoseEmbedder> {
  return loadPoseEmbedder(tf.io.fromMemory(artifacts), FEATURE_RECIPE);
}

/** Start the requested backend, or measure the candidates and keep the fastest. */
export async function startEmbedder(
  request: BackendRequest,
  artifacts: tf.io.ModelArtifacts,
): Promise<StartedEmbedder> {
  configureBackends();
  askForWasmThreads(request.wasmThreads ?? 1);
  const failed: Record<string, string> = {};
  if (request.use !== null) {
    try {
      if (!(await tf.setBackend(request.use))) throw new Error('did not initialise');
      const embedder = await buildEmbedder(artifacts);
      const start = performance.now();
      await timeEmbedding(embedder);
      const ms = performance.now() - start;
      return {
        embedder,
        backend: request.use,
        msPerRun: { [request.use]: ms },
        failed,
        measured: false,
        wasmThreads: wasmThreadsInUse(),
      };
    } catch (error) {
      failed[request.use] = describeError(error);
    }
  }

  // WebGL drawn in software (no GPU: SwiftShader, llvmpipe) is ~10x slower than wasm and its
  // shader compile alone takes seconds: not worth measuring.
  const software = request.candidates.includes('webgl') ? softwareWebGLRenderer() : null;
  if (software !== null) failed.webgl = `software renderer (${software}), not measured`;

  const embedders = new Map<string, PoseEmbedder>();
  const workload = async (): Promise<void> => {
    const backend = tf.getBackend();
    let embedder = embedders.get(backend);
    if (embedder === undefined) {
      embedder = await buildEmbedder(artifacts);
      embedders.set(backend, embedder);
    }
    await timeEmbedding(embedder);
  };
  const candidates = request.candidates.filter((name) => !(name in failed));
  let choice;
  try {
    choice = await useFastestBackend(candidates, workload, 3);
  } catch (error) {
    // Nothing the measurement tried started: plain JavaScript always does.
    for (const embedder of embedders.values()) embedder.dispose();
    if (!(await tf.setBackend('cpu'))) throw error;
    const embedder = await buildEmbedder(artifacts);
    return {
      embedder,
      backend: 'cpu',
      msPerRun: {},
      failed: { ...failed },
      measured: true,
      wasmThreads: null,
    };
  }
  for (const [backend, embedder] of embedders) {
    if (backend !== choice.backend) embedder.dispose();
  }
  const embedder = embedders.get(choice.backend);
  if (embedder === undefined) throw new Error(`no embedder on ${choice.backend}`);
  return {
    embedder,
    backend: choice.backend as BackendName,
    msPerRun: { ...choice.msPerRun },
    failed: { ...failed, ...choice.failed },
    measured: true,
    wasmThreads: wasmThreadsInUse(),
  };
}

/**
 * The face detector from its files, on the backend the embedder runs on (chosen already:
 * the detector is small, and a second backend would hold a second copy of the runtime).
 */
export async function startFaceDetector(artifacts: tf.io.ModelArtifacts): Promise<FaceDetector> {
  const problem = weightsProblem(artifacts);
  if (problem !== null) throw new Error(problem);
  const detector = await loadFaceDetector(artifacts);
  await warmUpFaceDetector(detector);
  return detector;
}

/** The face mesh from its files, on that backend too. */
export async function startFaceMesh(artifacts: tf.io.ModelArtifacts): Promise<FaceMesh> {
  const problem = weightsProblem(artifacts);
  if (problem !== null) throw new Error(problem);
  const mesh = await loadFaceMesh(artifacts);
  await warmUpFaceMesh(mesh);
  return mesh;
}

/** The WebGL renderer's name when it draws in software, else null (a GPU, or no WebGL). */
export function softwareWebGLRenderer(): string | null {
  try {
    const canvas =
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(1, 1)
        : typeof document === 'object'
          ? document.createElement('canvas')
          : null;
    const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')) as
      WebGLRenderingContext | null | undefined;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      gl.getParameter(info === null ? gl.RENDERER : info.UNMASKED_RENDERER_WEBGL) ?? '',
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer) ? renderer : null;
  } catch {
    return null;
  }
}

/**
 * Why the active backend can no longer be trusted, else null. A lost WebGL context (the GPU
 * driver reset, the browser reclaimed the GPU, WEBGL_lose_context) does not make tfjs throw:
 * its draws become no-ops and every embedding silently reads back zeros. Asking the context
 * is one cheap call, so the engine asks before every frame.
 */
export function lostBackend(): string | null {
  if (tf.getBackend() !== 'webgl') return null;
  try {
    const gl = (tf.backend() as MathBackendWebGL).gpgpu.gl;
    return gl.isContextLost() ? 'the WebGL context was lost' : null;
  } catch (error) {
    return `the WebGL backend failed: ${describeError(error)}`;
  }
}

/**
 * Call `listener` when the active backend's WebGL context is lost. Needed besides
 * lostBackend(): an embedding in flight when the context goes never settles (tfjs waits for a
 * GPU fence that never signals), so the engine must hear of the loss to give up on it.
 * Returns how to stop listening, or null for a backend that has no context to lose.
 */
export function watchBackend(listener: (reason: string) => void): (() => void) | null {
  if (tf.getBackend() !== 'webgl') return null;
  const canvas = (tf.backend() as MathBackendWebGL).gpgpu.gl.canvas as EventTarget;
  const onLost = (): void => listener('the WebGL context was lost');
  canvas.addEventListener('webglcontextlost', onLost);
  return () => canvas.removeEventListener('webglcontextlost', onLost);
}

export function tensorsInMemory(): number {
  return tf.memory().numTensors;
}
