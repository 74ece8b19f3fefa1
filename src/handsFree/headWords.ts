/**
 * How the hands-free scheme is put in words: one short line in the pixel font for the
 * screens, and sentences for the live region (screen readers) and the page's panels. One
 * place, so every screen explains it the same way. The hold is the player's (holdTime.ts):
 * with the usual 1 s the words are "1 SEC" and "for 1 second", which tests and tools read.
 */
import { holdInWords, holdTime } from './holdTime';
import { navigationPoses, POSE_ARROWS, type StartPose } from './startPose';

/** How many characters of the pixel font fit across the screen. */
export const SCHEME_LINE_FITS = 37;

/** "← → MOVE  HOLD ↑ 1 SEC: CHOOSE" (the pixel font has the arrows). */
export function schemeLine(start: StartPose): string {
  const { previous, next } = navigationPoses(start);
  const line = (unit: string): string =>
    `HEAD: ${POSE_ARROWS[previous]} ${POSE_ARROWS[next]} MOVE, HOLD ${POSE_ARROWS[start]} ${holdTime() / 1000} ${unit}: CHOOSE`;
  // "0.5 SEC" is one character too many: "0.5 S".
  const long = line('SEC');
  return long.length <= SCHEME_LINE_FITS ? long : line('S');
}

/** "Turn left or right to move between choices; hold up for 1 second to choose." */
export function schemeSentence(start: StartPose): string {
  const { previous, next } = navigationPoses(start);
  return `Turn ${previous} or ${next} to move between choices; hold ${start} for ${holdInWords()} to choose.`;
}

/** "Hold up for 1 second to play with your head." */
export function holdSentence(start: StartPose, action: string): string {
  return `Hold ${start} for ${holdInWords()} to ${action}.`;
}
