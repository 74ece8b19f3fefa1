/**
 * The touch-up's bursts (src/ui/touchUp/): each pose recorded once more, hands-free, and judged
 * before it joins the calibration (engine/classifier/burstCheck.ts): kept, or dropped while the
 * rest of the calibration stays as it was. Head control hands this one object to the touch-up, so
 * the hands-free recording and its checks live here and headControl.ts keeps to the camera, the
 * engine and the state it reports.
 */
import { judgeBurst, type BurstVerdict } from '../engine/classifier/burstCheck';
import type { Pose } from '../poses';
import type { ShotBook } from './shotBook';

/** What a burst needs of head control: recording, and telling everyone the shots changed. */
export interface BurstRecorder {
  /** False while the camera or the model is not ready. */
  startRecording(pose: Pose): boolean;
  stopRecording(): void;
  /** Shots went in another way than recording: the engine gets the whole set, storage a save. */
  shotsChanged(): void;
}

export class TouchUpBursts {
  constructor(
    private readonly shots: ShotBook,
    private readonly recorder: BurstRecorder,
  ) {}

  /** Start recording `pose` as a burst, to be judged and maybe dropped. False if not ready. */
  start(pose: Pose): boolean {
    this.shots.startBurst(pose);
    return this.recorder.startRecording(pose);
  }

  /**
   * How the latest burst of `pose` reads to the rest of the calibration. `touchUpFrom`: each
   * pose's shots before the touch-up began, the only ones compared with.
   */
  judge(pose: Pose, touchUpFrom?: Readonly<Record<Pose, number>>): BurstVerdict {
    const from = this.shots.burstStart(pose);
    // The game's shots end with the head's angles: they may vouch for a turn (burstCheck.ts).
    return judgeBurst(this.shots.view, pose, from, {
      anglesAtEnd: true,
      ...(touchUpFrom ? { touchUpFrom } : {}),
    });
  }

  /** Drop the latest burst of `pose` (not kept): the engine gets the rest. */
  drop(pose: Pose): void {
    this.recorder.stopRecording();
    if (this.shots.dropShots(pose, this.shots.burstStart(pose)) > 0) this.recorder.shotsChanged();
  }
}
