/**
 * The player's calibration shots on the main thread: the truth that is saved to IndexedDB
 * (calibrationStore.ts), exported and imported (calibrationFile.ts). The engine's classifier
 * holds a copy kept in step by head control (headShots.ts).
 *
 * `version` counts every change other than a recorded shot (restore aside): a shot recorded
 * from a frame sent before such a change belongs to a set that no longer exists and is
 * dropped (headAnswers.ts).
 *
 * Saving: a recorded shot schedules a save (the growing set saved twice a second would cost
 * frames), every other change saves at once; an empty set deletes what was saved.
 */
import { copySamples, countSamples, type PoseSample, type PoseSamples } from '../poseSamples';
import { POSES, perPose, type Pose } from '../poses';
import { parseCalibrationFile, serializeCalibration } from './calibrationFile';
import { CalibrationStore, type LoadResult } from './calibrationStore';

/** Shots each pose needs before Play is offered (and before head control steers). */
export const MIN_SHOTS_PER_POSE = 5;

/** How long after a recorded shot the set is saved, unless something saves it sooner. */
const SAVE_DELAY_MS = 500;

export type ImportResult =
  { readonly ok: true; readonly total: number } | { readonly ok: false; readonly message: string };

export class ShotBook {
  private samples: Record<Pose, PoseSample[]> = perPose(() => []);
  /** Frames recorded this visit that showed no face, per pose (never kept as shots). */
  private readonly withoutFace: Record<Pose, number> = perPose(() => 0);
  /** Per pose, how many shots it had when its latest burst began (startBurst). */
  private readonly burstStarts: Record<Pose, number> = perPose(() => 0);
  /** Bumped by every change other than a recorded shot. */
  version = 0;
  private store: Promise<CalibrationStore> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly openStoreWith: () => Promise<CalibrationStore> = () => CalibrationStore.open(),
    /** Told when a save could only keep the shots for this visit (storage full or missing). */
    private readonly onSessionOnly: (reason: string) => void = () => {},
  ) {}

  get view(): PoseSamples {
    return this.samples;
  }

  counts(): Record<Pose, number> {
    return perPose((pose) => this.samples[pose].length);
  }

  get total(): number {
    return countSamples(this.samples);
  }

  /** How many poses have enough shots to play. */
  get posesReady(): number {
    return POSES.filter((pose) => this.samples[pose].length >= MIN_SHOTS_PER_POSE).length;
  }

  /** Every pose has enough shots to play. */
  get complete(): boolean {
    return this.posesReady === POSES.length;
  }

  /** A frame of a `pose` recording showed no face: it was not kept. */
  missedFace(pose: Pose): void {
    this.withoutFace[pose]++;
  }

  framesWithoutFace(): Record<Pose, number> {
    return { ...this.withoutFace };
  }

  /** A shot the engine recorded (it has added it to its own classifier already). */
  addRecorded(pose: Pose, sample: PoseSample, stillRecording: boolean): void {
    this.samples[pose].push(sample);
    if (!stillRecording) this.scheduleSave();
  }

  /** A burst of `pose` begins (a recording the touch-up judges): remember where its shots start. */
  startBurst(pose: Pose): void {
    this.burstStarts[pose] = this.samples[pose].length;
  }

  /** How many shots `pose` had when its latest burst began (its shots from there on are the burst's). */
  burstStart(pose: Pose): number {
    return Math.min(this.burstStarts[pose], this.samples[pose].length);
  }

  /**
   * Drop the shots of `pose` from index `from` to `to` (not included; the end by default), with
   * their mirror images: a burst the touch-up did not keep. Counted as a change (when any
   * shot went). Returns how many shots were dropped.
   */
  dropShots(pose: Pose, from: number, to: number = this.samples[pose].length): number {
    const start = Math.max(0, from);
    const end = Math.min(this.samples[pose].length, to);
    if (end <= start) return 0;
    this.samples[pose] = [...this.samples[pose].slice(0, start), ...this.samples[pose].slice(end)];
    this.version++;
    return end - start;
  }

  /** Take `samples` (a copy) as the set, without counting it as a change (restore). */
  replace(samples: PoseSamples): void {
    const copy = copySamples(samples);
    this.samples = perPose((pose) => [...copy[pose]]);
  }

  removePose(pose: Pose): void {
    this.samples[pose] = [];
    this.withoutFace[pose] = 0;
    this.burstStarts[pose] = 0;
    this.version++;
  }

  /** Drop every shot here (not yet in storage: see forgetStored). */
  clear(): void {
    this.samples = perPose(() => []);
    for (const pose of POSES) {
      this.withoutFace[pose] = 0;
      this.burstStarts[pose] = 0;
    }
    this.version++;
    this.cancelSave();
  }

  /** Read an import; a bad file changes nothing and says why. */
  importFile(input: string | ArrayBuffer): ImportResult {
    const parsed = parseCalibrationFile(input);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    this.replace(parsed.calibration.samples);
    this.version++;
    return { ok: true, total: this.total };
  }

  /** The calibration file's text, or null when there is nothing to export. */
  exportText(): string | null {
    return this.total === 0 ? null : serializeCalibration(this.samples);
  }

  /** What storage holds (a calibration, nothing, or why it cannot be used). */
  async load(): Promise<LoadResult> {
    return (await this.openStore()).load();
  }

  /** Delete what storage holds. */
  async forgetStored(): Promise<void> {
    await (await this.openStore()).forget();
  }

  scheduleSave(): void {
    if (this.saveTimer !== null) return;
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  /** Save now (a pending scheduled save is folded into this one). */
  save(): void {
    this.cancelSave();
    const samples = copySamples(this.samples);
    void this.openStore().then(async (store) => {
      // An empty calibration is no calibration: nothing to keep.
      if (countSamples(samples) === 0) {
        await store.forget();
        return;
      }
      const health = await store.save(samples);
      if (health.kind === 'this-session-only') this.onSessionOnly(health.reason);
    });
  }

  private cancelSave(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
  }

  private openStore(): Promise<CalibrationStore> {
    this.store ??= this.openStoreWith();
    return this.store;
  }
}
