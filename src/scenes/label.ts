/**
 * Text in HEADCHOMP's pixel font. Labels keep their anchor and alignment, and snap to whole
 * logical pixels after every change so centred text never lands on a half pixel (which the
 * 3x zoom would turn into uneven, blurry letters).
 */
import type Phaser from 'phaser';
import { PALETTE } from '../ui/palette';
import { toFontText } from '../ui/pixelFont';
import { FONT } from '../ui/textureKeys';

export type Align = 'left' | 'center' | 'right';

export interface LabelOptions {
  color?: number;
  align?: Align;
  /** Whole-number enlargement, for titles. */
  scale?: number;
  depth?: number;
}

export class Label {
  readonly text: Phaser.GameObjects.BitmapText;
  private value = '';

  constructor(
    scene: Phaser.Scene,
    private anchorX: number,
    y: number,
    value: string,
    private readonly options: LabelOptions = {},
  ) {
    const scale = options.scale ?? 1;
    this.text = scene.add.bitmapText(0, Math.round(y), FONT, '', 6 * scale);
    this.text.setTint(options.color ?? PALETTE.text);
    if (options.depth !== undefined) this.text.setDepth(options.depth);
    this.set(value);
  }

  /** Changes the text (no work when it is the same) and re-aligns it. */
  set(value: string): this {
    const text = toFontText(value);
    if (text === this.value) return this;
    this.value = text;
    this.text.setText(text);
    this.place();
    return this;
  }

  moveTo(x: number): this {
    this.anchorX = x;
    this.place();
    return this;
  }

  setColor(color: number): this {
    this.text.setTint(color);
    return this;
  }

  setVisible(visible: boolean): this {
    this.text.setVisible(visible);
    return this;
  }

  get width(): number {
    return this.text.width;
  }

  private place(): void {
    const align = this.options.align ?? 'left';
    const width = this.text.width;
    const left =
      align === 'left'
        ? this.anchorX
        : align === 'center'
          ? this.anchorX - width / 2
          : this.anchorX - width;
    this.text.setX(Math.round(left));
  }
}

/** A label with a darker copy one pixel below-right: our title style. */
export function shadowTitle(
  scene: Phaser.Scene,
  x: number,
  y: number,
  value: string,
  scale: number,
  color: number,
  shadow: number,
): Label {
  new Label(scene, x + scale / 2, y + scale / 2, value, { color: shadow, align: 'center', scale });
  return new Label(scene, x, y, value, { color, align: 'center', scale });
}
