/**
 * The maze and its pellets on screen. Pellet images are made once per tile; after each
 * frame only a change in the dot count (or a new level refilling the board) re-checks them.
 */
import type Phaser from 'phaser';
import type { GameView } from '../../game/types';
import { ART_SCALE, MAZE_TOP, tileCentre } from '../../ui/layout';
import { DOT, ENERGIZER, MAZE, MAZE_FLASH } from '../../ui/textureKeys';

/** Level clear: the maze holds still, then flashes this many times, then rests. */
const FLASH_START = 30;
const FLASH_TICKS = 12;
const FLASHES = 4;
/** Energizers blink at this period (ticks) while the game runs. */
const BLINK_TICKS = 10;

interface Pellet {
  readonly tx: number;
  readonly ty: number;
  readonly image: Phaser.GameObjects.Image;
  readonly energizer: boolean;
}

export class Board {
  private readonly maze: Phaser.GameObjects.Image;
  private readonly pellets: Pellet[] = [];
  private dotsShown = -1;

  constructor(scene: Phaser.Scene, view: GameView) {
    const scale = 1 / ART_SCALE;
    this.maze = scene.add.image(0, MAZE_TOP, MAZE).setOrigin(0, 0).setScale(scale).setDepth(0);
    for (let ty = 0; ty < view.maze.height; ty++) {
      for (let tx = 0; tx < view.maze.width; tx++) {
        const energizer = view.hasEnergizer(tx, ty);
        if (!energizer && !view.hasDot(tx, ty)) continue;
        const { x, y } = tileCentre(tx, ty);
        const image = scene.add
          .image(x, y, energizer ? ENERGIZER : DOT)
          .setScale(scale)
          .setDepth(1);
        this.pellets.push({ tx, ty, image, energizer });
      }
    }
  }

  sync(view: GameView): void {
    if (view.dotsLeft !== this.dotsShown) {
      this.dotsShown = view.dotsLeft;
      for (const p of this.pellets) {
        p.image.setVisible(p.energizer ? view.hasEnergizer(p.tx, p.ty) : view.hasDot(p.tx, p.ty));
      }
    }
    const blinkOff =
      (view.phase === 'playing' || view.phase === 'ghostEaten') &&
      Math.floor(view.tick / BLINK_TICKS) % 2 === 1;
    for (const p of this.pellets) {
      if (p.energizer) p.image.setAlpha(blinkOff ? 0 : 1);
    }
    this.maze.setTexture(this.flashing(view) ? MAZE_FLASH : MAZE);
  }

  private flashing(view: GameView): boolean {
    if (view.phase !== 'levelClear') return false;
    const t = view.phaseTicks - FLASH_START;
    return t >= 0 && t < FLASH_TICKS * FLASHES * 2 && Math.floor(t / FLASH_TICKS) % 2 === 0;
  }
}
