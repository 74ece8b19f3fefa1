/**
 * Protects the game's frame rate on a slow device: watches the page's animation frames (the
 * game draws on them) and, while they come slower than TARGET_FPS, may ask for fewer
 * predictions by setting a minimum time between frames sent to the engine (MAX_INTERVAL_MS:
 * 15 predictions a second, still enough for the smoother to steer). FrameGate already drops
 * frames while one is in flight, so a slow engine alone never queues. The pace holds back only
 * a head that holds still: a frame before its turn goes at once while the head is on the move
 * (the page's reading: link/headMotion.ts, from the answers' angles; the worker's:
 * engine/runtime/stillHead.ts, from the frame's pixels), so steering does not pay for the
 * game's frame rate; what is held back is the work of watching a still head.
 *
 * Fewer predictions only help when predictions are what slows the game. Where the drawing
 * itself is slow (software WebGL, a weak GPU) the game runs at the same rate either way, and
 * holding predictions back would only make steering react ~3x later (11 camera frames instead
 * of 3 in the benchmark). So the governor experiments, with back-to-back measurements:
 *
 *   free ──(below TARGET_FPS for BELOW_MS)──> measure the frame rate free, MEASURE_MS
 *     ──> hold predictions back, SETTLE_MS, then measure the frame rate held, MEASURE_MS
 *     ──> held rate ≥ free rate x HELPS_RATIO (a gain a player sees: 25 -> 30 fps)?
 *           (or, where a moving head is predicted anyway, held at least as fast as free:
 *           holding then costs steering nothing, and the device less work)
 *           yes: keep holding for HELD_MS, then measure both again (the device may be idle now);
 *           no:  full speed, and no new experiment for a hold-off of 20 s, doubling after each
 *                useless one up to 5 minutes (the device may become busy later).
 */
export const TARGET_FPS = 50;
/**
 * 66 ms: 15 predictions a second for a still head. The page learns that the head moved from a
 * prediction's angles (link/headMotion.ts), so a held pace delays the start of every turn by
 * up to one interval. Measured (`npm run bench -- --cpu-throttle 1,4`, 2026-12-07, one run
 * each): 100 ms -> 66 ms, distinct camera frames classified a second 15.2 -> 17.9
 * unthrottled and 14.0 -> 17.2 at CPU 4x (the goal: 15), reaction p50 / p95 5 / 7 ->
 * 4 / 7 frames unthrottled and 5 / 10 -> 5 / 6 at 4x; the page's frame p50 the same (16.7 /
 * 33.4 ms), its p95 at 4x 50.1 -> 66.6 ms (head control off that run: 50.0, before 33.4).
 */
export const MAX_INTERVAL_MS = 66;
/** How long the frame rate must stay below TARGET_FPS before an experiment starts. */
export const BELOW_MS = 1000;
export const MEASURE_MS = 2000;
export const SETTLE_MS = 1000;
export const HELPS_RATIO = 1.2;
export const HELD_MS = 30_000;
export const FIRST_HOLD_OFF_MS = 20_000;
export const LAST_HOLD_OFF_MS = 300_000;
/** Weight of the newest frame in the running average that starts an experiment. */
const SMOOTHING = 0.1;
/** Frame gaps longer than this are a hidden tab or a debugger, not a slow frame. */
const IGNORE_GAP_MS = 500;

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

type Phase =
  | { readonly kind: 'free'; readonly quietUntil: number }
  | { readonly kind: 'measure-free'; readonly until: number }
  | { readonly kind: 'settle-held'; readonly until: number; readonly freeFps: number }
  | { readonly kind: 'measure-held'; readonly until: number; readonly freeFps: number }
  | { readonly kind: 'held'; readonly until: number };

export class RateGovernor {
  private averageMs: number | null = null;
  private lastFrameAt: number | null = null;
  private belowSince: number | null = null;
  private phase: Phase = { kind: 'free', quietUntil: -Infinity };
  private holdOffMs = FIRST_HOLD_OFF_MS;
  /** Frame gaps of the current measurement. */
  private measured: number[] = [];
  /** The last experiment's frame rates, free and held (null before the first). */
  private lastExperiment: { free: number; held: number } | null = null;
  /** The least time between two frames sent to the engine, in ms (0: no limit). */
  minIntervalMs = 0;

  /**
   * `holdingCostsReaction`: whether holding predictions back now delays steering. Not where a
   * head on the move is predicted anyway (link/headMotion.ts, engine/runtime/stillHead.ts):
   * then only a still head's predictions are held back, and holding needs no gain a player
   * sees to be worth it, only none lost (held at least as fast as free).
   */
  constructor(private readonly holdingCostsReaction: () => boolean = () => true) {}

