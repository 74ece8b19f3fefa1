/**
 * What the engine's confidence (poseConfidence.ts) and "calibration no longer fits" signal
 * (calibrationFit.ts) would have said on Pointing'04, with exactly those functions: per
 * person, series and draw, a calibration of N shots per pose (with mirror images), then
 *  - other-session photos: prediction (k=1), its confidence, nearest similarity;
 *  - same-session photos not used as shots: nearest similarity (the calibration should fit);
 *  - another person's photos (the next person's same series): nearest similarity (it should
 *    not fit).
 */
import {
  FAR_SHARE_NO_LONGER_FITS as FLAGGED_SHARE,
  farThreshold,
  type FarRule,
} from '../../../src/vision/engine/classifier/calibrationFit';
import {
  confidenceScale,
  poseConfidence,
  similarityMargin,
} from '../../../src/vision/engine/classifier/poseConfidence';
import {
  bestPerPose,
  nearestSimilarity,
  prepareShots,
} from '../../../src/vision/engine/classifier/shotSimilarity';
import { perPose, type Pose } from '../../../src/vision/poses';
import type { PoseSample } from '../../../src/vision/poseSamples';
import { markdownTable } from '../../node/accuracyReport';
import type { PipelineVectors } from '../../node/faceVectors';
import { chooseShots, type Shots } from '../../node/knnEvaluation';
import type { PosePhoto } from '../../node/pointing04';

export interface Judged {
  readonly person: string;
  readonly correct: boolean;
  readonly confidence: number;
  readonly nearest: number;
}

export type Where = 'other session' | 'same session' | 'another person';

export interface FarFlag {
  readonly person: string;
  /** Which calibration (person, series, draw) judged the frame. */
  readonly calibration: number;
  readonly far: boolean;
  /** Whether the frame's pose was recognised (not for another person's frames). */
  readonly correct?: boolean;
}

export interface StudyResult {
  /** Other-session test photos with their prediction's confidence. */
  readonly judged: Judged[];
  /** Per rule (by its label) and where: far flags, with the person and the calibration. */
  readonly far: Map<string, Map<Where, FarFlag[]>>;
  /** The scales of the calibrations (median leave-one-out margin), for the report. */
  readonly scales: number[];
  readonly calibrations: number;
  readonly withoutScale: number;
}

export function ruleLabel(rule: FarRule): string {
  const base = rule.percentile === 0 ? 'minimum' : `${rule.percentile}th percentile`;
  return rule.factor === 1 ? base : `${base} x ${rule.factor}`;
}

export function runConfidenceStudy(
  photos: readonly PosePhoto[],
  pipeline: PipelineVectors,
  rules: readonly FarRule[],
  options: { shots: Shots; draws: number; seed: number },
): StudyResult {
  const n = photos.length;
  const usable = (i: number): boolean => pipeline.usable?.[i] ?? true;
  const vector = (i: number): Float32Array => pipeline.vectors[i] as Float32Array;
  const people = [...new Set(photos.map((p) => p.person))];
  const judged: Judged[] = [];
  const scales: number[] = [];
  let calibrations = 0;
  let withoutScale = 0;
  const far: StudyResult['far'] = new Map(
    rules.map((rule) => [
      ruleLabel(rule),
      new Map<Where, FarFlag[]>([
        ['other session', []],
        ['same session', []],
        ['another person', []],
      ]),
    ]),
  );

  people.forEach((person, p) => {
    const nextPerson = people[(p + 1) % people.length] as string;
    const own = photos.flatMap((photo, i) => (photo.person === person && usable(i) ? [i] : []));
    for (const series of [1, 2]) {
      const calibration = own.filter((i) => photos[i]?.series === series);
      const otherSession = own.filter((i) => photos[i]?.series !== series);
      const stranger = photos.flatMap((photo, i) =>
        photo.person === nextPerson && photo.series === series && usable(i) ? [i] : [],
      );
      const draws = options.shots === 'all' ? 1 : options.draws;
      for (let draw = 0; draw < draws; draw++) {
        const chosen = chooseShots(
          photos,
          calibration,
          { person, series, shots: options.shots, draw },
          options.seed,
        );
        const used = new Set([...chosen.values()].flat());
        const samples = perPose((pose: Pose) =>
          (chosen.get(pose) ?? []).map((i): PoseSample => ({
            features: vector(i),
            mirrored: vector(i + n),
          })),
        );
        const prepared = prepareShots(samples);
        const scale = confidenceScale(prepared);
        calibrations++;
        if (scale === null) withoutScale++;
        else scales.push(scale);
        const thresholds = rules.map((rule) => farThreshold(prepared, rule));

        const record = (where: Where, indexes: readonly number[], withTruth: boolean): void => {
          for (const i of indexes) {
            const best = bestPerPose(prepared, vector(i));
            const nearest = nearestSimilarity(best);
            const margin = similarityMargin(best);
            const correct = margin?.pose === photos[i]?.pose;
            if (where === 'other session') {
              judged.push({
                person,
                correct,
                confidence:
                  scale === null || margin === null ? 0 : poseConfidence(margin.margin, scale),
                nearest,
              });
            }
            rules.forEach((rule, r) => {
              const threshold = thresholds[r] ?? null;
              far
                .get(ruleLabel(rule))
                ?.get(where)
                ?.push({
                  person,
                  calibration: calibrations,
                  far: threshold !== null && nearest < threshold,
                  ...(withTruth ? { correct } : {}),
                });
            });
          }
        };
        record('other session', otherSession, true);
        record(
          'same session',
          calibration.filter((i) => !used.has(i)),
          true,
        );
        record('another person', stranger, false);
      }
    }
  });
  return { judged, far, scales, calibrations, withoutScale };
}

