/**
 * The page's side of a camera the engine's worker reads itself (headProtocol.ts, 'camera'):
 * what the worker's own frame gate was last told (recording, the rate governor's pace), told
 * again only when it changes, and each frame the worker took turned into what the page would
 * have sent it with (engineLink.ts's SentFrame), so the coordinator handles its answer as any
 * other; the reading's counts that came with it are kept for the debug overlay.
 */
import type { CameraCounts, CameraReading, TakenFrame, ToEngine } from './headProtocol';
import type { Pose } from '../poses';

type Feed = Extract<ToEngine, { type: 'feed' }>;

export class WorkerCamera {
  private told: Feed | null = null;
  /** False once the page asked the worker to stop reading (answers may still come). */
  reading = true;
  /** The worker's reading as of its latest answer (the debug overlay shows it). */
  counts: CameraCounts | null = null;

  /** The frame posted last, until the worker asks for the next (or stops). */
  private posted: ((taken: boolean) => void) | null = null;

  constructor(
    private readonly post: (message: ToEngine) => void,
    /** Hears whether the worker reads (its first frame came) or cannot. */
    readonly onState: (reading: CameraReading) => void,
    /** The shots' version, asked when a frame comes back. */
    private readonly version: () => number,
  ) {}

  /**
   * One camera frame to the worker, transferred; settles true once it is free for the next,
   * false where it stopped reading or the frame could not go.
   */
  postFrame(frame: VideoFrame): Promise<boolean> {
    if (!this.reading) return Promise.resolve(false);
    try {
      this.post({ type: 'camera-frame', frame });
    } catch {
      return Promise.resolve(false);
    }
    this.posted?.(false);
    // Set after posting: the worker's 'next' comes in a later task.
    return new Promise((resolve) => (this.posted = resolve));
  }

  /** The worker is free for the next frame. */
  next(): void {
    const posted = this.posted;
    this.posted = null;
    posted?.(true);
  }

  /** The reading ended (stopped, or its worker gone): no frame is waited on any more. */
  release(): void {
    this.reading = false;
    const posted = this.posted;
    this.posted = null;
    posted?.(false);
  }

  /** Tell the worker's gate what it needs, unless it was told that already. */
  feed(record: Pose | null, minIntervalMs: number): void {
    const told = this.told;
    if (told !== null && told.record === record && told.minIntervalMs === minIntervalMs) return;
    this.told = { type: 'feed', record, minIntervalMs };
    this.post(this.told);
  }

  /**
   * A frame the worker took, as if sent from the page: on the page's clock, and under the
   * shots' version when the worker had heard every one of the `shotMessages` posted so far
   * (else under none: a shot recorded from it joined a set the worker has replaced since, and
   * the page must not keep it either).
   */
  sentOf(
    taken: TakenFrame,
    shotMessages: number,
  ): { version: number; at: number; width: number; height: number } {
    this.counts = taken.counts ?? this.counts;
    return {
      version: taken.shotMessages === shotMessages ? this.version() : -1,
      at: taken.at - performance.timeOrigin,
      width: taken.width,
      height: taken.height,
    };
  }
}
