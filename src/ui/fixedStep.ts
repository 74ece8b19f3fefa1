/**
 * Turns the renderer's uneven frame times into whole 60 Hz ticks of the rules.
 * A slow frame (a hitch, a tab that was throttled) may owe many ticks; running them all
 * would make the next frame slow too, so we run at most `maxSteps` and forget the rest:
 * the game slows down for a moment instead of spiralling.
 *
 * Game speed (src/game/gameSpeed.ts) is applied here and only here: at 60 % a frame's real
 * time counts as 0.6 of it, so the rules get 36 ticks a second instead of 60 and every tick
 * stays the same tick.
 */
import { DEFAULT_GAME_SPEED, speedFactor, type GameSpeed } from '../game/gameSpeed';

export class FixedStep {
  private owed = 0;
  private factor: number;

  constructor(
    readonly stepMs: number = 1000 / 60,
    readonly maxSteps: number = 5,
    speed: GameSpeed = DEFAULT_GAME_SPEED,
  ) {
    this.factor = speedFactor(speed);
  }

  /** Change the game speed from the next frame on (time already owed is kept). */
  setSpeed(speed: GameSpeed): void {
    this.factor = speedFactor(speed);
  }

  /** Adds a frame's real time; returns how many ticks to run now. */
  advance(deltaMs: number): number {
    if (!Number.isFinite(deltaMs) || deltaMs <= 0) return 0;
    this.owed += deltaMs * this.factor;
    const steps = Math.floor(this.owed / this.stepMs);
    if (steps > this.maxSteps) {
      this.owed = 0;
      return this.maxSteps;
    }
    this.owed -= steps * this.stepMs;
    return steps;
  }

  /** Forget owed time, e.g. after a pause, so resuming never fast-forwards. */
  reset(): void {
    this.owed = 0;
  }
}
