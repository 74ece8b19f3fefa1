/**
 * Protects the game's frame rate on a slow device: watches the page's animation frames (the
 * game draws on them) and, while they come slower than TARGET_FPS, asks for fewer predictions
 * by raising the minimum time between frames sent to the engine, step by step up to
 * MAX_INTERVAL_MS (10 predictions a second: still enough for the smoother to steer). When the
 * frames come fast again the interval comes back down to 0 (as fast as the engine answers).
 * FrameGate already drops frames while one is in flight, so a slow engine alone never queues.
 */
export const TARGET_FPS = 50;
export const RECOVERED_FPS = 56;
export const MAX_INTERVAL_MS = 100;
const STEP_UP_MS = 10;
const STEP_DOWN_MS = 5;
/** Weight of the newest frame in the running average of frame times. */
const SMOOTHING = 0.1;
/** Frame gaps longer than this are a hidden tab or a debugger, not a slow frame. */
const IGNORE_GAP_MS = 500;

export class RateGovernor {
  private averageMs: number | null = null;
  private lastFrameAt: number | null = null;
  private lastAdjustAt = 0;
  /** The least time between two frames sent to the engine, in ms (0: no limit). */
  minIntervalMs = 0;

  /** An animation frame at `now` (ms). */
  frame(now: number): void {
    const last = this.lastFrameAt;
    this.lastFrameAt = now;
    if (last === null) return;
    const gap = now - last;
    if (gap <= 0 || gap > IGNORE_GAP_MS) return;
    this.averageMs =
      this.averageMs === null ? gap : this.averageMs + SMOOTHING * (gap - this.averageMs);
    // Adjust at most twice a second, so each step's effect shows before the next.
    if (now - this.lastAdjustAt < 500) return;
    this.lastAdjustAt = now;
    const fps = 1000 / this.averageMs;
    if (fps < TARGET_FPS) {
      this.minIntervalMs = Math.min(MAX_INTERVAL_MS, this.minIntervalMs + STEP_UP_MS);
    } else if (fps > RECOVERED_FPS) {
      this.minIntervalMs = Math.max(0, this.minIntervalMs - STEP_DOWN_MS);
    }
  }

  get framesPerSecond(): number | null {
    return this.averageMs === null ? null : 1000 / this.averageMs;
  }

  reset(): void {
    this.averageMs = null;
    this.lastFrameAt = null;
  }
}
