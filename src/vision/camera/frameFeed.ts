/**
 * Hands the camera's frames to the engine while head control runs: every new picture is
 * offered (framePump.ts) and sent unless one is in flight (the link's FrameGate), and the rate
 * governor, watching the game's own frame rate, may ask for fewer predictions on a slow
 * device (rateGovernor.ts; `?headRate=full` turns it off).
 */
import type { EngineLink } from '../link/engineLink';
import { pumpFrames, type Cancellable } from './framePump';
import { watchGameFrames } from './frameRateWatch';
import { governorWanted, RateGovernor } from './rateGovernor';

export class FrameFeed {
  private readonly governor = new RateGovernor();
  /** False with ?headRate=full: predictions are never held back. */
  private readonly governed: boolean;
  private running: Cancellable | null = null;

  constructor(
    private readonly link: EngineLink,
    pageUrl: string,
  ) {
    this.governed = governorWanted(pageUrl);
  }

  /**
   * Start offering `video`'s frames (again: a no-op while running). `wanted` says whether a
   * frame is worth sending now; `version` is the shots' version the frame goes out under.
   */
  start(video: HTMLVideoElement, wanted: () => boolean, version: () => number): void {
    if (this.running !== null) return;
    const frames = pumpFrames(video, (now) => {
      if (!wanted() || video.readyState < 2 || video.videoWidth === 0) return;
      this.link.offerFrame(video, now, version());
    });
    this.governor.reset();
    this.link.gate.minIntervalMs = 0;
    const watch =
      typeof requestAnimationFrame === 'function' && this.governed
        ? watchGameFrames(this.governor, (ms) => (this.link.gate.minIntervalMs = ms))
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
  }

  /** What the rate governor is doing, for the debug overlay. */
  describeRate(now: number): string {
    return this.governed ? this.governor.describe(now) : 'off (?headRate=full)';
  }
}
