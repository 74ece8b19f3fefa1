/**
 * The results: final score (and the speed it was made at), whether it made the top 10, and
 * the table with the new entry lit up. Play again and Menu are chosen by Enter or a tap (the
 * highlighted one, Play again first), Backspace (the menu), or the head: holding the start
 * pose 1 s plays again the same way (choiceList.ts).
 */
import Phaser from '../phaserLite/phaser';
import { PALETTE } from '../ui/palette';
import { useLogicalCamera } from './camera';
import { ChoiceList } from './choiceList';
import { Label, shadowTitle } from './label';
import { headSchemeLabel } from './schemeLabel';
import type { GameOverData } from './PlayScene';
import { bindActions } from './sceneActions';
import { drawScoreTable } from './scoreTable';
import { SCENES, servicesOf, type PlayData } from './services';

/**
 * A moment in which input is ignored, so a key or tap meant for the last moments of play
 * does not skip this screen straight into a new game.
 */
export const GAME_OVER_INPUT_DELAY_MS = 400;

export class GameOverScene extends Phaser.Scene {
  constructor() {
    super({ key: SCENES.gameOver });
  }

  create(data: Partial<GameOverData>): void {
    const { live, scores, sound, signals, settings } = servicesOf(this);
    const score = data.score ?? 0;
    const speed = data.speed ?? 100;
    const again: PlayData = { mode: data.mode ?? 'keys' };
    const rank = data.rank ?? -1;
    useLogicalCamera(this);
    sound.stopLoops();
    live.update({ score, lives: 0, level: data.level ?? 1, 'game-state': 'over', dwell: 0 });

    shadowTitle(this, 112, 16, 'GAME OVER', 2, PALETTE.gameOver, 0x4a0a14);
    new Label(this, 112, 42, 'YOUR SCORE', { align: 'center', color: PALETTE.textDim });
    new Label(this, 112, 52, String(score), { align: 'center', scale: 2 });
    if (speed !== 100) {
      new Label(this, 112, 64, `AT ${speed}% SPEED`, { align: 'center', color: PALETTE.textDim });
    }
    const verdict =
      rank === 0
        ? 'NEW HIGH SCORE!'
        : rank > 0
          ? `YOU MADE #${rank + 1} IN THE TOP 10`
          : 'NOT IN THE TOP 10 - TRY AGAIN!';
    new Label(this, 112, 74, verdict, {
      align: 'center',
      color: rank >= 0 ? PALETTE.hero : PALETTE.textDim,
    });
    new Label(this, 112, 90, 'TOP 10', { align: 'center', color: PALETTE.accent });
    drawScoreTable(this, 100, scores.entries, rank);
    const list = new ChoiceList(
      this,
      [
        { id: 'again', label: 'PLAY AGAIN', action: 'play again' },
        { id: 'menu', label: 'MENU', action: 'go back to the menu' },
      ],
      {
        top: 204,
        idleHint: () => 'Game over. Enter or a tap plays again; Backspace goes to the menu.',
        onChoose: (id) => {
          if (id === 'again') this.scene.start(SCENES.play, again);
          else this.scene.start(SCENES.menu);
        },
      },
    );
    new Label(this, 112, 232, 'ENTER / TAP: CHOOSE  BACKSPACE: MENU', {
      align: 'center',
      color: PALETTE.textDim,
    });
    headSchemeLabel(this, 244, { signals, settings });

    const openedAt = this.time.now;
    bindActions(this, (action) => {
      if (this.time.now - openedAt < GAME_OVER_INPUT_DELAY_MS) return;
      if (action === 'confirm') list.chooseHighlighted();
      else if (action === 'back') this.scene.start(SCENES.menu);
    });
  }
}
