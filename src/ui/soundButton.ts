/**
 * The page's sound button (index.html): a real <button>, so it is reachable by mouse, touch
 * and assistive tech, and outside the canvas, so pressing it is never taken for a tap that
 * starts the game. It mirrors the mute state however it was changed (M key, gamepad, here).
 */
export interface MuteControl {
  readonly muted: boolean;
  toggleMute(): void;
  onMuteChange(listener: (muted: boolean) => void): () => void;
}

export function wireSoundButton(button: HTMLElement | null, sound: MuteControl): void {
  if (!button) return;
  const show = (muted: boolean): void => {
    button.setAttribute('aria-pressed', String(!muted));
    button.classList.toggle('is-muted', muted);
    button.title = muted ? 'Sound is off (M)' : 'Sound is on (M)';
  };
  show(sound.muted);
  sound.onMuteChange(show);
  // Keep focus on the page: a focused button would also "click" on Enter or Space, which
  // are the game's confirm keys.
  button.addEventListener('pointerdown', (event) => event.preventDefault());
  button.addEventListener('click', () => sound.toggleMute());
}
