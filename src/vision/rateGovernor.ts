/**
 * Protects the game's frame rate on a slow device: watches the page's animation frames (the
 * game draws on them) and, while they come slower than TARGET_FPS, asks for fewer predictions
 * by raising the minimum time between frames sent to the engine, step by step up to
 * MAX_INTERVAL_MS (10 predictions a second: still enough for the smoother to steer). When the
 * frames come fast again the interval comes back down to 0 (as fast as the engine answers).
 * FrameGate already drops frames while one is in flight, so a slow engine alone never queues.
 *
 * Fewer predictions only help when predictions are what slows the game. Where the drawing
 * itself is slow (software WebGL, a weak GPU) the game runs at the same rate either way, and
 * holding predictions back would only make steering slower to react. So the throttle is a
 * probe: once it has been at its cap for SETTLE_MS, the frame rate is compared with the rate
 * before it began. Without a gain of HELPS_RATIO, predictions go back to full speed and the
 * governor leaves them alone for a while (20 s, doubling after each useless probe up to
 * 5 minutes), then tries again: the device may have become busy since.
 */
export const TARGET_FPS = 50;

/**
 * `?headRate=full` in the page address turns the governor off: every camera frame the engine
 * can take, whatever the game's frame rate (for players who prefer quicker steering to a
 * smoother picture on a slow machine, and for the benchmark's comparison). Anything else: on.
 */
export function governorWanted(pageUrl: string): boolean {
  try {
    return new URL(pageUrl).searchParams.get('headRate') !== 'full';
  } catch {
    return true;
  }
}

export const RECOVERED_FPS = 56;
export const MAX_INTERVAL_MS = 100;
const STEP_UP_MS = 10;
const STEP_DOWN_MS = 5;
/** Weight of the newest frame in the running average of frame times. */
const SMOOTHING = 0.1;
/** Frame gaps longer than this are a hidden tab or a debugger, not a slow frame. */
const IGNORE_GAP_MS = 500;
/** How long the throttle stays at its cap before its effect is judged. */
export const SETTLE_MS = 1500;
/** The frame rate at the cap must beat the free-running one by this factor to keep it. */
export const HELPS_RATIO = 1.1;
export const FIRST_HOLD_OFF_MS = 20_000;
export const LAST_HOLD_OFF_MS = 300_000;

export class RateGovernor {
  private averageMs: number | null = null;
  private lastFrameAt: number | null = null;
  private lastAdjustAt = 0;
  /** The frame rate while predictions ran free, just before the throttle began. */
  private freeFps: number | null = null;
  private atCapSince: number | null = null;
  private holdOffMs = FIRST_HOLD_OFF_MS;
  private freeUntil = -Infinity;
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
    if (now < this.freeUntil) return;
    const fps = 1000 / this.averageMs;
    if (fps < TARGET_FPS) {
      this.slower(fps, now);
    } else if (fps > RECOVERED_FPS) {
      this.minIntervalMs = Math.max(0, this.minIntervalMs - STEP_DOWN_MS);
      this.atCapSince = null;
    }
  }

  private slower(fps: number, now: number): void {
    if (this.minIntervalMs === 0) this.freeFps = fps;
    if (this.minIntervalMs < MAX_INTERVAL_MS) {
      this.minIntervalMs = Math.min(MAX_INTERVAL_MS, this.minIntervalMs + STEP_UP_MS);
      return;
    }
    this.atCapSince ??= now;
    if (now - this.atCapSince < SETTLE_MS) return;
    if (this.freeFps !== null && fps < this.freeFps * HELPS_RATIO) {
      // Throttling did not help: the game is slow for another reason.
      this.minIntervalMs = 0;
      this.freeUntil = now + this.holdOffMs;
      this.holdOffMs = Math.min(LAST_HOLD_OFF_MS, this.holdOffMs * 2);
    } else {
      this.holdOffMs = FIRST_HOLD_OFF_MS;
    }
    this.atCapSince = null;
    this.freeFps = null;
  }

  get framesPerSecond(): number | null {
    return this.averageMs === null ? null : 1000 / this.averageMs;
  }

  reset(): void {
    this.averageMs = null;
    this.lastFrameAt = null;
  }
}
