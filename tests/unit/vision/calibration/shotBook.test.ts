import { describe, expect, it } from 'vitest';
import type { CalibrationStore } from '../../../../src/vision/calibration/calibrationStore';
import { ShotBook } from '../../../../src/vision/calibration/shotBook';
import type { PoseSample } from '../../../../src/vision/poseSamples';

/** A book whose storage is never reached (no save in these tests). */
function book(): ShotBook {
  return new ShotBook(() => new Promise<CalibrationStore>(() => {}));
}

const shot = (value: number): PoseSample => ({
  features: new Float32Array([value, 1]),
  mirrored: new Float32Array([1, value]),
});

describe('the shot book: bursts', () => {
  it('remembers where a burst began and drops just its shots, as a change', () => {
    const shots = book();
    for (const value of [1, 2, 3]) shots.addRecorded('up', shot(value), true);
    shots.startBurst('up');
    expect(shots.burstStart('up')).toBe(3);
    for (const value of [4, 5]) shots.addRecorded('up', shot(value), true);
    shots.addRecorded('down', shot(9), true);
    const version = shots.version;

    expect(shots.dropShots('up', shots.burstStart('up'))).toBe(2);
    expect(shots.view.up.map((s) => s.features[0])).toEqual([1, 2, 3]);
    expect(shots.view.down).toHaveLength(1);
    expect(shots.version).toBe(version + 1);
  });

  it('drops a range in the middle, and nothing (no change) when the range is empty', () => {
    const shots = book();
    for (const value of [1, 2, 3, 4]) shots.addRecorded('left', shot(value), true);
    expect(shots.dropShots('left', 1, 3)).toBe(2);
    expect(shots.view.left.map((s) => s.features[0])).toEqual([1, 4]);
    const version = shots.version;
    expect(shots.dropShots('left', 2)).toBe(0);
    expect(shots.dropShots('right', 0)).toBe(0);
    expect(shots.version).toBe(version);
  });

  it('never points a burst past the shots there are (a pose removed, everything cleared)', () => {
    const shots = book();
    for (const value of [1, 2]) shots.addRecorded('neutral', shot(value), true);
    shots.startBurst('neutral');
    shots.removePose('neutral');
    expect(shots.burstStart('neutral')).toBe(0);
    shots.addRecorded('neutral', shot(3), true);
    shots.startBurst('neutral');
    shots.clear();
    expect(shots.burstStart('neutral')).toBe(0);
  });
});
