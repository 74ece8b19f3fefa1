/**
 * Where the inference engine runs: in a module Web Worker when the browser has workers and
 * OffscreenCanvas (the game's frames then never wait for the network), else on the main
 * thread. Either way the caller talks to it through the same small port.
 */
import { transferablesOf, type FromEngine, type ToEngine } from './headProtocol';

export interface EnginePort {
  readonly inWorker: boolean;
  post(message: ToEngine): void;
  /** Replies from the engine; a second call replaces the listener. */
  onMessage(listener: (message: FromEngine) => void): void;
  /** The worker could not start or crashed (never called for the main-thread engine). */
  onCrash(listener: (message: string) => void): void;
  terminate(): void;
}

/** Whether the engine can run in a worker here (a module worker drawing on OffscreenCanvas). */
export function workerSupported(scope: typeof globalThis = globalThis): boolean {
  return (
    typeof scope.Worker === 'function' &&
    typeof scope.OffscreenCanvas === 'function' &&
    typeof scope.createImageBitmap === 'function'
  );
}

class WorkerPort implements EnginePort {
  readonly inWorker = true;
  private listener: (message: FromEngine) => void = () => {};
  private crashListener: (message: string) => void = () => {};

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<FromEngine>) =>
      this.listener(event.data),
    );
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      this.crashListener(event.message || 'the inference worker failed to start');
    });
    worker.addEventListener('messageerror', () =>
      this.crashListener('a message could not be read'),
    );
  }

  post(message: ToEngine): void {
    this.worker.postMessage(message, transferablesOf(message));
  }

  onMessage(listener: (message: FromEngine) => void): void {
    this.listener = listener;
  }

  onCrash(listener: (message: string) => void): void {
    this.crashListener = listener;
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** The same engine on the main thread, loaded on demand (TensorFlow.js is a big download). */
async function mainThreadPort(): Promise<EnginePort> {
  const [{ InferenceEngine }, runtime] = await Promise.all([
    import('../engine/runtime/inferenceEngine'),
    import('../engine/runtime/engineRuntime'),
  ]);
  runtime.configureBackends();
  let listener: (message: FromEngine) => void = () => {};
  let terminated = false;
  const engine = new InferenceEngine(
    {
      makeContext(size) {
        const canvas =
          typeof OffscreenCanvas === 'function'
            ? new OffscreenCanvas(size, size)
            : Object.assign(document.createElement('canvas'), { width: size, height: size });
        const context = canvas.getContext('2d', { willReadFrequently: true }) as
          CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
        if (context === null) throw new Error('no 2D canvas context');
        return context;
      },
      loadModelFiles: runtime.loadModelFiles,
      startEmbedder: runtime.startEmbedder,
      startFaceDetector: runtime.startFaceDetector,
      startFaceMesh: runtime.startFaceMesh,
      tensorsInMemory: runtime.tensorsInMemory,
      lostBackend: runtime.lostBackend,
      watchBackend: runtime.watchBackend,
      inWorker: false,
      now: () => performance.now(),
    },
    // Replies arrive asynchronously, as they would from a worker.
    (message) => setTimeout(() => terminated || listener(message), 0),
  );
  return {
    inWorker: false,
    post(message) {
      if (terminated) return;
      void engine.receive(message).catch((error: unknown) => console.error('inference:', error));
    },
    onMessage(next) {
      listener = next;
    },
    onCrash() {},
    terminate() {
      if (terminated) return;
      void engine.receive({ type: 'dispose' });
      terminated = true;
    },
  };
}

/**
 * Open the engine: a worker when supported and `preferWorker`, else the main thread.
 * A worker that fails later is reported through `onCrash`; the caller may then open again with
 * `preferWorker` false.
 */
export async function openEngine(preferWorker = true): Promise<EnginePort> {
  if (preferWorker && workerSupported()) {
    try {
      const worker = new Worker(new URL('../engine/runtime/inferenceWorker.ts', import.meta.url), {
        type: 'module',
        name: 'headchomp-inference',
      });
      return new WorkerPort(worker);
    } catch {
      // Module workers unsupported (older browsers throw here): run on the main thread.
    }
  }
  return mainThreadPort();
}
