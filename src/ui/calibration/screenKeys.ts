/**
 * The calibration screen's keys, heard on the whole document while the screen is open: Esc
 * leaves, R held down records the current pose (not while typing in a field, nor with Ctrl or
 * Cmd, so browser shortcuts keep working). Both are kept from the game's own keys.
 */
export interface ScreenKeyHandlers {
  escape(): void;
  recordDown(): void;
  recordUp(): void;
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))
  );
}

export class ScreenKeys {
  constructor(
    private readonly doc: Document,
    private readonly handlers: ScreenKeyHandlers,
  ) {}

  listen(): void {
    this.doc.addEventListener('keydown', this.onKeyDown, true);
    this.doc.addEventListener('keyup', this.onKeyUp, true);
  }

  stop(): void {
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
    this.doc.removeEventListener('keyup', this.onKeyUp, true);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.code === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.handlers.escape();
    } else if (
      event.code === 'KeyR' &&
      !isEditable(event.target) &&
      !event.ctrlKey &&
      !event.metaKey
    ) {
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) this.handlers.recordDown();
    }
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (event.code === 'KeyR') this.handlers.recordUp();
  };
}
