import { describe, expect, it } from 'vitest';
import type { CalibrationReport } from '../../../../src/vision/engine/classifier/calibrationReport';
import { qualityVerdict } from '../../../../src/ui/calibration/qualityVerdict';
import { perPose, type Pose } from '../../../../src/vision/poses';

function report(
  perPoseShare: Partial<Record<Pose, number | null>>,
  options: { overall?: number; confused?: readonly [Pose, Pose] } = {},
): CalibrationReport {
  const accuracyPerPose = perPose((pose) => perPoseShare[pose] ?? 1);
  const shares = Object.values(accuracyPerPose).filter((v): v is number => v !== null);
  return {
    accuracy: options.overall ?? shares.reduce((a, b) => a + b, 0) / shares.length,
    accuracyPerPose,
    confusion: perPose(() => perPose(() => 0)),
    mostConfused: options.confused ? { poses: options.confused, mistakes: 3 } : null,
    advice: null,
  };
}

describe('the quality verdict after a recording', () => {
  it('is good when every pose is recognised well, and names the weakest pose to redo', () => {
    const verdict = qualityVerdict(report({ down: 0.78 }, { confused: ['neutral', 'down'] }));
    expect(verdict).toEqual({ kind: 'good', weakest: 'down' });
    expect(qualityVerdict(report({}))).toEqual({ kind: 'good', weakest: null });
  });

  it('is poor when a pose is under 45 %, and names the turn that was taken for neutral', () => {
    // A turn not made looks neutral: neutral's own shots are then the worse recognised, but
    // recording neutral again would not help (measured through the screen: Neutral 25 %,
    // Left 35-40 % when the player looked straight while Left was asked).
    const verdict = qualityVerdict(
      report({ neutral: 0.25, left: 0.4 }, { confused: ['neutral', 'left'] }),
    );
    expect(verdict).toEqual({ kind: 'poor', redo: 'left', recognised: 0.4 });
  });

  it('is good at the weakest recordings measured through the screen', () => {
    // person03: 87 % overall, Down 50 % (few faces found looking down).
    const verdict = qualityVerdict(
      report({ down: 0.5, left: 0.85 }, { overall: 0.87, confused: ['neutral', 'down'] }),
    );
    expect(verdict).toEqual({ kind: 'good', weakest: 'down' });
  });

  it('between two directions, names the one recognised less often', () => {
    const verdict = qualityVerdict(report({ up: 0.3, down: 0.4 }, { confused: ['up', 'down'] }));
    expect(verdict).toMatchObject({ kind: 'poor', redo: 'up' });
  });

  it('is poor when the whole is under 75 % though no pose is under 45 %', () => {
    const verdict = qualityVerdict(
      report({ left: 0.6, right: 0.55, up: 0.8 }, { overall: 0.7, confused: ['left', 'right'] }),
    );
    expect(verdict).toMatchObject({ kind: 'poor', redo: 'right' });
  });

  it('without confusion, names the pose recognised least', () => {
    expect(qualityVerdict(report({ up: 0.3 }))).toMatchObject({ kind: 'poor', redo: 'up' });
  });

  it('says nothing bad of a report with nothing tested', () => {
    const empty = { ...report({}), accuracy: null, accuracyPerPose: perPose(() => null) };
    expect(qualityVerdict(empty)).toEqual({ kind: 'good', weakest: null });
  });
});