const pct = (value: number): string => (Number.isFinite(value) ? (100 * value).toFixed(1) : '–');

export function confidenceTable(result: StudyResult, thresholds: readonly number[]): string {
  const all = result.judged;
  const accuracy = (items: readonly Judged[]): number =>
    items.length === 0 ? Number.NaN : items.filter((j) => j.correct).length / items.length;
  return markdownTable(
    ['confidence threshold', 'share of frames above', 'accuracy above', 'accuracy below'],
    [
      ['(all frames)', '100.0 %', `${pct(accuracy(all))} %`, '–'],
      ...thresholds.map((t) => {
        const above = all.filter((j) => j.confidence > t);
        const below = all.filter((j) => j.confidence <= t);
        return [
          `> ${t}`,
          `${pct(above.length / all.length)} %`,
          `${pct(accuracy(above))} %`,
          `${pct(accuracy(below))} % (${below.length} frames)`,
        ];
      }),
    ],
  );
}

function share(items: ReadonlyArray<{ far: boolean }>): number {
  return items.length === 0 ? Number.NaN : items.filter((i) => i.far).length / items.length;
}

export function farTable(result: StudyResult): string {
  const rows = [...result.far.entries()].map(([label, byWhere]) => {
    const other = byWhere.get('other session') ?? [];
    const accuracyOf = (far: boolean): number => {
      const items = other.filter((i) => i.far === far);
      return items.length === 0 ? Number.NaN : items.filter((i) => i.correct).length / items.length;
    };
    const perPerson = (where: Where): number[] => {
      const items = byWhere.get(where) ?? [];
      const people = [...new Set(items.map((i) => i.person))];
      return people.map((person) => share(items.filter((i) => i.person === person)));
    };
    const range = (values: number[]): string =>
      `${pct(Math.min(...values))}–${pct(Math.max(...values))}`;
    // Each calibration's test photos stand in for a stretch of play (~50 frames).
    const flagged = (where: Where): string => {
      const byCalibration = new Map<number, FarFlag[]>();
      for (const flag of byWhere.get(where) ?? []) {
        byCalibration.set(flag.calibration, [...(byCalibration.get(flag.calibration) ?? []), flag]);
      }
      const shares = [...byCalibration.values()].map(share);
      return pct(shares.filter((s) => s > FLAGGED_SHARE).length / shares.length);
    };
    return [
      label,
      `${pct(share(byWhere.get('same session') ?? []))} % (${range(perPerson('same session'))})`,
      `${pct(share(other))} % (${range(perPerson('other session'))})`,
      `${pct(share(byWhere.get('another person') ?? []))} %`,
      `${pct(accuracyOf(false))} % / ${pct(accuracyOf(true))} %`,
      `${flagged('same session')} / ${flagged('other session')} / ${flagged('another person')} %`,
    ];
  });
  return markdownTable(
    [
      'far when nearest <',
      'far, same session (per-person range)',
      'far, other session (per-person range)',
      'far, another person',
      'accuracy other session: not far / far',
      `calibrations with > ${100 * FLAGGED_SHARE} % of their frames far: same / other session / another person`,
    ],
    rows,
  );
}

export function farPerPersonTable(result: StudyResult, label: string): string {
  const byWhere = result.far.get(label);
  if (byWhere === undefined) return '';
  const people = [...new Set((byWhere.get('other session') ?? []).map((i) => i.person))];
  const accuracyOf = (person: string): number => {
    const own = result.judged.filter((j) => j.person === person);
    return own.filter((j) => j.correct).length / own.length;
  };
  return markdownTable(
    [
      'person',
      'far, same session',
      'far, other session',
      'far, another person',
      'accuracy, other session (N=3)',
    ],
    people.map((person) => [
      person.replace('pointing04_', ''),
      ...(['same session', 'other session', 'another person'] as Where[]).map(
        (where) => `${pct(share((byWhere.get(where) ?? []).filter((i) => i.person === person)))} %`,
      ),
      `${pct(accuracyOf(person))} %`,
    ]),
  );
}
