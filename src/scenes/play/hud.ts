/**
 * The heads-up display: score, high score and level above the maze; spare lives and the
 * fruit shelf below it. Everything is rewritten only when its value changes.
 */
import type Phaser from 'phaser';
import type { FruitKind, GameView } from '../../game/types';
import { ART_SCALE, HUD_BOTTOM } from '../../ui/layout';
import { PALETTE } from '../../ui/palette';
import { fruitKey, heroKey } from '../../ui/textureKeys';
import { Label } from '../label';

const MAX_LIFE_ICONS = 6;
const MAX_SHELF = 7;

export class Hud {
  private readonly score: Label;
  private readonly high: Label;
  private readonly level: Label;
  private readonly lifeIcons: Phaser.GameObjects.Image[] = [];
  private readonly shelf: Phaser.GameObjects.Image[] = [];
  private shelfShown = '';

  constructor(scene: Phaser.Scene) {
    const dim = { align: 'center' as const, color: PALETTE.textDim };
    new Label(scene, 36, 3, 'SCORE', dim);
    new Label(scene, 112, 3, 'HIGH SCORE', dim);
    new Label(scene, 192, 3, 'LEVEL', dim);
    this.score = new Label(scene, 36, 12, '0', { align: 'center' });
    this.high = new Label(scene, 112, 12, '0', { align: 'center' });
    this.level = new Label(scene, 192, 12, '1', { align: 'center' });
    const scale = 1 / ART_SCALE;
    const y = HUD_BOTTOM + 8;
    for (let i = 0; i < MAX_LIFE_ICONS; i++) {
      // Spare lives face left, ready to run in, as they wait their turn.
      this.lifeIcons.push(
        scene.add
          .image(16 + i * 14, y, heroKey(1))
          .setScale(scale)
          .setFlipX(true),
      );
    }
    for (let i = 0; i < MAX_SHELF; i++) {
      this.shelf.push(scene.add.image(208 - i * 16, y, fruitKey('cherry')).setScale(scale));
    }
  }

  sync(view: GameView, best: number): void {
    this.score.set(String(view.score));
    this.high.set(String(Math.max(best, view.score)));
    this.level.set(String(view.level));
    // The life in play is on the board; the icons are the ones still waiting.
    const spare = Math.max(0, view.lives - 1);
    this.lifeIcons.forEach((icon, i) => icon.setVisible(i < spare));
    this.syncShelf(view.fruitShelf);
  }

  private syncShelf(kinds: readonly FruitKind[]): void {
    const key = kinds.join(',');
    if (key === this.shelfShown) return;
    this.shelfShown = key;
    // Newest at the right edge, older ones to its left.
    const newestFirst = [...kinds].reverse();
    this.shelf.forEach((image, i) => {
      const kind = newestFirst[i];
      image.setVisible(kind !== undefined);
      if (kind) image.setTexture(fruitKey(kind));
    });
  }
}
