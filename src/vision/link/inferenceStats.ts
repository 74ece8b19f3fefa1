/**
 * How the head tracking keeps up, for the debug overlay: milliseconds per prediction (median of
 * the recent ones, so one slow frame does not swing it) and predictions per second (counted
 * over the last second).
 */
export class InferenceStats {
  private readonly recentMs: number[] = [];
  private readonly times: number[] = [];
  /** tf.memory().numTensors in the engine after the latest frame. */
  tensors = 0;
  errors = 0;
  lastError: string | null = null;

  constructor(private readonly keep = 30) {}

  add(ms: number, now: number): void {
    this.recentMs.push(ms);
    if (this.recentMs.length > this.keep) this.recentMs.shift();
    this.times.push(now);
    while (this.times.length > 0 && now - (this.times[0] as number) > 1000) this.times.shift();
  }

  /** Median of the recent frames, or null before the first. */
  get msPerPrediction(): number | null {
    if (this.recentMs.length === 0) return null;
    const sorted = [...this.recentMs].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  }

  perSecond(now: number): number {
    return this.times.filter((time) => now - time <= 1000).length;
  }

  reset(): void {
    this.recentMs.length = 0;
    this.times.length = 0;
  }
}
