/**
 * Choosing by holding a pose: the fill rises while the pose is held and a choice is made when
 * it is full (after the player's hold time, holdTime.ts: 1 s unless chosen; a timer given a
 * hold of its own keeps it); letting go drains it (twice as fast), so nobody chooses by
 * glancing past the pose. A timer starts disarmed and disarms again after each choice: the
 * pose must be let go once before it can fill, so a head still turned from the last game or
 * the last choice never chooses again by itself. Time is injected (milliseconds).
 */
import { holdTime } from './holdTime';

export class DwellTimer {
  private level = 0;
  private armed = false;
  private last: number | null = null;
  private wasHeld = false;

  /** Without `ownHoldMs`, the hold follows the player's setting, even while it fills. */
  constructor(
    private readonly ownHoldMs?: number,
    private readonly ownEmptyMs?: number,
  ) {}

  get holdMs(): number {
    return this.ownHoldMs ?? holdTime();
  }

  get emptyMs(): number {
    return this.ownEmptyMs ?? this.holdMs / 2;
  }

  /** How full, 0 to 1. */
  get fill(): number {
    return this.level;
  }

  /** Whether holding the pose now would fill (it has been let go since the last choice). */
  get isArmed(): boolean {
    return this.armed;
  }

  /** One look at the head at time `now`: is the pose held? True at the moment it completes. */
  update(held: boolean, now: number): boolean {
    const elapsed = this.last === null ? 0 : Math.max(0, now - this.last);
    this.last = now;
    // Only time between two looks that both saw the pose counts as holding it.
    const heldFor = held && this.wasHeld ? elapsed : 0;
    this.wasHeld = held;
    if (!held) {
      this.armed = true;
      this.level = Math.max(0, this.level - elapsed / this.emptyMs);
      return false;
    }
    if (!this.armed) return false;
    this.level = Math.min(1, this.level + heldFor / this.holdMs);
    if (this.level < 1) return false;
    this.level = 0;
    this.armed = false;
    return true;
  }

  /** Empty now (the highlight moved, the screen changed); `disarm` also asks for a let-go. */
  empty(disarm = false): void {
    this.level = 0;
    if (disarm) this.armed = false;
  }
}
