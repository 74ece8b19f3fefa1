/**
 * The hero, drawn by us: a lime chomper with a darker rim, a shiny eye and a little sprout
 * on its head, so it reads as HEADCHOMP's own character at a glance. Frames face right;
 * the display turns or mirrors them for the other directions.
 */
import type Phaser from 'phaser';
import { PALETTE } from '../../ui/palette';
import {
  HERO_DEATH_FRAMES,
  HERO_MOUTH_FRAMES,
  HERO_POP,
  heroDeathKey,
  heroKey,
} from '../../ui/textureKeys';
import { Pen } from './pen';

const C = 8;
const R = 6.6;
const DEG = Math.PI / 180;
const EYE = { x: C + 1.2, y: C - 3.5 };
const EYE_ANGLE = Math.atan2(EYE.y - C, EYE.x - C);
const LEAF = [
  { x: 7.4, y: 2.3 },
  { x: 6.6, y: 0.9 },
  { x: 5.0, y: 0.1 },
  { x: 3.6, y: 0.2 },
  { x: 4.4, y: 1.4 },
  { x: 5.8, y: 2.4 },
];

/** Draws the hero with its mouth open by `half` radians on each side of "right". */
function drawHero(pen: Pen, half: number): void {
  const from = half;
  const to = 2 * Math.PI - half;
  if (half < 95 * DEG) pen.fill(PALETTE.heroShade).polygon(LEAF);
  pen.fill(PALETTE.heroShade).pie(C, C, R, from, to);
  pen.fill(PALETTE.hero).pie(C - 0.25, C - 0.25, R - 0.8, from, to);
  // A soft highlight on the upper back of the head.
  if (half < 80 * DEG) pen.fill(0xffffff, 0.28).ellipse(C - 2.4, C - 3.2, 3.6, 2.2);
  // The eye is eaten by the widening mouth in the death frames.
  if (-EYE_ANGLE > half + 8 * DEG) {
    pen.fill(PALETTE.heroEye).circle(EYE.x, EYE.y, 1.5);
    pen.fill(0xffffff).circle(EYE.x + 0.5, EYE.y - 0.5, 0.55);
  }
}

export function drawHeroTextures(scene: Phaser.Scene): void {
  const pen = new Pen(scene);
  for (let frame = 0; frame < HERO_MOUTH_FRAMES; frame++) {
    drawHero(pen, (3 + frame * 21) * DEG);
    pen.bake(heroKey(frame), 16, 16);
  }
  for (let frame = 0; frame < HERO_DEATH_FRAMES; frame++) {
    const t = frame / (HERO_DEATH_FRAMES - 1);
    drawHero(pen, (45 + t * 134) * DEG);
    pen.bake(heroDeathKey(frame), 16, 16);
  }
  // The last spark of a caught hero: eight short rays.
  for (let i = 0; i < 8; i++) {
    const a = (i * Math.PI) / 4;
    const dx = Math.cos(a);
    const dy = Math.sin(a);
    pen.line(PALETTE.hero, 1, [
      { x: C + dx * 3, y: C + dy * 3 },
      { x: C + dx * 6.5, y: C + dy * 6.5 },
    ]);
  }
  pen.bake(HERO_POP, 16, 16);
  pen.destroy();
}
