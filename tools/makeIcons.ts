/**
 * Draws HEADCHOMP's app icons (our own hero, as in assets/favicon.svg: a lime chomper with
 * an eye, on the night-blue board with a neon wall line and a trail of dots) and writes them
 * as PNGs for the web app manifest:
 *   public/icons/icon-192.png, icon-512.png      (purpose "any": rounded tile, transparent corners)
 *   public/icons/icon-maskable-512.png           (purpose "maskable": full bleed, the drawing
 *                                                 inside the central 80% safe zone)
 *   public/icons/apple-touch-icon.png            (180x180, full bleed: iOS rounds it itself)
 * Run `npx tsx tools/makeIcons.ts` after changing the drawing; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

type Rgba = readonly [number, number, number, number];

const BOARD: Rgba = [0x05, 0x06, 0x0f, 255];
const WALL: Rgba = [0x4a, 0x8d, 0xff, 255];
const HERO: Rgba = [0xc4, 0xf0, 0x3a, 255];
const EYE: Rgba = [0x17, 0x20, 0x2e, 255];
const SHINE: Rgba = [0xff, 0xff, 0xff, 255];
const DOT: Rgba = [0xff, 0xd8, 0xae, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

interface Style {
  /** Rounded tile with transparent corners (false: the board fills the square). */
  readonly tile: boolean;
  /** The drawing's scale: 1 fills the icon, 0.8 keeps it in the maskable safe zone. */
  readonly scale: number;
}

/** The colour at (x, y) in a unit square (0..1), for one style. */
function colourAt(x: number, y: number, style: Style): Rgba {
  if (style.tile) {
    // Rounded square, radius 0.18, with a wall line just inside its edge.
    const r = 0.18;
    const dx = Math.max(r - x, 0, x - (1 - r));
    const dy = Math.max(r - y, 0, y - (1 - r));
    const outside = Math.hypot(dx, dy) - r; // > 0 outside the tile
    if (outside > 0) return CLEAR;
    if (outside > -0.035) return WALL;
  }
  // The drawing, centred, scaled into the safe zone.
  const u = (x - 0.5) / style.scale + 0.5;
  const v = (y - 0.5) / style.scale + 0.5;
  const cx = 0.42;
  const cy = 0.5;
  const radius = 0.3;
  const angle = Math.atan2(v - cy, u - cx);
  const inMouth = u > cx && Math.abs(angle) < 0.62;
  const d = Math.hypot(u - cx, v - cy);
  if (Math.hypot(u - (cx + 0.05), v - (cy - 0.17)) < 0.022) return SHINE;
  if (Math.hypot(u - (cx + 0.03), v - (cy - 0.15)) < 0.055) return EYE;
  if (d < radius && !inMouth) return HERO;
  for (const dotX of [0.78, 0.92]) {
    if (Math.hypot(u - dotX, v - cy) < 0.04) return DOT;
  }
  return BOARD;
}

/** Renders one icon, 4x4 samples per pixel for smooth edges. */
export function drawIcon(size: number, style: Style): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
            style,
          );
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const at = (py * size + px) * 4;
      png.data[at] = a === 0 ? 0 : Math.round(r / a);
      png.data[at + 1] = a === 0 ? 0 : Math.round(g / a);
      png.data[at + 2] = a === 0 ? 0 : Math.round(b / a);
      png.data[at + 3] = Math.round(a / (samples * samples));
    }
  }
  return png;
}

const ANY: Style = { tile: true, scale: 0.9 };
const FULL_BLEED: Style = { tile: false, scale: 0.8 };

const outDir = 'public/icons';
mkdirSync(outDir, { recursive: true });
const icons: Array<[string, number, Style]> = [
  ['icon-192.png', 192, ANY],
  ['icon-512.png', 512, ANY],
  ['icon-maskable-512.png', 512, FULL_BLEED],
  ['apple-touch-icon.png', 180, FULL_BLEED],
];
for (const [name, size, style] of icons) {
  writeFileSync(`${outDir}/${name}`, PNG.sync.write(drawIcon(size, style)));
  console.log(`wrote ${outDir}/${name}`);
}
