/**
 * Whether the calibration still serves the player, judged over the recent predictions, with
 * hysteresis so the notice does not blink. One odd frame means nothing; a share of the last
 * stretch of play over a line means the player should hear of it and be offered a touch-up.
 *
 * Two rules, one watch each (headSteering.ts):
 *  - STEERING_IN_TROUBLE, while the head's angles are measured: the picture and the angles
 *    disagree (poseClassifier.ts `gated`: the nearest shots named a turn the head had not made,
 *    or the head had clearly made a turn the picture read as straight). That is steering in
 *    trouble: a reading one of the two gets wrong.
 *  - FAR_FROM_THE_SHOTS, without the angles (the face mesh did not start): most frames are far
 *    from every shot (engine/classifier/calibrationFit.ts), the only sign there is.
 *
 * Far alone no longer offers a touch-up while the angles are measured: it does not predict
 * errors. Measured in the real-day study (tools/real-day.ts; 15 Pointing'04 people, 150 s each,
 * calibrated on one session, playing the other; games with a touch-up offered, by how well the
 * game read the player):
 *
 *   condition              rule                 agreement >= 95 %   85-95 %   < 85 %
 *   turns 30-90            far share > 0.2      9 of 9              6 of 6    -
 *                          disagree > 0.15      0 of 9              2 of 6    -
 *   turns of 30            far share > 0.2      6 of 8              4 of 5    2 of 2
 *                          disagree > 0.15      1 of 8              1 of 5    2 of 2
 *   turns of 15            far share > 0.2      5 of 6              2 of 4    4 of 5
 *                          disagree > 0.15      1 of 6              1 of 4    5 of 5
 *   someone else sits      far share > 0.2      3 of 3              7 of 7    5 of 5
 *   down                   disagree > 0.15      0 of 3              0 of 7    3 of 5
 * Someone else is read by the angles as well as by their own shots, often: they are told only
 * when steering goes wrong for them.
 *
 * Then (2026-12-07, the same study with the final angle rule; `--touch-ups`), games with a
 * touch-up offered, the disagreement share over 30 s (300 predictions, judged from 150) against
 * 60 s (600, judged from 300):
 *
 *   condition       rule                   agreement >= 95 %   85-95 %   < 85 %
 *   turns 30-90     disagree > 0.15, 30 s  1 of 10             1 of 5    -
 *                   disagree > 0.2, 60 s   0 of 10             1 of 5    -
 *   turns of 30     disagree > 0.15, 30 s  1 of 8              0 of 4    2 of 3
 *                   disagree > 0.2, 60 s   0 of 8              0 of 4    1 of 3
 *   turns of 15     disagree > 0.15, 30 s  1 of 5              3 of 6    4 of 4
 *                   disagree > 0.2, 60 s   1 of 5              3 of 6    4 of 4
 *   dim room        disagree > 0.15, 30 s  2 of 10             3 of 5    -
 *                   disagree > 0.2, 60 s   0 of 10             2 of 5    -
 *   someone else    disagree > 0.15, 30 s  0 of 3              0 of 7    3 of 5
 *                   disagree > 0.2, 60 s   0 of 3              0 of 7    2 of 5
 * A touch-up a player the game reads right did not need: 5 of 36 games -> 1 of 36; games read
 * under 85 % flagged: 9 of 12 -> 7 of 12. An unneeded touch-up interrupts a game that went
 * well; a player it misses still has Calibrate on the menu.
 */
import { FAR_SHARE_NO_LONGER_FITS } from '../engine/classifier/calibrationFit';

export interface FitRule {
  /** Predictions looked at. */
  readonly window: number;
  /** At least this many before judging (a fresh start says nothing). */
  readonly least: number;
  /** More than this share of them: it no longer serves. */
  readonly over: number;
  /** This share or fewer: it serves again. */
  readonly clearsAt: number;
}

/**
 * About a minute of predictions at ten a second, judged from thirty seconds: over half a
 * minute a player the game reads right can meet a stretch of poses the picture half-mistakes
 * (games read >= 95 % right offered one 5 of 36 times with 30 s and 0.15, 1 of 36 now).
 */
export const STEERING_IN_TROUBLE: FitRule = {
  window: 600,
  least: 300,
  over: 0.2,
  clearsAt: 0.1,
};

/** About three seconds at thirty a second (engine/classifier/calibrationFit.ts). */
export const FAR_FROM_THE_SHOTS: FitRule = {
  window: 90,
  least: 45,
  over: FAR_SHARE_NO_LONGER_FITS,
  clearsAt: FAR_SHARE_NO_LONGER_FITS / 2,
};

export class FitWatch {
  private readonly recent: boolean[] = [];
  private hits = 0;
  private failing = false;

  constructor(readonly rule: FitRule = FAR_FROM_THE_SHOTS) {}

  get fits(): boolean {
    return !this.failing;
  }

  /** One prediction's verdict (true: it counts against the calibration); true when `fits` changed. */
  frame(against: boolean): boolean {
    const { window, least, over, clearsAt } = this.rule;
    this.recent.push(against);
    if (against) this.hits++;
    if (this.recent.length > window && this.recent.shift() === true) this.hits--;
    if (this.recent.length < least) return false;
    const share = this.hits / this.recent.length;
    const before = this.failing;
    if (!this.failing && share > over) this.failing = true;
    else if (this.failing && share <= clearsAt) this.failing = false;
    return this.failing !== before;
  }

  /** The shots changed (a touch-up, a new calibration): judge afresh. */
  reset(): boolean {
    const changed = this.failing;
    this.recent.length = 0;
    this.hits = 0;
    this.failing = false;
    return changed;
  }
}
