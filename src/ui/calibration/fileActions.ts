/**
 * The calibration screen's footer: what the player does with their calibration. Export saves
 * it to a file and Import brings one back (refused, with the reason, when it is too big or not
 * ours); "Forget me" deletes it from the device; "Camera off" goes back to keys and touch; Play
 * is offered once every pose has enough shots. Nothing here ever leaves the device.
 */
import { MAX_FILE_BYTES } from '../../vision/calibration/calibrationFile';
import { MIN_SHOTS_PER_POSE, type HeadControl } from '../../vision/headControl';
import { make, makeButton } from './dom';

/** What the footer needs of head control. */
export type FileHead = Pick<
  HeadControl,
  'exportText' | 'importFile' | 'notice' | 'complete' | 'start' | 'stop'
>;

export interface FileActionHandlers {
  /** A file was imported: the screen starts over with its shots. */
  imported(): void;
  /** "Forget me": the screen deletes the calibration and starts over. */
  forget(): void;
  /** "Camera off": head control is off; the screen closes. */
  cameraOff(): void;
  /** Play (every pose has enough shots). */
  play(): void;
  /** A notice changed: show it. */
  changed(): void;
}

export class FileActions {
  readonly element: HTMLElement;
  private readonly exportLink: HTMLAnchorElement;
  private readonly playButton: HTMLButtonElement;
  private exportUrl: string | null = null;

  constructor(
    doc: Document,
    private readonly head: FileHead,
    private readonly handlers: FileActionHandlers,
  ) {
    this.element = make(doc, 'footer', 'cal-footer');
    this.exportLink = make(doc, 'a', 'cal-button', 'Export');
    this.exportLink.href = '#';
    this.exportLink.download = 'headchomp-calibration.json';
    this.exportLink.dataset.testid = 'export-calibration';
    this.exportLink.title = 'Save your calibration to a file';
    this.exportLink.addEventListener('click', (event) => this.exportFile(event));
    const importLabel = make(doc, 'label', 'cal-button cal-import', 'Import');
    const importInput = make(doc, 'input', 'cal-file');
    importInput.type = 'file';
    importInput.accept = '.json,application/json';
    importInput.dataset.testid = 'import-calibration';
    importInput.setAttribute('aria-label', 'Import a calibration file');
    importInput.addEventListener('change', () => void this.importFile(importInput));
    importLabel.append(importInput);
    const forget = makeButton(doc, 'Forget me', 'cal-button cal-forget', () => handlers.forget());
    forget.dataset.testid = 'forget-calibration';
    forget.title = 'Delete your calibration from this device';
    const keysOnly = makeButton(doc, 'Camera off', 'cal-button', () => handlers.cameraOff());
    keysOnly.dataset.testid = 'head-off';
    keysOnly.title = 'Turn head control off and play with keys or touch';
    this.playButton = makeButton(doc, 'Play', 'cal-button cal-play', () => {
      if (this.head.complete) handlers.play();
    });
    this.playButton.dataset.testid = 'calibration-done';
    this.element.append(this.exportLink, importLabel, forget, keysOnly, this.playButton);
  }

  render(): void {
    const complete = this.head.complete;
    this.playButton.disabled = !complete;
    this.playButton.title = complete
      ? 'Play with head control'
      : `Record at least ${MIN_SHOTS_PER_POSE} shots of every pose first`;
  }

  private exportFile(event: MouseEvent): void {
    const text = this.head.exportText();
    if (text === null) {
      event.preventDefault();
      this.head.notice = 'Nothing to export yet: record your poses first.';
      this.handlers.changed();
      return;
    }
    if (this.exportUrl !== null) URL.revokeObjectURL(this.exportUrl);
    this.exportUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    this.exportLink.href = this.exportUrl;
    this.exportLink.download = `headchomp-calibration-${new Date().toISOString().slice(0, 10)}.json`;
    this.head.notice =
      'Calibration exported to a file. It stays on your device unless you share it.';
    this.handlers.changed();
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    if (file.size > MAX_FILE_BYTES) {
      this.head.notice = `Import refused: this file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a calibration file is at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Your current calibration is unchanged.`;
      this.handlers.changed();
      return;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      this.head.notice =
        'Import refused: the file could not be read. Your current calibration is unchanged.';
      this.handlers.changed();
      return;
    }
    const result = this.head.importFile(bytes);
    if (result.ok) {
      this.handlers.imported();
      void this.head.start();
    }
    this.handlers.changed();
  }
}
