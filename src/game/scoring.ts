/** Points, and the one extra life at 10,000. */
export const DOT_POINTS = 10;
export const ENERGIZER_POINTS = 50;
export const EXTRA_LIFE_SCORE = 10_000;

const GHOST_CHAIN = [200, 400, 800, 1600];

/** Points for the n-th ghost (0-based) eaten on one energizer: 200, 400, 800, 1600. */
export function ghostPoints(chain: number): number {
  return GHOST_CHAIN[Math.min(Math.max(chain, 0), GHOST_CHAIN.length - 1)] ?? 1600;
}

export class Score {
  points = 0;
  private extraLifeGiven = false;

  /** Adds points; true when this crosses 10,000 for the first time (an extra life). */
  add(points: number): boolean {
    this.points += points;
    if (!this.extraLifeGiven && this.points >= EXTRA_LIFE_SCORE) {
      this.extraLifeGiven = true;
      return true;
    }
    return false;
  }
}
