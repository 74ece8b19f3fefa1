/**
 * The results: final score, whether it made the top 10, and the table with the new entry
 * lit up. Enter or a tap plays again; Backspace returns to the menu.
 */
import Phaser from 'phaser';
import { PALETTE } from '../ui/palette';
import { useLogicalCamera } from './camera';
import { Label, shadowTitle } from './label';
import type { GameOverData } from './PlayScene';
import { bindActions } from './sceneActions';
import { drawScoreTable } from './scoreTable';
import { SCENES, servicesOf } from './services';

/**
 * A moment in which input is ignored, so a key or tap meant for the last moments of play
 * does not skip this screen straight into a new game.
 */
export const GAME_OVER_INPUT_DELAY_MS = 400;

export class GameOverScene extends Phaser.Scene {
  private prompt?: Label;

  constructor() {
    super({ key: SCENES.gameOver });
  }

  create(data: Partial<GameOverData>): void {
    const { live, scores, sound } = servicesOf(this);
    const score = data.score ?? 0;
    const rank = data.rank ?? -1;
    useLogicalCamera(this);
    sound.stopLoops();
    live.update({ score, lives: 0, level: data.level ?? 1, 'game-state': 'over' });

    shadowTitle(this, 112, 16, 'GAME OVER', 2, PALETTE.gameOver, 0x4a0a14);
    new Label(this, 112, 42, 'YOUR SCORE', { align: 'center', color: PALETTE.textDim });
    new Label(this, 112, 52, String(score), { align: 'center', scale: 2 });
    const verdict =
      rank === 0
        ? 'NEW HIGH SCORE!'
        : rank > 0
          ? `YOU MADE #${rank + 1} IN THE TOP 10`
          : 'NOT IN THE TOP 10 - TRY AGAIN!';
    new Label(this, 112, 72, verdict, {
      align: 'center',
      color: rank >= 0 ? PALETTE.hero : PALETTE.textDim,
    });
    new Label(this, 112, 90, 'TOP 10', { align: 'center', color: PALETTE.accent });
    drawScoreTable(this, 100, scores.entries, rank);
    this.prompt = new Label(this, 112, 204, 'ENTER OR TAP TO PLAY AGAIN', {
      align: 'center',
      color: PALETTE.ready,
    });
    new Label(this, 112, 216, 'BACKSPACE: MENU', { align: 'center', color: PALETTE.textDim });

    const openedAt = this.time.now;
    bindActions(this, (action) => {
      if (this.time.now - openedAt < GAME_OVER_INPUT_DELAY_MS) return;
      if (action === 'confirm') this.scene.start(SCENES.play);
      else if (action === 'back') this.scene.start(SCENES.menu);
    });
  }

  override update(time: number): void {
    this.prompt?.setVisible(Math.floor(time / 450) % 2 === 0);
  }
}
