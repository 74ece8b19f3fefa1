/**
 * Cruise Elroy: Blinky speeds up as the dots run out, and from then on chases the hero even
 * during scatter. After a lost life the speed-up waits until Clyde has left the house.
 */
import { levelSpec } from './levelTable';

export type ElroyLevel = 0 | 1 | 2;

export function elroyLevel(level: number, dotsLeft: number): ElroyLevel {
  const first = levelSpec(level).elroyDots;
  if (dotsLeft <= Math.floor(first / 2)) return 2;
  if (dotsLeft <= first) return 1;
  return 0;
}

/** Blinky's speed in percent for an Elroy level (0: his normal speed). */
export function elroySpeed(level: number, elroy: ElroyLevel): number {
  const spec = levelSpec(level);
  return elroy === 2 ? spec.elroy2Speed : elroy === 1 ? spec.elroy1Speed : spec.ghostSpeed;
}
