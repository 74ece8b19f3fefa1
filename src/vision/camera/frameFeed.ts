/**
 * Hands the camera's frames to the engine while head control runs, one of two ways:
 *
 * - the page offers every new picture (framePump.ts), sent unless one is in flight (the
 *   link's FrameGate): the default;
 * - with `?headFrames=worker` (opt-in: cameraHandover.ts says why), the worker takes them,
 *   where the camera can be handed to it (a track processor or a transferable track, the
 *   engine in a worker): a page busy drawing then holds them back less. Should the worker say
 *   it cannot, or not say within FIRST_FRAME_WAIT_MS that it reads, the page reads them.
 *
 * Either way the rate governor, watching the game's own frame rate, may ask for fewer
 * predictions on a slow device (rateGovernor.ts; `?headRate=full` turns it off); with the
 * worker reading, its pace goes to the worker's gate, which holds back only the predictions of
 * a head that holds still (engine/runtime/stillHead.ts: a frame before the governor's turn is
 * looked at cheaply and predicted at once if the head moved). The page's own reading cannot
 * look at a frame without costing the thread the governor protects: it judges from the answers
 * instead (link/headMotion.ts: once the head's angles move, every frame goes until it rests).
 */
import type { EngineLink } from '../link/engineLink';
import type { CameraCounts } from '../link/headProtocol';
import { handOverCamera, workerFramesWanted } from './cameraHandover';
import { pumpFrames, type Cancellable } from './framePump';
import { watchGameFrames } from './frameRateWatch';
import { governorWanted, RateGovernor } from './rateGovernor';

/** How long the worker may take to say it reads the camera before the page reads it instead. */
export const FIRST_FRAME_WAIT_MS = 3000;

interface Feeding {
  readonly video: HTMLVideoElement;
  readonly wanted: () => boolean;
  readonly version: () => number;
}

export class FrameFeed {
  private readonly governor = new RateGovernor(
    () => this.reader === 'page' && !this.link.motion.watching,
  );
  /** False with ?headRate=full: predictions are never held back. */
  private readonly governed: boolean;
  /** True with ?headFrames=worker: the worker takes the frames where it can. */
  private readonly workerMayRead: boolean;
  private running: Cancellable | null = null;
  private feeding: Feeding | null = null;
  /** Who reads the camera's frames now (null: nobody, the feed is stopped). */
  reader: 'worker' | 'page' | null = null;

  constructor(
    private readonly link: EngineLink,
    pageUrl: string,
    private readonly scope: typeof globalThis = globalThis,
  ) {
    this.governed = governorWanted(pageUrl);
    this.workerMayRead = workerFramesWanted(pageUrl);
    // An engine opened anew while frames flow (a crashed worker replaced, perhaps by the page's
    // own thread): the frames must flow to it, and a worker that read them is gone.
    link.onReady(() => {
      const feeding = this.feeding;
      if (this.running === null || feeding === null) return;
      this.stop();
      this.start(feeding.video, feeding.wanted, feeding.version);
    });
  }

  /**
   * Start feeding `video`'s frames (again: a no-op while running). `wanted` says whether a
   * frame is worth sending now; `version` is the shots' version a frame goes out under.
   */
  start(video: HTMLVideoElement, wanted: () => boolean, version: () => number): void {
    if (this.running !== null) return;
    const feeding = { video, wanted, version };
    this.feeding = feeding;
    const frames = (this.workerMayRead && this.workerFrames(feeding)) || this.pageFrames(feeding);
    this.governor.reset();
    this.link.motion.forget();
    this.link.setMinInterval(0);
    const watch =
      typeof requestAnimationFrame === 'function' && this.governed
        ? watchGameFrames(this.governor, (ms) => {
            if (ms !== this.link.gate.minIntervalMs) this.link.setMinInterval(ms);
          })
        : null;
    this.running = {
      cancel: () => {
        frames.cancel();
        watch?.cancel();
      },
    };
  }

  stop(): void {
    this.running?.cancel();
    this.running = null;
    this.reader = null;
  }

  /** What the rate governor is doing and who reads the frames, for the debug overlay. */
  describeRate(now: number): string {
    const rate = this.governed ? this.governor.describe(now) : 'off (?headRate=full)';
    if (this.reader === 'page') {
      const { sent, early } = this.link.gate;
      return `${rate}; frames read by the page: ${sent} sent, ${early} of them before the governor's turn (the head on the move)`;
    }
    if (this.reader !== 'worker') return rate;
    const counts = this.link.workerFrameCounts;
    return `${rate}; frames read by the worker${counts === null ? '' : `: ${countsText(counts)}`}`;
  }

  /** Today's way: the page offers each new picture. */
  private pageFrames({ video, wanted, version }: Feeding): Cancellable {
    this.reader = 'page';
    return pumpFrames(video, (now) => {
      if (!wanted() || video.readyState < 2 || video.videoWidth === 0) return;
      this.link.offerFrame(video, now, version());
    });
  }

  /** The worker reads the frames, or null where the camera cannot be handed to it. */
  private workerFrames(feeding: Feeding): Cancellable | null {
    const camera = handOverCamera(feeding.video, this.scope);
    if (camera === null) return null;
    let instead: Cancellable | null = null;
    let waiting: ReturnType<typeof setTimeout> | null = null;
    const stopWaiting = (): void => {
      if (waiting !== null) clearTimeout(waiting);
      waiting = null;
    };
    const readOnThePage = (): void => {
      stopWaiting();
      if (instead !== null) return;
      this.link.stopReadingCamera();
      camera.stop();
      instead = this.pageFrames(feeding);
    };
    const handed = this.link.readCamera(camera.source, feeding.version, (reading) => {
      if (reading.state === 'reading') stopWaiting();
      else readOnThePage();
    });
    if (!handed) {
      camera.stop();
      return null;
    }
    this.reader = 'worker';
    camera.pump?.((frame) => this.link.postCameraFrame(frame));
    waiting = setTimeout(readOnThePage, FIRST_FRAME_WAIT_MS);
    return {
      cancel: () => {
        stopWaiting();
        this.link.stopReadingCamera();
        camera.stop();
        instead?.cancel();
      },
    };
  }
}

/** The worker's frames in words: what became of those that came before the governor's turn. */
export function countsText(counts: CameraCounts): string {
  const { read, predicted, looked, moved, settling, still, blind } = counts;
  return (
    `${read} read, ${predicted} predicted; ${looked} before the governor's turn: ` +
    `${moved} moved, ${settling} settling (predicted at once), ${still} still, ${blind} unseen (let go)`
  );
}
