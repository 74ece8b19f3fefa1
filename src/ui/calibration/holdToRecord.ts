/**
 * "Hold to record": recording runs while a pointer is down on the button (mouse, finger, pen),
 * or while Space or Enter is held with the button focused. Letting go anywhere stops it, and
 * so does losing the window's focus, so a recording never runs on by accident.
 */
export interface HoldHandlers {
  start(): void;
  stop(): void;
}

/** Returns the function that removes every listener. */
export function bindHold(button: HTMLElement, handlers: HoldHandlers): () => void {
  const win = button.ownerDocument.defaultView;
  let holding = false;
  const begin = (): void => {
    if (holding) return;
    holding = true;
    button.classList.add('is-holding');
    button.setAttribute('aria-pressed', 'true');
    handlers.start();
  };
  const end = (): void => {
    if (!holding) return;
    holding = false;
    button.classList.remove('is-holding');
    button.setAttribute('aria-pressed', 'false');
    handlers.stop();
  };
  const onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    // No text selection, no focus ring flash, no emulated mouse events after a touch.
    event.preventDefault();
    begin();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (
      event.code !== 'Space' &&
      event.code !== 'Enter' &&
      event.key !== ' ' &&
      event.key !== 'Enter'
    ) {
      return;
    }
    event.preventDefault();
    if (!event.repeat) begin();
  };
  const onKeyUp = (event: KeyboardEvent): void => {
    if (
      event.code === 'Space' ||
      event.code === 'Enter' ||
      event.key === ' ' ||
      event.key === 'Enter'
    ) {
      event.preventDefault();
      end();
    }
  };
  // A long press must not open the context menu (touch screens).
  const onContextMenu = (event: Event): void => event.preventDefault();

  button.addEventListener('pointerdown', onPointerDown);
  button.addEventListener('keydown', onKeyDown);
  button.addEventListener('keyup', onKeyUp);
  button.addEventListener('contextmenu', onContextMenu);
  button.addEventListener('blur', end);
  win?.addEventListener('pointerup', end);
  win?.addEventListener('pointercancel', end);
  win?.addEventListener('blur', end);
  return () => {
    end();
    button.removeEventListener('pointerdown', onPointerDown);
    button.removeEventListener('keydown', onKeyDown);
    button.removeEventListener('keyup', onKeyUp);
    button.removeEventListener('contextmenu', onContextMenu);
    button.removeEventListener('blur', end);
    win?.removeEventListener('pointerup', end);
    win?.removeEventListener('pointercancel', end);
    win?.removeEventListener('blur', end);
  };
}
