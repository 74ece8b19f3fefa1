/**
 * Keeping the player's calibration, and what the player reads about it: bringing back the
 * saved one at page load (or saying why it cannot be used), importing a file (or saying why
 * not), forgetting everything. The calibration screen shows `notice`; `offNote` says why head
 * control is off.
 */
import { forgetBackend } from '../link/backendPreference';
import type { KeyValueStore } from '../../storage/safeStorage';
import type { ShotBook } from './shotBook';

export interface KeepingHooks {
  /** Any change but a recorded shot: the engine gets the whole set, storage a save. */
  shotsChanged(): void;
  /** The saved shots are back: an engine already loading (page load) gets them. */
  shotsRestored(): void;
  /** Every shot is gone: the engine gets the empty set, and nothing steers any more. */
  shotsForgotten(): void;
  stopRecording(): void;
  /** The state's words may have changed. */
  refresh(): void;
  /** Only the notice changed. */
  notify(): void;
}

export class CalibrationKeeping {
  /** The latest thing the player should read in the calibration screen (import, forget...). */
  notice: string | null = null;
  /** Why head control is off (a saved calibration that cannot be used), or null. */
  offNote: string | null = null;

  constructor(
    private readonly shots: ShotBook,
    private readonly storage: KeyValueStore,
    private readonly hooks: KeepingHooks,
  ) {}

  /** A save could keep the shots for this visit only (storage full or missing). */
  sessionOnly(reason: string): void {
    this.notice = `Your calibration is kept for this visit only (${reason}).`;
    this.hooks.notify();
  }

  /**
   * Bring back the saved calibration; true when it was brought back. One made with another
   * model or framing is refused and the player is told why.
   */
  async restore(): Promise<boolean> {
    const loaded = await this.shots.load();
    if (loaded.problem !== null) {
      this.offNote = `Your saved calibration cannot be used: ${loaded.problem}`;
      this.notice = this.offNote;
      this.hooks.refresh();
      return false;
    }
    if (loaded.calibration === null) return false;
    if (this.shots.total > 0) return false; // recorded meanwhile: keep the newer
    this.shots.replace(loaded.calibration.samples);
    this.hooks.shotsRestored();
    this.hooks.refresh();
    return true;
  }

  /** Import a calibration file; a bad file changes nothing and says why. */
  importFile(input: string | ArrayBuffer): { ok: boolean; message: string } {
    const result = this.shots.importFile(input);
    if (!result.ok) {
      this.notice = `Import refused: ${result.message} Your current calibration is unchanged.`;
      this.hooks.notify();
      return { ok: false, message: this.notice };
    }
    this.hooks.stopRecording();
    this.hooks.shotsChanged();
    this.notice = `Calibration imported: ${result.total} shots.`;
    this.hooks.notify();
    return { ok: true, message: this.notice };
  }

  /** "Forget me": the shots here, in the engine and in storage, and the backend choice. */
  async forget(): Promise<void> {
    this.hooks.stopRecording();
    this.shots.clear();
    this.hooks.shotsForgotten();
    forgetBackend(this.storage);
    await this.shots.forgetStored();
    this.offNote = null;
    this.notice = 'Forgotten: your calibration was deleted from this device.';
    this.hooks.refresh();
  }
}
