/**
 * What the scenes share, handed over once by main.ts through the game registry, so scenes
 * never import globals and a second game on the page would get its own set.
 */
import type Phaser from 'phaser';
import type { GameSounds } from '../audio/gameSounds';
import type { SoundEngine } from '../audio/soundEngine';
import type { InputHub } from '../input/inputHub';
import type { HighScoreTable } from '../storage/highScores';
import type { CalibrationScreen } from '../ui/calibration/calibrationScreen';
import type { LiveRegion } from '../ui/liveRegion';
import type { HeadControl } from '../vision/headControl';

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
  readonly calibration: CalibrationScreen;
  /** The corner selfie preview; refreshed when the calibration screen closes. */
  readonly headPreview: { refresh(): void };
}

export const SCENES = {
  boot: 'boot',
  menu: 'menu',
  calibrate: 'calibrate',
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
