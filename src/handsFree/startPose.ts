/**
 * The start pose: the head pose a player holds for a second to choose (start a game, pick the
 * highlighted choice). Up by default; any of the four turns the player recorded. The other
 * pair of turns moves the highlight: with up or down to choose, left and right move; with
 * left or right to choose, up and down move, so choosing and moving never share a pose.
 */
import type { Pose } from '../vision/poses';

export type StartPose = Exclude<Pose, 'neutral'>;

export const START_POSES: readonly StartPose[] = ['up', 'down', 'left', 'right'];

export const DEFAULT_START_POSE: StartPose = 'up';

export function isStartPose(value: unknown): value is StartPose {
  return typeof value === 'string' && (START_POSES as readonly string[]).includes(value);
}

/** The two poses that move a highlight back and forth while `start` chooses. */
export interface NavigationPoses {
  readonly previous: StartPose;
  readonly next: StartPose;
}

export function navigationPoses(start: StartPose): NavigationPoses {
  return start === 'up' || start === 'down'
    ? { previous: 'left', next: 'right' }
    : { previous: 'up', next: 'down' };
}

/** How the pixel font and the page write a pose as an arrow. */
export const POSE_ARROWS: Readonly<Record<StartPose, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
};
