/**
 * The five head poses the player records and the game recognises. Names are the player's own
 * point of view: 'left' is the player turning the head to their own left.
 */
import type { Direction } from '../game/direction';

export type Pose = 'up' | 'down' | 'left' | 'right' | 'neutral';

/** The order the calibration screen asks for the poses, and the order files and reports use. */
export const POSES: readonly Pose[] = ['neutral', 'left', 'right', 'up', 'down'];

export function isPose(value: unknown): value is Pose {
  return typeof value === 'string' && (POSES as readonly string[]).includes(value);
}

/** What a pose asks of the hero: a direction, or null for "keep going" (neutral). */
export function directionOfPose(pose: Pose): Direction | null {
  return pose === 'neutral' ? null : pose;
}

/** The pose a left/right mirror image of a face shows: left and right swap, the rest stay. */
export function mirroredPose(pose: Pose): Pose {
  if (pose === 'left') return 'right';
  if (pose === 'right') return 'left';
  return pose;
}

/** A record with one entry per pose, each made by `make`. */
export function perPose<T>(make: (pose: Pose) => T): Record<Pose, T> {
  return {
    up: make('up'),
    down: make('down'),
    left: make('left'),
    right: make('right'),
    neutral: make('neutral'),
  };
}
