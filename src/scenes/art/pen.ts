/**
 * A thin wrapper over Phaser's Graphics that draws in logical pixels onto a texture
 * ART_SCALE times larger, then bakes it. Keeps the art code readable (a 16-pixel sprite is
 * drawn with 16-pixel numbers) while the texture keeps the detail for smooth curves.
 */
import Phaser from '../../phaserLite/phaser';
import { ART_SCALE } from '../../ui/layout';

export class Pen {
  readonly g: Phaser.GameObjects.Graphics;
  private readonly k: number;

  constructor(scene: Phaser.Scene, scale = ART_SCALE) {
    this.g = scene.add.graphics();
    this.g.setVisible(false);
    this.k = scale;
  }

  fill(color: number, alpha = 1): this {
    this.g.fillStyle(color, alpha);
    return this;
  }

  circle(x: number, y: number, r: number): this {
    this.g.fillCircle(x * this.k, y * this.k, r * this.k);
    return this;
  }

  ellipse(x: number, y: number, w: number, h: number): this {
    this.g.fillEllipse(x * this.k, y * this.k, w * this.k, h * this.k);
    return this;
  }

  rect(x: number, y: number, w: number, h: number): this {
    this.g.fillRect(x * this.k, y * this.k, w * this.k, h * this.k);
    return this;
  }

  roundRect(x: number, y: number, w: number, h: number, r: number): this {
    this.g.fillRoundedRect(x * this.k, y * this.k, w * this.k, h * this.k, r * this.k);
    return this;
  }

  /** A filled pie from angle `from` to `to` (radians, clockwise, 0 = right). */
  pie(x: number, y: number, r: number, from: number, to: number): this {
    this.g.beginPath();
    this.g.slice(x * this.k, y * this.k, r * this.k, from, to, false);
    this.g.closePath();
    this.g.fillPath();
    return this;
  }

  polygon(points: readonly { x: number; y: number }[]): this {
    this.g.fillPoints(this.scaled(points), true);
    return this;
  }

  line(color: number, width: number, points: readonly { x: number; y: number }[]): this {
    this.g.lineStyle(width * this.k, color, 1);
    this.g.strokePoints(this.scaled(points), false);
    return this;
  }

  private scaled(points: readonly { x: number; y: number }[]): Phaser.Math.Vector2[] {
    return points.map((p) => new Phaser.Math.Vector2(p.x * this.k, p.y * this.k));
  }

  /** Bakes what was drawn into texture `key` (size in logical pixels) and starts afresh. */
  bake(key: string, width: number, height: number): void {
    this.g.generateTexture(key, width * this.k, height * this.k);
    this.g.clear();
  }

  destroy(): void {
    this.g.destroy();
  }
}
