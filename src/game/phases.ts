/** How long each timed phase of the game lasts, in ticks (60 a second). */
export const PHASE_TICKS = {
  /** The "ready" pause of a new game. */
  firstReady: 130,
  /** The "ready" pause after a lost life and before each later level. */
  ready: 90,
  /** The freeze that shows a ghost's points. */
  ghostEaten: 60,
  /** The whole death: frozen for `dyingFreeze` ticks, then the death animation. */
  dying: 150,
  dyingFreeze: 60,
  /** The maze flashes for this long before the next level. */
  levelClear: 120,
} as const;
