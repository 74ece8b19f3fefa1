/**
 * Browsers keep audio silent until the page gets a user gesture. The first key, click or
 * touch anywhere unlocks the sound engine; once it runs, the listeners remove themselves.
 */
const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;

export interface Unlockable {
  unlock(): void;
  readonly ready: boolean;
}

export function unlockAudioOnGesture(target: EventTarget, sound: Unlockable): void {
  const onGesture = (): void => {
    sound.unlock();
    if (sound.ready) {
      for (const type of GESTURES) target.removeEventListener(type, onGesture, true);
    }
  };
  // Capture phase: we hear the gesture even if a game control stops it from bubbling.
  for (const type of GESTURES) target.addEventListener(type, onGesture, true);
}
