/**
 * Keeps the player's calibration on this device (IndexedDB), so the next visit starts playing
 * at once. Nothing leaves the device.
 *
 * The calibration is stored as the text of a calibration file (calibrationFile.ts): the same
 * parser checks a loaded calibration as an imported one, so a calibration recorded with an
 * older model or framing is refused with the same clear message instead of being misused.
 *
 * When IndexedDB is missing (some private modes) or full (quota), the calibration is kept in
 * memory for this session and `health` says so, for the UI to warn; nothing throws.
 */
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { parseCalibrationFile, serializeCalibration, type Calibration } from './calibrationFile';
import { CURRENT_PIPELINE, type PipelineIds } from '../engine/features/pipeline';
import type { PoseSamples } from '../poseSamples';

export const DEFAULT_DATABASE_NAME = 'headchomp-calibration';
const STORE = 'calibration';
const KEY = 'current';

export type StoreHealth =
  | { readonly kind: 'saved-on-device' }
  | { readonly kind: 'this-session-only'; readonly reason: string };

export interface LoadResult {
  readonly calibration: Calibration | null;
  /** Why a calibration that exists could not be used (for the player), else null. */
  readonly problem: string | null;
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'the browser storage for this site is full';
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export class CalibrationStore {
  private database: IDBPDatabase | null = null;
  /** The latest calibration of this session, as file text; kept even when saving fails. */
  private sessionCopy: string | null = null;
  private state: StoreHealth = { kind: 'saved-on-device' };

  private constructor(
    private readonly databaseName: string,
    private readonly pipeline: PipelineIds,
  ) {}

  /** Never rejects: without IndexedDB the store works for this session only. */
  static async open(
    options: { databaseName?: string; pipeline?: PipelineIds } = {},
  ): Promise<CalibrationStore> {
    const store = new CalibrationStore(
      options.databaseName ?? DEFAULT_DATABASE_NAME,
      options.pipeline ?? CURRENT_PIPELINE,
    );
    await store.connect();
    return store;
  }

  get health(): StoreHealth {
    return this.state;
  }

  /**
   * Save `samples` as the calibration. One transaction writes one record, so a failed save
   * (quota, a closed tab) leaves the previous saved calibration as it was.
   */
  async save(samples: PoseSamples, createdAt: Date = new Date()): Promise<StoreHealth> {
    const text = serializeCalibration(samples, createdAt, this.pipeline);
    this.sessionCopy = text;
    if (this.database === null) await this.connect();
    const database = this.database;
    if (database === null) return this.state;
    try {
      const transaction = database.transaction(STORE, 'readwrite');
      await Promise.all([transaction.store.put(text, KEY), transaction.done]);
      this.state = { kind: 'saved-on-device' };
    } catch (error) {
      this.state = { kind: 'this-session-only', reason: `not saved: ${describe(error)}` };
    }
    return this.state;
  }

  /** This session's calibration if there is one, else the saved one, checked like a file. */
  async load(): Promise<LoadResult> {
    let text = this.sessionCopy;
    if (text === null && this.database === null) await this.connect();
    if (text === null && this.database !== null) {
      try {
        const stored: unknown = await this.database.get(STORE, KEY);
        if (stored !== undefined) {
          text = typeof stored === 'string' ? stored : '';
        }
      } catch (error) {
        return {
          calibration: null,
          problem: `the saved calibration could not be read: ${describe(error)}`,
        };
      }
    }
    if (text === null) return { calibration: null, problem: null };
    const parsed = parseCalibrationFile(text, this.pipeline);
    return parsed.ok
      ? { calibration: parsed.calibration, problem: null }
      : { calibration: null, problem: parsed.message };
  }

  /** Delete the calibration everywhere: this session's copy and the whole database. */
  async forget(): Promise<void> {
    this.sessionCopy = null;
    try {
      // Clear first: even if deleting the database had to wait, the calibration is gone now.
      await this.database?.clear(STORE);
    } catch {
      // Deleting the database below removes it anyway.
    }
    this.close();
    if (typeof indexedDB === 'undefined') return;
    try {
      await deleteDB(this.databaseName);
    } catch {
      // Nothing stored can be deleted when storage itself is unavailable.
    }
  }

  /** Close the database connection (the session copy stays until the page goes). */
  close(): void {
    this.database?.close();
    this.database = null;
  }

  private async connect(): Promise<void> {
    if (typeof indexedDB === 'undefined') {
      this.state = {
        kind: 'this-session-only',
        reason: 'this browser offers no storage (IndexedDB)',
      };
      return;
    }
    try {
      this.database = await openDB(this.databaseName, 1, {
        upgrade(database) {
          database.createObjectStore(STORE);
        },
        // Another tab wants to delete (forget) or upgrade: step aside instead of blocking it.
        // The next save or load here opens the database again.
        blocking: () => this.close(),
      });
      this.state = { kind: 'saved-on-device' };
    } catch (error) {
      this.database = null;
      this.state = { kind: 'this-session-only', reason: `storage unavailable: ${describe(error)}` };
    }
  }
}
