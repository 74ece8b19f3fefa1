/**
 * The rows of the settings panel, each a small model: its name, its options, which one is in
 * force, and how to change it. Sound and head control are changed through their owners (the
 * sound engine, head control) so their own saved flags stay the one truth; the rest live in
 * the player settings (src/storage/playerSettings.ts).
 */
import { GAME_SPEEDS, isGameSpeed } from '../../game/gameSpeed';
import { HOLD_TIMES, holdInWords, holdShort, isHoldTime } from '../../handsFree/holdTime';
import { isStartPose, START_POSES } from '../../handsFree/startPose';
import type { PlayerSettingsStore } from '../../storage/playerSettings';

export interface SettingOption {
  readonly value: string;
  readonly label: string;
}

export type SettingRowId = 'sound' | 'voice' | 'speed' | 'start-pose' | 'hold-time' | 'head';

export interface SettingRow {
  readonly id: SettingRowId;
  readonly name: string;
  readonly options: readonly SettingOption[];
  /** Whether holding the start pose may change it (see `head` below). */
  readonly byHead: boolean;
  current(): string;
  /** False for an option that cannot be chosen now (head control without a calibration). */
  allowed(value: string): boolean;
  choose(value: string): void;
  /** A line under the row, or ''. */
  note(): string;
}

/** What the panel needs of the sound engine. */
export interface SoundSwitch {
  readonly muted: boolean;
  setMuted(muted: boolean): void;
}

/** What the panel needs of head control. */
export interface HeadSwitch {
  readonly isOn: boolean;
  /** Every pose has enough shots. */
  readonly complete: boolean;
  start(): Promise<void>;
  stop(): void;
}

const ON_OFF: readonly SettingOption[] = [
  { value: 'on', label: 'On' },
  { value: 'off', label: 'Off' },
];

export function settingRows(
  sound: SoundSwitch,
  settings: PlayerSettingsStore,
  head: HeadSwitch,
): SettingRow[] {
  const always = (): boolean => true;
  const noNote = (): string => '';
  return [
    {
      id: 'sound',
      name: 'Sound',
      options: ON_OFF,
      byHead: true,
      current: () => (sound.muted ? 'off' : 'on'),
      allowed: always,
      choose: (value) => sound.setMuted(value === 'off'),
      note: noNote,
    },
    {
      id: 'voice',
      name: 'Voice cues',
      options: ON_OFF,
      byHead: true,
      current: () => (settings.value.voiceCues ? 'on' : 'off'),
      allowed: always,
      choose: (value) => settings.update({ voiceCues: value === 'on' }),
      note: () => 'Spoken cues while you record your poses.',
    },
    {
      id: 'speed',
      name: 'Game speed',
      options: GAME_SPEEDS.map((speed) => ({ value: String(speed), label: `${speed} %` })),
      byHead: true,
      current: () => String(settings.value.gameSpeed),
      allowed: always,
      choose: (value) => {
        const speed = Number(value);
        if (isGameSpeed(speed)) settings.update({ gameSpeed: speed });
      },
      note: () => 'Everything moves slower; high scores show the speed.',
    },
    {
      id: 'start-pose',
      name: 'Start pose',
      options: START_POSES.map((pose) => ({
        value: pose,
        label: pose.charAt(0).toUpperCase() + pose.slice(1),
      })),
      byHead: true,
      current: () => settings.value.startPose,
      allowed: always,
      choose: (value) => {
        if (isStartPose(value)) settings.update({ startPose: value });
      },
      note: () => `Hold it ${holdInWords()} to start a game or choose.`,
    },
    {
      id: 'hold-time',
      name: 'Hold to choose',
      options: HOLD_TIMES.map((ms) => ({ value: String(ms), label: holdShort(ms) })),
      // By head too: a player who cannot hold a pose for a second must be able to shorten it.
      byHead: true,
      current: () => String(settings.value.holdTime),
      allowed: always,
      choose: (value) => {
        const ms = Number(value);
        if (isHoldTime(ms)) settings.update({ holdTime: ms });
      },
      note: () => 'Shorter if holding a pose is hard; longer to choose only on purpose.',
    },
    {
      id: 'head',
      name: 'Head control',
      options: ON_OFF,
      // Turned off by head, head control could not be turned back on by head: keys and touch.
      byHead: false,
      current: () => (head.isOn ? 'on' : 'off'),
      allowed: (value) => value === 'off' || head.complete,
      choose: (value) => {
        if (value === 'off') head.stop();
        else if (head.complete) void head.start();
      },
      note: () =>
        head.complete ? '' : 'Not set up yet: choose Play with your head on the menu (one minute).',
    },
  ];
}
