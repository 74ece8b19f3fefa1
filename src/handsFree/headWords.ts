/**
 * How the hands-free scheme is put in words: one short line in the pixel font for the
 * screens, and sentences for the live region (screen readers) and the page's panels. One
 * place, so every screen explains it the same way.
 */
import { navigationPoses, POSE_ARROWS, type StartPose } from './startPose';

/** "← → MOVE  HOLD ↑ 1 SEC: CHOOSE" (the pixel font has the arrows; 37 characters fit). */
export function schemeLine(start: StartPose): string {
  const { previous, next } = navigationPoses(start);
  return `HEAD: ${POSE_ARROWS[previous]} ${POSE_ARROWS[next]} MOVE, HOLD ${POSE_ARROWS[start]} 1 SEC: CHOOSE`;
}

/** "Turn left or right to move between choices; hold up for 1 second to choose." */
export function schemeSentence(start: StartPose): string {
  const { previous, next } = navigationPoses(start);
  return `Turn ${previous} or ${next} to move between choices; hold ${start} for 1 second to choose.`;
}

/** "Hold up for 1 second to play with your head." */
export function holdSentence(start: StartPose, action: string): string {
  return `Hold ${start} for 1 second to ${action}.`;
}
