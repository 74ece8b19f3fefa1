/**
 * Draws every texture the game uses (no image files: all art is made here, in code) and
 * hands over to the menu.
 */
import Phaser from '../phaserLite/phaser';
import { GameWorld } from '../game/world';
import { drawBoardTextures } from './art/boardArt';
import { drawFontTexture } from './art/fontArt';
import { drawFruitTextures } from './art/fruitArt';
import { drawGhostTextures } from './art/ghostArt';
import { drawHeroTextures } from './art/heroArt';
import { SCENES } from './services';

export class BootScene extends Phaser.Scene {
  constructor() {
    super({ key: SCENES.boot });
  }

  create(): void {
    drawFontTexture(this);
    drawBoardTextures(this, new GameWorld().view.maze);
    drawHeroTextures(this);
    drawGhostTextures(this);
    drawFruitTextures(this);
    this.scene.start(SCENES.menu);
  }
}
