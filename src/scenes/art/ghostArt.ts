/**
 * Our ghosts: round, soft creatures with a curl on the crown, rosy cheeks and a scalloped hem
 * that wiggles between two poses,
 * and big eyes drawn as a separate layer so they can look where the ghost is heading.
 * Frightened ghosts turn blue with a worried zigzag mouth; near the end they flash white.
 */
import type Phaser from 'phaser';
import type { Direction } from '../../game/direction';
import type { GhostName } from '../../game/types';
import { PALETTE } from '../../ui/palette';
import { frightKey, ghostBodyKey, ghostEyesKey, GHOST_NAMES } from '../../ui/textureKeys';
import { Pen } from './pen';

export const GHOST_COLOURS: Record<GhostName, number> = {
  blinky: PALETTE.ghostRed,
  pinky: PALETTE.ghostPink,
  inky: PALETTE.ghostCyan,
  clyde: PALETTE.ghostOrange,
};

const LOOK: Record<Direction, { x: number; y: number }> = {
  up: { x: 0, y: -1 },
  left: { x: -1, y: 0 },
  down: { x: 0, y: 1 },
  right: { x: 1, y: 0 },
};

function drawBody(pen: Pen, colour: number, frame: number, cheeks: boolean): void {
  pen.fill(colour);
  // A little curl on the crown: our ghosts' own silhouette.
  pen.circle(10.2, 1.5, 1.3);
  pen.circle(8, 7.4, 6.4);
  pen.rect(1.6, 7.4, 12.8, 5.2);
  // The hem: three round toes, or four smaller ones, so the ghost seems to paddle.
  const toes = frame === 0 ? [3.5, 8, 12.5] : [3.2, 6.4, 9.6, 12.8];
  const r = frame === 0 ? 1.9 : 1.6;
  for (const x of toes) pen.circle(x, 12.6, r);
  pen.fill(0xffffff, 0.22).ellipse(5.2, 3.8, 3.4, 2);
  if (cheeks) pen.fill(0xffffff, 0.3).ellipse(3.4, 10, 2, 1.1).ellipse(12.6, 10, 2, 1.1);
}

function drawEyes(pen: Pen, direction: Direction): void {
  const d = LOOK[direction];
  for (const x of [5.5, 10.5]) {
    const ex = x + d.x * 0.6;
    const ey = 6.8 + d.y * 0.6;
    pen.fill(PALETTE.ghostEyeWhite).ellipse(ex, ey, 3.8, 4.6);
    pen.fill(PALETTE.ghostPupil).circle(ex + d.x * 0.9, ey + d.y * 1.1, 1.15);
  }
}

function drawFrightFace(pen: Pen, face: number): void {
  pen.fill(face).roundRect(4.8, 5.2, 2, 2.2, 0.6).roundRect(9.2, 5.2, 2, 2.2, 0.6);
  const zigzag = [];
  for (let i = 0; i <= 6; i++) zigzag.push({ x: 3.5 + i * 1.5, y: i % 2 === 0 ? 10.6 : 9.4 });
  pen.line(face, 0.8, zigzag);
}

export function drawGhostTextures(scene: Phaser.Scene): void {
  const pen = new Pen(scene);
  for (const name of GHOST_NAMES) {
    for (let frame = 0; frame < 2; frame++) {
      drawBody(pen, GHOST_COLOURS[name], frame, true);
      pen.bake(ghostBodyKey(name, frame), 16, 16);
    }
  }
  for (const direction of Object.keys(LOOK) as Direction[]) {
    drawEyes(pen, direction);
    pen.bake(ghostEyesKey(direction), 16, 16);
  }
  for (const flashing of [false, true]) {
    for (let frame = 0; frame < 2; frame++) {
      drawBody(pen, flashing ? PALETTE.flashBody : PALETTE.frightBody, frame, false);
      drawFrightFace(pen, flashing ? PALETTE.flashFace : PALETTE.frightFace);
      pen.bake(frightKey(flashing, frame), 16, 16);
    }
  }
  pen.destroy();
}
