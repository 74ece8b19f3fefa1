/**
 * Watching the engine's backend for its loss. A lost WebGL context (the GPU driver reset, the
 * browser reclaimed the GPU) does not make TensorFlow.js throw: its draws become no-ops, every
 * embedding reads back zeros, and an embedding in flight may never settle. So the engine is
 * told of the loss (the context's event, or asking the context every LOSS_POLL_MS while work
 * runs) and gives up on the frame, then moves to another backend (inferenceEngine.ts).
 * Backends with no context to lose (wasm, cpu) cost nothing here: no checks at all.
 */

/** How often a running embedding checks that its backend still lives (a cheap call). */
const LOSS_POLL_MS = 250;

export interface BackendLossHost {
  /** Why the active backend stopped working (a lost WebGL context), else null. */
  lostBackend(): string | null;
  /**
   * Hear of the active backend's loss as it happens; returns how to stop listening, or null
   * when the backend cannot be lost (wasm, cpu: nothing to watch).
   */
  watchBackend(listener: (reason: string) => void): (() => void) | null;
}

export class BackendWatch {
  /** Set when the backend's loss is heard of; the next frame moves to another backend. */
  private lostReason: string | null = null;
  /** How to stop watching the backend; null when it cannot be lost (no checks per frame). */
  private stopWatching: (() => void) | null = null;
  /** Gives up on the work in flight (it never settles once its context is gone). */
  private abandon: ((error: Error) => void) | null = null;

  constructor(private readonly host: BackendLossHost) {}

  /** Watch the backend now active (after a start or a move). */
  watch(): void {
    this.stop();
    this.lostReason = null;
    this.stopWatching = this.host.watchBackend((reason) => {
      this.lostReason ??= reason;
      this.abandon?.(new Error(reason));
    });
  }

  /** Why the backend is gone, or null while it works. */
  loss(): string | null {
    if (this.stopWatching === null) return this.lostReason;
    return this.lostReason ?? this.host.lostBackend();
  }

  /** `work`, or a rejection as soon as the backend is lost while it runs. */
  unlessLost<T>(work: Promise<T>): Promise<T> {
    if (this.stopWatching === null) return work;
    return new Promise<T>((resolve, reject) => {
      this.abandon = reject;
      const poll = setInterval(() => {
        const lost = this.host.lostBackend();
        if (lost !== null) reject(new Error(lost));
      }, LOSS_POLL_MS);
      work.then(resolve, reject).finally(() => {
        clearInterval(poll);
        if (this.abandon === reject) this.abandon = null;
      });
    });
  }

  stop(): void {
    this.stopWatching?.();
    this.stopWatching = null;
  }
}
