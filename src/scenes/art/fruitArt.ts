/**
 * The eight bonus items, each drawn from a few shapes in a 16x16 cell. Our own drawings:
 * chunky, bright and outlined by colour rather than by copying any arcade sprite.
 */
import type Phaser from 'phaser';
import type { FruitKind } from '../../game/types';
import { fruitKey, FRUIT_KINDS } from '../../ui/textureKeys';
import { Pen } from './pen';

const LEAF = 0x3fbf4a;
const STEM = 0x8a5a2b;
const SHINE = 0xffffff;

function cherry(p: Pen): void {
  p.line(LEAF, 0.9, [
    { x: 5, y: 9.5 },
    { x: 8, y: 5 },
    { x: 11.5, y: 2.5 },
  ]);
  p.line(LEAF, 0.9, [
    { x: 11, y: 10.5 },
    { x: 11, y: 6 },
    { x: 11.5, y: 2.5 },
  ]);
  p.fill(0xe0213a).circle(5, 11, 3).circle(11, 12, 3);
  p.fill(SHINE, 0.8).circle(4, 10, 0.8).circle(10, 11, 0.8);
}

function strawberry(p: Pen): void {
  p.fill(0xf0304a).circle(8, 8, 5.4);
  p.polygon([
    { x: 2.8, y: 9 },
    { x: 13.2, y: 9 },
    { x: 8, y: 15.2 },
  ]);
  p.fill(0xffe7a0);
  for (const [x, y] of [
    [5.5, 7.5],
    [8, 9],
    [10.5, 7.5],
    [6.8, 11],
    [9.2, 11],
    [8, 6],
  ] as const) {
    p.rect(x - 0.4, y - 0.4, 0.8, 0.8);
  }
  p.fill(LEAF).polygon([
    { x: 4, y: 3.5 },
    { x: 6.5, y: 3.8 },
    { x: 8, y: 1.5 },
    { x: 9.5, y: 3.8 },
    { x: 12, y: 3.5 },
    { x: 8, y: 5.5 },
  ]);
}

function orange(p: Pen): void {
  p.fill(0xff9a1f).circle(8, 9.2, 5.6);
  p.fill(0xffc070, 0.7).circle(6, 7.2, 1.4);
  p.fill(STEM).rect(7.5, 2.3, 1, 2.2);
  p.fill(LEAF).ellipse(10.6, 3.4, 4.4, 2);
}

function apple(p: Pen): void {
  p.fill(0xd4263b).circle(6, 9.6, 4.6).circle(10, 9.6, 4.6);
  p.fill(SHINE, 0.7).ellipse(5, 8, 1.6, 2.4);
  p.fill(STEM).rect(7.6, 2.6, 1, 3.4);
  p.fill(LEAF).ellipse(10.4, 3.8, 4, 1.8);
}

function melon(p: Pen): void {
  p.fill(0x5ccf4e).ellipse(8, 9.4, 12.6, 11);
  for (const x of [4.5, 8, 11.5]) {
    p.line(0x1f7a2a, 0.8, [
      { x, y: 4.6 },
      { x: x + (x - 8) * 0.25, y: 9.4 },
      { x, y: 14.2 },
    ]);
  }
  p.fill(STEM).rect(7.5, 2, 1, 2.4);
}

function starship(p: Pen): void {
  p.fill(0xff4a5a).polygon([
    { x: 3.5, y: 13.5 },
    { x: 5.5, y: 8 },
    { x: 5.5, y: 12 },
  ]);
  p.polygon([
    { x: 12.5, y: 13.5 },
    { x: 10.5, y: 8 },
    { x: 10.5, y: 12 },
  ]);
  p.fill(0xffd23f).polygon([
    { x: 6.5, y: 13 },
    { x: 9.5, y: 13 },
    { x: 8, y: 15.8 },
  ]);
  p.fill(0xe8ecff).ellipse(8, 8, 5, 11);
  p.fill(0x3f7bff).circle(8, 6.6, 1.4);
  p.fill(0xff4a5a).polygon([
    { x: 5.9, y: 4.2 },
    { x: 10.1, y: 4.2 },
    { x: 8, y: 1.4 },
  ]);
}

function bell(p: Pen): void {
  p.fill(0xffd83a).circle(8, 6.6, 4.6);
  p.polygon([
    { x: 3.4, y: 6.6 },
    { x: 12.6, y: 6.6 },
    { x: 14, y: 12.6 },
    { x: 2, y: 12.6 },
  ]);
  p.fill(0x9a6a10).circle(8, 13.4, 1.4);
  p.fill(SHINE, 0.6).ellipse(6, 5.6, 1.6, 3);
  p.fill(0xc99a1f).rect(7.4, 1, 1.2, 1.6);
}

function key(p: Pen): void {
  p.fill(0x7fe7ff).circle(8, 4.6, 3.6);
  p.fill(0x05060f).circle(8, 4.6, 1.6);
  p.fill(0x7fe7ff).rect(7.1, 7.6, 1.8, 7.6);
  p.rect(8.9, 10.4, 2.6, 1.4).rect(8.9, 13, 2, 1.4);
}

const DRAW: Record<FruitKind, (pen: Pen) => void> = {
  cherry,
  strawberry,
  orange,
  apple,
  melon,
  starship,
  bell,
  key,
};

export function drawFruitTextures(scene: Phaser.Scene): void {
  const pen = new Pen(scene);
  for (const kind of FRUIT_KINDS) {
    DRAW[kind](pen);
    pen.bake(fruitKey(kind), 16, 16);
  }
  pen.destroy();
}
