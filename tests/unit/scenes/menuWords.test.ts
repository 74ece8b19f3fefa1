import { describe, expect, it } from 'vitest';
import { menuHeadWords } from '../../../src/scenes/menuWords';
import type { Services } from '../../../src/scenes/services';
import { PlayerSettingsStore } from '../../../src/storage/playerSettings';
import { createMemoryStore } from '../../../src/storage/safeStorage';

function services(
  head: { complete: boolean; isOn: boolean; kind: string; fits?: boolean },
  steering: boolean,
) {
  const settings = new PlayerSettingsStore(createMemoryStore());
  return {
    head: {
      complete: head.complete,
      isOn: head.isOn,
      headState: { kind: head.kind },
      calibrationFits: head.fits ?? true,
    },
    signals: { steering, pose: null, faceSeen: true, onChange: () => () => {} },
    settings,
  } as unknown as Pick<Services, 'head' | 'signals' | 'settings'>;
}

describe('what the menu says about head control', () => {
  it('tells a returning player it is ready and how to start with the head', () => {
    const ready = services({ complete: true, isOn: true, kind: 'on' }, true);
    expect(menuHeadWords(ready, false, true).line).toBe('HEAD CONTROL READY - HOLD ↑ TO PLAY');
    expect(menuHeadWords(ready, false, false).line).toBe('HEAD CONTROL READY');
    ready.settings.update({ startPose: 'down' });
    expect(menuHeadWords(ready, false, true).hint).toBe(
      'Head control is ready: hold down for 1 second to play.',
    );
    ready.settings.update({ holdTime: 2000 });
    expect(menuHeadWords(ready, false, true).hint).toBe(
      'Head control is ready: hold down for 2 seconds to play.',
    );
    const starting = services({ complete: true, isOn: true, kind: 'loading-model' }, false);
    starting.settings.update({ holdTime: 500 });
    expect(menuHeadWords(starting, false, true).hint).toMatch(/hold up for 0\.5 seconds to play/);
  });

  it('tells a returning player whose calibration no longer fits that a touch-up comes', () => {
    const drifted = services({ complete: true, isOn: true, kind: 'on', fits: false }, true);
    const words = menuHeadWords(drifted, false, true);
    expect(words.line).toBe("CALIBRATION DOESN'T FIT: TOUCH-UP");
    expect(words.hint).toMatch(/starts by itself, or press T/);
    const running = { ...drifted, touchUp: { running: true } } as unknown as typeof drifted;
    expect(menuHeadWords(running, false, true).hint).toMatch(/hold each pose as the countdown/);
  });

  it('explains the first visit, and says what is missing otherwise', () => {
    const none = services({ complete: false, isOn: false, kind: 'off' }, false);
    const first = menuHeadWords(none, true, true).hint;
    expect(first).toMatch(/asks for the camera/);
    expect(first).toMatch(/stays on this device/);
    expect(first).toMatch(/one minute/);
    expect(menuHeadWords(none, false, true).line).toBe('HEAD CONTROL: 1 MINUTE TO SET UP');
    const off = services({ complete: true, isOn: false, kind: 'off' }, false);
    expect(menuHeadWords(off, false, true).line).toMatch(/OFF/);
    const starting = services({ complete: true, isOn: true, kind: 'loading-model' }, false);
    expect(menuHeadWords(starting, false, true).line).toMatch(/STARTING/);
    const broken = services({ complete: true, isOn: true, kind: 'camera-problem' }, false);
    expect(menuHeadWords(broken, false, true).hint).toMatch(/Enter or a tap plays/);
  });

  it('says a saved calibration too old to use is recorded again in one step', () => {
    const old = services({ complete: false, isOn: false, kind: 'off' }, false) as unknown as {
      head: { headState: { kind: string; note: string } };
    };
    old.head.headState = {
      kind: 'off',
      note: 'Your saved calibration cannot be used: it was made by an earlier version.',
    };
    const words = menuHeadWords(
      old as unknown as Pick<Services, 'head' | 'signals' | 'settings'>,
      false,
      true,
    );
    expect(words.line).toBe('OLD CALIBRATION: H RECORDS IT AGAIN');
    expect(words.line.length).toBeLessThanOrEqual(37);
    expect(words.hint).toMatch(/cannot be used.*Play with your head \(H\)/);
  });

  it('fits every line in the pixel font screen (37 characters)', () => {
    for (const [complete, isOn, kind, steering] of [
      [true, true, 'on', true],
      [false, false, 'off', false],
      [true, false, 'off', false],
      [true, true, 'model-problem', false],
      [true, true, 'starting-camera', false],
    ] as const) {
      const line = menuHeadWords(services({ complete, isOn, kind }, steering), false, true).line;
      expect(line.length, line).toBeLessThanOrEqual(37);
    }
  });
});
