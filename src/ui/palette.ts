/**
 * HEADCHOMP's own colours. One place so every screen, texture and the page share a look:
 * a deep night-blue board, neon-blue walls, a lime hero and four candy-coloured ghosts.
 */
export const PALETTE = {
  background: 0x05060f,
  wallFill: 0x0e1852,
  wallLine: 0x4a8dff,
  wallFlashFill: 0x2a2a3a,
  wallFlashLine: 0xf2f4ff,
  door: 0xff8fcf,
  dot: 0xffd8ae,
  energizer: 0xffe9c9,
  hero: 0xc4f03a,
  heroShade: 0x86b81c,
  heroEye: 0x17202e,
  ghostRed: 0xff4a5a,
  ghostPink: 0xff9be0,
  ghostCyan: 0x3fe3ef,
  ghostOrange: 0xffa43c,
  ghostEyeWhite: 0xf6f7ff,
  ghostPupil: 0x2130a8,
  frightBody: 0x2d3ad8,
  frightFace: 0xffd2b0,
  flashBody: 0xf2f4ff,
  flashFace: 0xff3b4e,
  text: 0xf4f1e8,
  textDim: 0x8c93b8,
  title: 0xc4f03a,
  titleShadow: 0x2a4a10,
  accent: 0x3fe3ef,
  ready: 0xffe14d,
  gameOver: 0xff4a5a,
  points: 0x3fe3ef,
} as const;

/** '#rrggbb' for the CSS and Canvas 2D sides. */
export function cssColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}
