/**
 * The Phaser game: WebGL when available, crisp pixels, and a canvas 3x the logical screen
 * that Scale.FIT letterboxes into whatever window it gets, portrait or landscape.
 */
import Phaser from '../phaserLite/phaser';
import { VIEW_HEIGHT, VIEW_WIDTH, ZOOM } from '../ui/layout';
import { PALETTE } from '../ui/palette';
import { BootScene } from './BootScene';
import { CalibrationScene } from './CalibrationScene';
import { GameOverScene } from './GameOverScene';
import { MenuScene } from './MenuScene';
import { PauseScene } from './PauseScene';
import { PlayScene } from './PlayScene';
import { SettingsScene } from './SettingsScene';
import { provideServices, type Services } from './services';

export function createGame(parent: HTMLElement, services: Services): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: VIEW_WIDTH * ZOOM,
    height: VIEW_HEIGHT * ZOOM,
    backgroundColor: PALETTE.background,
    pixelArt: true,
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // Input and sound are ours (InputHub, SoundEngine): Phaser need not listen or play.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    audio: { noAudio: true },
    scene: [
      BootScene,
      MenuScene,
      CalibrationScene,
      SettingsScene,
      PlayScene,
      PauseScene,
      GameOverScene,
    ],
    callbacks: { preBoot: (booting) => provideServices(booting, services) },
  });
  // Gamepads have no events: the hub polls them once per frame, whatever the scene.
  game.events.on(Phaser.Core.Events.PRE_STEP, (time: number) => services.hub.poll(time));
  return game;
}
