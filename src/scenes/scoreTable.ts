/**
 * The top-10 table as the menu and the game-over screen show it: rank, score, level reached,
 * the game speed it was made at and the day it was set, in aligned columns. An empty table
 * invites a first score.
 */
import type Phaser from 'phaser';
import type { HighScore } from '../storage/highScores';
import { PALETTE } from '../ui/palette';
import { Label } from './label';

export const ROW_HEIGHT = 9;

/**
 * Shows the table with its first row at `top`; `highlight` is a 0-based rank or -1; `rows`:
 * at most this many ranks (the menu on a touch screen shows 5, for room to tap its choices).
 */
export function drawScoreTable(
  scene: Phaser.Scene,
  top: number,
  entries: readonly HighScore[],
  highlight = -1,
  rows = entries.length,
): void {
  if (entries.length === 0) {
    new Label(scene, 112, top + ROW_HEIGHT * 2, 'NO SCORES YET', { align: 'center' });
    new Label(scene, 112, top + ROW_HEIGHT * 3.5, 'BE THE FIRST!', {
      align: 'center',
      color: PALETTE.textDim,
    });
    return;
  }
  entries.slice(0, rows).forEach((entry, i) => {
    const y = top + i * ROW_HEIGHT;
    const color = i === highlight ? PALETTE.hero : i === 0 ? PALETTE.ready : PALETTE.text;
    new Label(scene, 30, y, `${i + 1}.`, { align: 'right', color });
    new Label(scene, 88, y, String(entry.score), { align: 'right', color });
    new Label(scene, 96, y, `L${entry.level}`, { color: PALETTE.textDim });
    new Label(scene, 146, y, `${entry.speed}%`, {
      align: 'right',
      color: entry.speed === 100 ? PALETTE.textDim : PALETTE.accent,
    });
    new Label(scene, 154, y, entry.date.slice(0, 10), { color: PALETTE.textDim });
  });
}
