/**
 * The touch-up's burst check on the real day (tools/real-day.ts `--burst-check`): each person,
 * calibrated as in the study, records a touch-up burst (a still head: BURST shots of one photo)
 * of every photo of the other day the condition plays, asked for the pose it shows and for
 * others; the game's check (engine/classifier/burstCheck.ts) judges it against the calibration,
 * reading each shot with the picture alone (before) or with the head's angles vouching for a
 * turn play would take on them. A burst of the pose asked for should be kept, any other dropped.
 */
import { judgeBurst } from '../../src/vision/engine/classifier/burstCheck';
import { POSES, perPose, type Pose } from '../../src/vision/poses';
import type { PoseSample, PoseSamples } from '../../src/vision/poseSamples';

/** Shots in a burst: a still head's 2 s (the study's calibration and touch-ups record as many). */
export const BURST = 20;

export interface BurstTally {
  /** Bursts of the pose asked for, and of those dropped. */
  right: number;
  rightDropped: number;
  /** Straight shown when a turn was asked for, and of those kept. */
  straightForTurn: number;
  straightForTurnKept: number;
  /** A turn shown when straight was asked for, and of those kept. */
  turnForStraight: number;
  turnForStraightKept: number;
  /** Another turn shown than the one asked for, and of those kept. */
  otherTurn: number;
  otherTurnKept: number;
}

export function newBurstTally(): BurstTally {
  return {
    right: 0,
    rightDropped: 0,
    straightForTurn: 0,
    straightForTurnKept: 0,
    turnForStraight: 0,
    turnForStraightKept: 0,
    otherTurn: 0,
    otherTurnKept: 0,
  };
}

/**
 * Adds one person's bursts to `tally`: `played` holds, per pose, the photos (indices into
 * `vector`) the condition plays for it.
 */
export function tallyBursts(
  tally: BurstTally,
  calibration: PoseSamples,
  played: Readonly<Record<Pose, readonly number[]>>,
  vector: (photo: number) => PoseSample | null,
  anglesAtEnd: boolean,
): void {
  for (const shown of POSES) {
    for (const photo of played[shown]) {
      const shot = vector(photo);
      if (shot === null) continue;
      for (const asked of POSES) {
        const samples = perPose((pose) =>
          pose === asked
            ? [...calibration[pose], ...Array.from({ length: BURST }, () => shot)]
            : calibration[pose],
        );
        const kept = judgeBurst(samples, asked, calibration[asked].length, { anglesAtEnd }).kept;
        if (asked === shown) {
          tally.right++;
          if (!kept) tally.rightDropped++;
        } else if (shown === 'neutral') {
          tally.straightForTurn++;
          if (kept) tally.straightForTurnKept++;
        } else if (asked === 'neutral') {
          tally.turnForStraight++;
          if (kept) tally.turnForStraightKept++;
        } else {
          tally.otherTurn++;
          if (kept) tally.otherTurnKept++;
        }
      }
    }
  }
}

/** One table row: the share of each kind of burst that went the wrong way. */
export function burstRow(label: string, t: BurstTally): string[] {
  const pct = (a: number, b: number): string => (b === 0 ? '–' : ((100 * a) / b).toFixed(1));
  return [
    label,
    `${pct(t.rightDropped, t.right)} (${t.right})`,
    pct(t.straightForTurnKept, t.straightForTurn),
    pct(t.turnForStraightKept, t.turnForStraight),
    pct(t.otherTurnKept, t.otherTurn),
  ];
}

export const BURST_TABLE_HEADER = [
  'condition, reading',
  'right pose dropped % (bursts)',
  'straight kept as a turn %',
  'a turn kept as straight %',
  'another turn kept %',
];