  /** What the governor is doing, in words, for the debug overlay. */
  describe(now: number): string {
    const last = this.lastExperiment;
    const seen =
      last === null ? '' : ` (game ${last.free.toFixed(0)} fps free, ${last.held.toFixed(0)} held)`;
    switch (this.phase.kind) {
      case 'free':
        return now < this.phase.quietUntil ? `full speed${seen}` : 'full speed';
      case 'measure-free':
      case 'settle-held':
      case 'measure-held':
        return 'testing whether fewer predictions help the game';
      case 'held':
        return `held to ${Math.round(1000 / MAX_INTERVAL_MS)}/s${seen}`;
    }
  }

  /** An animation frame at `now` (ms). */
  frame(now: number): void {
    const last = this.lastFrameAt;
    this.lastFrameAt = now;
    if (last === null) return;
    const gap = now - last;
    if (gap <= 0 || gap > IGNORE_GAP_MS) return;
    this.averageMs =
      this.averageMs === null ? gap : this.averageMs + SMOOTHING * (gap - this.averageMs);
    // Gaps are kept only while measuring: the list never grows in the long free or held spells.
    if (this.phase.kind === 'measure-free' || this.phase.kind === 'measure-held') {
      this.measured.push(gap);
    }
    this.step(now);
  }

  private step(now: number): void {
    const phase = this.phase;
    switch (phase.kind) {
      case 'free': {
        const slow = (this.framesPerSecond ?? Infinity) < TARGET_FPS;
        this.belowSince = slow ? (this.belowSince ?? now) : null;
        if (
          now >= phase.quietUntil &&
          this.belowSince !== null &&
          now - this.belowSince >= BELOW_MS
        ) {
          this.measure({ kind: 'measure-free', until: now + MEASURE_MS }, 0);
        }
        return;
      }
      case 'measure-free': {
        if (now < phase.until) return;
        const freeFps = this.measuredFps();
        if (freeFps >= TARGET_FPS) {
          this.goFree(now, 0); // fast enough after all
        } else {
          this.measure({ kind: 'settle-held', until: now + SETTLE_MS, freeFps }, MAX_INTERVAL_MS);
        }
        return;
      }
      case 'settle-held':
        if (now >= phase.until) {
          this.measure(
            { kind: 'measure-held', until: now + MEASURE_MS, freeFps: phase.freeFps },
            MAX_INTERVAL_MS,
          );
        }
        return;
      case 'measure-held': {
        if (now < phase.until) return;
        const heldFps = this.measuredFps();
        this.lastExperiment = { free: phase.freeFps, held: heldFps };
        const ratio = this.holdingCostsReaction() ? HELPS_RATIO : 1;
        if (heldFps >= phase.freeFps * ratio) {
          this.holdOffMs = FIRST_HOLD_OFF_MS;
          this.phase = { kind: 'held', until: now + HELD_MS };
        } else {
          this.goFree(now, this.holdOffMs);
          this.holdOffMs = Math.min(LAST_HOLD_OFF_MS, this.holdOffMs * 2);
        }
        return;
      }
      case 'held':
        if (now >= phase.until) this.measure({ kind: 'measure-free', until: now + MEASURE_MS }, 0);
        return;
    }
  }

  private measure(phase: Phase, intervalMs: number): void {
    this.phase = phase;
    this.minIntervalMs = intervalMs;
    this.measured = [];
  }

  /**
   * Frames per second over the measurement, from its median frame gap: the frame rate most
   * frames are drawn at. A mean (even one that left out the slowest tenth) let the share of
   * doubled frames decide: on a 60 Hz page where 3 frames in 10 came at 33 ms instead of 17
   * with predictions free and 1 in 20 with them held, it read 49 -> 60 fps and held
   * predictions to 10 a second, though the player's game ran at 60 fps either way (the bench:
   * 13.7 predictions a second and 11 camera frames to react, against 29.2 and 3 with the
   * governor off, at the same 16.7 ms frame p50). A garbage collection in the window does not
   * move a median either. Predictions that slow most frames (a phone) still show as a gain.
   */
  private measuredFps(): number {
    if (this.measured.length === 0) return 0;
    const sorted = [...this.measured].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    const median =
      sorted.length % 2 === 1
        ? (sorted[Math.floor(middle)] ?? 0)
        : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    return median > 0 ? 1000 / median : 0;
  }

  private goFree(now: number, holdOffMs: number): void {
    this.phase = { kind: 'free', quietUntil: now + holdOffMs };
    this.minIntervalMs = 0;
    this.belowSince = null;
  }

  get framesPerSecond(): number | null {
    return this.averageMs === null ? null : 1000 / this.averageMs;
  }

  /** Forget the frame times (the pump restarts); a running experiment starts over. */
  reset(): void {
    this.averageMs = null;
    this.lastFrameAt = null;
    this.belowSince = null;
    this.phase = { kind: 'free', quietUntil: -Infinity };
    this.minIntervalMs = 0;
    this.measured = [];
  }
}
