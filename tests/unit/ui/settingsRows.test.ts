import { describe, expect, it } from 'vitest';
import { PlayerSettingsStore } from '../../../src/storage/playerSettings';
import { createMemoryStore } from '../../../src/storage/safeStorage';
import {
  settingRows,
  type HeadSwitch,
  type SoundSwitch,
} from '../../../src/ui/settings/settingsRows';

function rig(complete: boolean) {
  const sound: SoundSwitch & { muted: boolean } = {
    muted: false,
    setMuted(muted) {
      this.muted = muted;
    },
  };
  const head: HeadSwitch & { isOn: boolean; starts: number } = {
    isOn: false,
    complete,
    starts: 0,
    start() {
      this.starts++;
      this.isOn = true;
      return Promise.resolve();
    },
    stop() {
      this.isOn = false;
    },
  };
  const settings = new PlayerSettingsStore(createMemoryStore());
  const rows = settingRows(sound, settings, head);
  const row = (id: string) => {
    const found = rows.find((r) => r.id === id);
    if (!found) throw new Error(`no row ${id}`);
    return found;
  };
  return { sound, head, settings, rows, row };
}

describe('the settings rows', () => {
  it('are sound, voice cues, game speed, start pose, hold to choose and head control, in that order', () => {
    const { rows } = rig(true);
    expect(rows.map((r) => r.id)).toEqual([
      'sound',
      'voice',
      'speed',
      'start-pose',
      'hold-time',
      'head',
    ]);
    expect(rows.find((r) => r.id === 'hold-time')?.options.map((o) => o.label)).toEqual([
      '0.5 s',
      '1 s',
      '2 s',
    ]);
    expect(rows.find((r) => r.id === 'speed')?.options.map((o) => o.label)).toEqual([
      '100 %',
      '80 %',
      '60 %',
    ]);
  });

  it('change sound through the sound engine and the rest through the saved settings', () => {
    const { sound, settings, row } = rig(true);
    row('sound').choose('off');
    expect(sound.muted).toBe(true);
    expect(row('sound').current()).toBe('off');
    row('speed').choose('60');
    row('voice').choose('off');
    row('start-pose').choose('left');
    expect(settings.value).toMatchObject({ gameSpeed: 60, voiceCues: false, startPose: 'left' });
    // Values that are not options change nothing.
    row('speed').choose('55');
    row('start-pose').choose('neutral');
    expect(settings.value).toMatchObject({ gameSpeed: 60, startPose: 'left' });
  });

  it('keep the hold to choose (1 s unless chosen), changed by head too, and refuse other times', () => {
    const { settings, row } = rig(true);
    expect(row('hold-time').current()).toBe('1000');
    expect(row('hold-time').byHead).toBe(true);
    expect(row('start-pose').note()).toBe('Hold it 1 second to start a game or choose.');
    row('hold-time').choose('500');
    expect(settings.value.holdTime).toBe(500);
    expect(row('hold-time').current()).toBe('500');
    for (const bad of ['750', '0.5', 'abc', '']) row('hold-time').choose(bad);
    expect(settings.value.holdTime).toBe(500);
  });

  it('turn head control on only with a calibration, and never by head', () => {
    const without = rig(false);
    expect(without.row('head').allowed('on')).toBe(false);
    without.row('head').choose('on');
    expect(without.head.starts).toBe(0);
    expect(without.row('head').note()).toMatch(/Play with your head/);

    const withCalibration = rig(true);
    withCalibration.row('head').choose('on');
    expect(withCalibration.head.isOn).toBe(true);
    withCalibration.row('head').choose('off');
    expect(withCalibration.head.isOn).toBe(false);
    expect(withCalibration.rows.filter((r) => !r.byHead).map((r) => r.id)).toEqual(['head']);
  });
});
