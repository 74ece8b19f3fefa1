/**
 * Turns the pixel font (src/ui/pixelFont.ts) into a glyph sheet texture and registers it as
 * a fixed-width bitmap font, so scenes write text with scene.add.bitmapText(..., FONT).
 * Glyphs are white; texts take their colour from a tint.
 */
import Phaser from '../../phaserLite/phaser';
import { CELL_HEIGHT, CELL_WIDTH, FONT_CHARS, glyphRows } from '../../ui/pixelFont';
import { FONT } from '../../ui/textureKeys';

const PER_ROW = 16;

export function drawFontTexture(scene: Phaser.Scene): void {
  const chars = [...FONT_CHARS];
  const rows = Math.ceil(chars.length / PER_ROW);
  const texture = scene.textures.createCanvas(FONT, PER_ROW * CELL_WIDTH, rows * CELL_HEIGHT);
  if (!texture) throw new Error('could not create the font texture');
  const ctx = texture.getContext();
  ctx.fillStyle = '#ffffff';
  chars.forEach((char, i) => {
    const left = (i % PER_ROW) * CELL_WIDTH;
    const top = Math.floor(i / PER_ROW) * CELL_HEIGHT;
    glyphRows(char).forEach((row, y) => {
      for (let x = 0; x < row.length; x++) {
        if (row[x] === '#') ctx.fillRect(left + x, top + y, 1, 1);
      }
    });
  });
  texture.refresh();
  // Phaser 4's Parse returns the whole cache entry ({ data, texture, frame }), whatever its
  // type declaration says, so it goes into the cache as it is.
  const entry: unknown = Phaser.GameObjects.RetroFont.Parse(scene, {
    image: FONT,
    width: CELL_WIDTH,
    height: CELL_HEIGHT,
    chars: chars.join(''),
    charsPerRow: PER_ROW,
    'spacing.x': 0,
    'spacing.y': 0,
    'offset.x': 0,
    'offset.y': 0,
    lineSpacing: 1,
  });
  scene.cache.bitmapFont.add(FONT, entry);
}
