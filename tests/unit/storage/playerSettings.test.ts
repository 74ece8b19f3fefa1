import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLAYER_SETTINGS,
  parsePlayerSettings,
  PLAYER_SETTINGS_KEY,
  PlayerSettingsStore,
  readPlayerSettings,
  writePlayerSettings,
} from '../../../src/storage/playerSettings';
import { createMemoryStore, type KeyValueStore } from '../../../src/storage/safeStorage';

describe('player settings on load', () => {
  it('are the defaults when nothing is stored: voice cues on, 100 %, start pose up held 1 s', () => {
    expect(readPlayerSettings(createMemoryStore())).toEqual({
      voiceCues: true,
      gameSpeed: 100,
      startPose: 'up',
      holdTime: 1000,
      introSeen: false,
    });
  });

  it('turn garbage into the defaults, never a crash', () => {
    const garbage = [
      null,
      '',
      '{',
      'null',
      '42',
      '"text"',
      '[1,2]',
      'x'.repeat(5000),
      '{"__proto__":{"gameSpeed":60}}',
    ];
    for (const raw of garbage) expect(parsePlayerSettings(raw)).toEqual(DEFAULT_PLAYER_SETTINGS);
  });

  it('keep every valid field and give a bad one its default', () => {
    const raw = JSON.stringify({
      voiceCues: 'no',
      gameSpeed: 60,
      startPose: 'neutral',
      holdTime: 750,
      introSeen: true,
      extra: 'ignored',
    });
    expect(parsePlayerSettings(raw)).toEqual({
      voiceCues: true,
      gameSpeed: 60,
      startPose: 'up',
      holdTime: 1000,
      introSeen: true,
    });
    expect(parsePlayerSettings('{"holdTime":2000}').holdTime).toBe(2000);
    for (const bad of ['"500"', '0', '-500', '1e9', 'null', 'true', '[500]']) {
      expect(parsePlayerSettings(`{"holdTime":${bad}}`).holdTime).toBe(1000);
    }
    expect(parsePlayerSettings('{"gameSpeed":55,"startPose":"left"}')).toMatchObject({
      gameSpeed: 100,
      startPose: 'left',
    });
  });

  it('survive a store that throws', () => {
    const hostile: KeyValueStore = {
      get: () => {
        throw new Error('SecurityError');
      },
      set: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readPlayerSettings(hostile)).toEqual(DEFAULT_PLAYER_SETTINGS);
    expect(() => writePlayerSettings(hostile, DEFAULT_PLAYER_SETTINGS)).not.toThrow();
    const settings = new PlayerSettingsStore(hostile);
    settings.update({ gameSpeed: 80 });
    expect(settings.value.gameSpeed).toBe(80);
  });
});

describe('PlayerSettingsStore', () => {
  it('saves each change, tells listeners, and reads it back on the next visit', () => {
    const store = createMemoryStore();
    const settings = new PlayerSettingsStore(store);
    const heard: number[] = [];
    settings.onChange((value) => heard.push(value.gameSpeed));
    settings.update({ gameSpeed: 60, startPose: 'down', voiceCues: false, holdTime: 500 });
    expect(heard).toEqual([60]);
    expect(JSON.parse(store.get(PLAYER_SETTINGS_KEY) ?? '{}')).toMatchObject({
      gameSpeed: 60,
      holdTime: 500,
    });
    expect(new PlayerSettingsStore(store).value).toEqual({
      voiceCues: false,
      gameSpeed: 60,
      startPose: 'down',
      holdTime: 500,
      introSeen: false,
    });
    expect(readPlayerSettings(store).voiceCues).toBe(false);
  });

  it('refuses invalid values and stays silent when nothing changes', () => {
    const settings = new PlayerSettingsStore(createMemoryStore());
    let calls = 0;
    settings.onChange(() => calls++);
    settings.update({ gameSpeed: 55 as never, startPose: 'neutral' as never });
    settings.update({ holdTime: 1500 as never });
    settings.update({ gameSpeed: 100 });
    expect(calls).toBe(0);
    expect(settings.value).toEqual(DEFAULT_PLAYER_SETTINGS);
  });
});
