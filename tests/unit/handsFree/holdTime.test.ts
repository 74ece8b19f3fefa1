import { afterEach, describe, expect, it } from 'vitest';
import { DwellTimer } from '../../../src/handsFree/dwellTimer';
import { HeadChooser } from '../../../src/handsFree/headChooser';
import { holdSentence, schemeLine, schemeSentence } from '../../../src/handsFree/headWords';
import {
  DEFAULT_HOLD_TIME,
  followHoldTime,
  holdTime,
  setHoldTime,
} from '../../../src/handsFree/holdTime';
import { PlayerSettingsStore } from '../../../src/storage/playerSettings';
import { createMemoryStore } from '../../../src/storage/safeStorage';
import type { Pose } from '../../../src/vision/poses';

afterEach(() => setHoldTime(DEFAULT_HOLD_TIME));

/** Shows `pose` every 50 ms from `from` to `to` (inclusive); the time it chose, or null. */
function choosesAt(chooser: HeadChooser, pose: Pose, from: number, to: number): number | null {
  for (let t = from; t <= to; t += 50) if (chooser.update(pose, t) !== null) return t;
  return null;
}

/** A chooser on the start pose up, let go once (so it may fill from `at` on). */
function letGo(chooser: HeadChooser, at: number): void {
  chooser.update('neutral', at - 50);
}

describe("the player's hold time", () => {
  it('is 1 s unless chosen, and refuses anything but 0.5, 1 or 2 s', () => {
    expect(holdTime()).toBe(1000);
    for (const bad of [0, 750, -500, Number.NaN, '500', null]) setHoldTime(bad);
    expect(holdTime()).toBe(1000);
    setHoldTime(500);
    expect(holdTime()).toBe(500);
  });

  it('follows the settings, and every chooser takes it at once, one already on screen too', () => {
    const settings = new PlayerSettingsStore(createMemoryStore());
    const onScreen = new HeadChooser({ count: 2, startPose: 'up' });
    followHoldTime(settings);
    settings.update({ holdTime: 500 });
    // Held from 0 (counted from the second look on, within a look's rounding).
    letGo(onScreen, 0);
    expect(choosesAt(onScreen, 'up', 0, 2000)).toBeOneOf([500, 550]);
    settings.update({ holdTime: 2000 });
    letGo(onScreen, 3000);
    expect(choosesAt(onScreen, 'up', 3000, 6000)).toBeOneOf([5000, 5050]);
    // A new chooser too, and the dwell's draining follows (half the hold).
    const later = new HeadChooser({ count: 2, startPose: 'up' });
    letGo(later, 0);
    expect(choosesAt(later, 'up', 0, 1500)).toBeNull();
    expect(later.fill).toBeCloseTo(0.75);
    later.update('neutral', 1550);
    later.update('neutral', 1950);
    expect(later.fill).toBeCloseTo(0.3);
  });

  it('reads the stored setting on the next visit', () => {
    const store = createMemoryStore();
    new PlayerSettingsStore(store).update({ holdTime: 2000 });
    followHoldTime(new PlayerSettingsStore(store));
    expect(holdTime()).toBe(2000);
  });

  it('leaves a timer with a hold of its own alone', () => {
    setHoldTime(2000);
    const timer = new DwellTimer(1000);
    timer.update(false, 0);
    let chose = -1;
    for (let t = 50; t <= 1500 && chose < 0; t += 50) if (timer.update(true, t)) chose = t;
    expect(chose).toBe(1050);
  });

  it('is said in every line: exactly as ever at 1 s, the time chosen otherwise', () => {
    expect(holdSentence('up', 'play')).toBe('Hold up for 1 second to play.');
    expect(schemeLine('up')).toBe('HEAD: ← → MOVE, HOLD ↑ 1 SEC: CHOOSE');
    setHoldTime(500);
    expect(holdSentence('up', 'play')).toBe('Hold up for 0.5 seconds to play.');
    expect(schemeSentence('left')).toBe(
      'Turn up or down to move between choices; hold left for 0.5 seconds to choose.',
    );
    expect(schemeLine('up')).toBe('HEAD: ← → MOVE, HOLD ↑ 0.5 S: CHOOSE');
    setHoldTime(2000);
    expect(holdSentence('down', 'play again')).toBe('Hold down for 2 seconds to play again.');
    expect(schemeLine('right')).toBe('HEAD: ↑ ↓ MOVE, HOLD → 2 SEC: CHOOSE');
    for (const ms of [500, 1000, 2000]) {
      setHoldTime(ms);
      for (const pose of ['up', 'down', 'left', 'right'] as const) {
        expect(schemeLine(pose).length).toBeLessThanOrEqual(37);
      }
    }
  });
});
