/**
 * Which camera frames go to the inference engine. At most one frame is in flight: a frame
 * that arrives while the engine is busy is dropped, never queued, so predictions are always
 * about the newest picture and a slow device simply predicts less often. While a pose is
 * being recorded, a frame is recorded at a steady rate (10 per second) and the frames in
 * between are skipped, so nothing delays the next shot.
 *
 * When inference runs on the page's own thread (no worker), it also competes with the game for
 * that thread: `limitShare` caps the share of the time it may take. After a prediction that took
 * d ms, the next one waits d * (1 / share - 1) ms, so a slow phone predicts less often and the
 * game keeps its frame rate. (In a worker the main thread only grabs frames: no cap.)
 */
import type { Pose } from '../poses';

/** Shots per second while recording (the calibration screen's steady rate). */
export const RECORD_RATE_PER_SECOND = 10;
/** A frame with no answer after this long is given up (a crashed or stalled engine). */
export const FRAME_TIMEOUT_MS = 5000;

/** The main thread's share inference may take when it runs there. */
export const MAIN_THREAD_SHARE = 1 / 3;

export type GateDecision =
  | { readonly send: false; readonly reason: 'in-flight' | 'waiting-to-record' | 'pacing' }
  | { readonly send: true; readonly record: Pose | null };

export class FrameGate {
  private inFlightSince: number | null = null;
  private recording: { pose: Pose; nextShotAt: number } | null = null;
  /** Frames offered while one was in flight (dropped). */
  dropped = 0;
  /** Frames given to the engine. */
  sent = 0;
  /** Frames held back to leave the main thread to the game. */
  paced = 0;
  /** Frames sent before the governor's turn: the head was on the move. */
  early = 0;
  private share: number | null = null;
  private notBefore = -Infinity;
  private lastSentAt: number | null = null;
  /**
   * The least time between two predictions, in ms (0: as fast as the engine answers), set by
   * RateGovernor when the game's frame rate drops on a slow device. Recording keeps its rate,
   * and a frame offered as `moving` goes at once.
   */
  minIntervalMs = 0;

  constructor(private readonly recordIntervalMs = 1000 / RECORD_RATE_PER_SECOND) {}

  get busy(): boolean {
    return this.inFlightSince !== null;
  }

  get recordingPose(): Pose | null {
    return this.recording?.pose ?? null;
  }

  /** Start recording `pose` from the next frame on. */
  startRecording(pose: Pose, now: number): void {
    this.recording = { pose, nextShotAt: now };
  }

  stopRecording(): void {
    this.recording = null;
  }

  /** Cap the share of time inference may take (null: no cap, it runs in a worker). */
  limitShare(share: number | null): void {
    this.share = share !== null && share > 0 && share < 1 ? share : null;
    if (this.share === null) this.notBefore = -Infinity;
  }

  /**
   * Whether a frame at `now` comes before the rate governor's turn: it would be held back by
   * the least interval (never while recording, which keeps its own rate).
   */
  beforeTurn(now: number): boolean {
    if (this.recording !== null || this.minIntervalMs <= 0) return false;
    const sinceLast = this.lastSentAt === null ? Infinity : now - this.lastSentAt;
    return sinceLast + 8 < this.minIntervalMs;
  }

  /**
   * A new camera frame at `now` (ms): send it, or not. `moving`: the head in it is not holding
   * still (the worker's still check, engine/runtime/stillHead.ts), so the governor's least
   * interval does not hold it back: steering never waits for the governor's turn.
   */
  offer(now: number, moving = false): GateDecision {
    if (this.inFlightSince !== null) {
      if (now - this.inFlightSince < FRAME_TIMEOUT_MS) {
        this.dropped++;
        return { send: false, reason: 'in-flight' };
      }
      this.inFlightSince = null; // lost: try again
    }
    let record: Pose | null = null;
    if (this.recording === null && now < this.notBefore) {
      this.paced++;
      return { send: false, reason: 'pacing' };
    }
    const sinceLast = this.lastSentAt === null ? Infinity : now - this.lastSentAt;
    if (this.recording === null && sinceLast + 8 < this.minIntervalMs) {
      if (!moving) {
        this.paced++;
        return { send: false, reason: 'pacing' };
      }
      this.early++;
    }
    if (this.recording !== null) {
      // Half a frame of slack, so a 30 fps camera gives a shot every third frame.
      if (now + 8 < this.recording.nextShotAt) return { send: false, reason: 'waiting-to-record' };
      record = this.recording.pose;
      // Keep the average rate steady, but never owe a burst of shots after a stall.
      this.recording.nextShotAt = Math.max(this.recording.nextShotAt + this.recordIntervalMs, now);
    }
    this.inFlightSince = now;
    this.lastSentAt = now;
    this.sent++;
    return { send: true, record };
  }

  /** The engine answered at `now` (or the frame could not be sent: no time given). */
  done(now?: number): void {
    if (now !== undefined && this.inFlightSince !== null && this.share !== null) {
      const took = Math.max(0, now - this.inFlightSince);
      this.notBefore = now + took * (1 / this.share - 1);
    }
    this.inFlightSince = null;
  }
}
