/**
 * What the scenes share, handed over once by main.ts through the game registry, so scenes
 * never import globals and a second game on the page would get its own set.
 */
import type Phaser from 'phaser';
import type { GameSounds } from '../audio/gameSounds';
import type { SoundEngine } from '../audio/soundEngine';
import type { InputHub } from '../input/inputHub';
import type { HeadSignals } from '../handsFree/headSignals';
import type { StartPose } from '../handsFree/startPose';
import type { HighScoreTable } from '../storage/highScores';
import type { PlayerSettingsStore } from '../storage/playerSettings';
import type { CalibrationHandlers } from '../ui/calibration/calibrationScreen';
import type { LiveRegion } from '../ui/liveRegion';
import type { SettingsPanel } from '../ui/settings/settingsPanel';
import type { TouchUp } from '../ui/touchUp/touchUp';
import type { HeadControl } from '../vision/headControl';
import type { Pose } from '../vision/poses';

export interface CalibrationOpenOptions {
  /**
   * Start the hands-free recording by itself after this many milliseconds, for a player who
   * chose "Play with your head" and may have no hands to press anything.
   */
  readonly handsFreeAfterMs?: number;
}

/**
 * What the scenes use of the calibration screen (src/ui/calibration/). `open` takes the
 * options the hands-free front door passes; a screen that does not know them yet simply
 * ignores the second argument.
 */
export interface CalibrationDoor {
  readonly isOpen: boolean;
  open(handlers: CalibrationHandlers, options?: CalibrationOpenOptions): void;
  close(): void;
  requestClose(): void;
  /**
   * One frame of the head: after the recording the head chooses Play, Record again or Menu.
   * Returns the hold's fill (0 to 1) and what holding does now, for the live region.
   */
  tick(
    steering: boolean,
    pose: Pose | null,
    startPose: StartPose,
    now: number,
  ): { fill: number; hint: string };
}

/**
 * How the player chose to play this game: 'head' (hands-free: looking away pauses, the face
 * back resumes) or 'keys' (keys, touch, gamepad; head control still steers if it is on, but
 * never pauses the game).
 */
export type PlayMode = 'head' | 'keys';

export interface PlayData {
  readonly mode: PlayMode;
}

export interface Services {
  readonly hub: InputHub;
  readonly sound: SoundEngine;
  readonly gameSounds: GameSounds;
  readonly live: LiveRegion;
  readonly scores: HighScoreTable;
  /** Seed for the rules' randomness: fixed by `?seed=` in the URL, else a fresh one per game. */
  readonly seed: () => number;
  /** Head control: camera, model, calibration shots, the 'head' input source. */
  readonly head: HeadControl;
  /** The calibration screen (a DOM overlay) that CalibrationScene shows. */
  readonly calibration: CalibrationDoor;
  /** The touch-up offered when the calibration stops fitting during a game. */
  readonly touchUp: TouchUp;
  /** The head as hands-free play sees it: steering, held pose, face seen. */
  readonly signals: HeadSignals;
  /** Voice cues, game speed, start pose, first visit (saved). */
  readonly settings: PlayerSettingsStore;
  /** The settings panel (a DOM overlay) that SettingsScene shows. */
  readonly settingsPanel: SettingsPanel;
  /** The corner selfie preview; refreshed when the calibration screen closes. */
  readonly headPreview: { refresh(): void };
}

export const SCENES = {
  boot: 'boot',
  menu: 'menu',
  calibrate: 'calibrate',
  settings: 'settings',
  play: 'play',
  pause: 'pause',
  gameOver: 'game-over',
} as const;

const KEY = 'headchomp.services';

export function provideServices(game: Phaser.Game, services: Services): void {
  game.registry.set(KEY, services);
}

export function servicesOf(scene: Phaser.Scene): Services {
  const services = scene.registry.get(KEY) as Services | undefined;
  if (!services) throw new Error('HEADCHOMP services missing: provideServices() was not called');
  return services;
}
