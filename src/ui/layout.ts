/**
 * The logical screen: 28 tiles wide, 36 tall (3 HUD rows above the 31-row maze, 2 below),
 * in maze pixels. The canvas is ZOOM times bigger and every scene's camera zooms by ZOOM,
 * so 1-pixel details (font, dots) land on whole canvas pixels and stay crisp.
 */
export const VIEW_WIDTH = 224;
export const VIEW_HEIGHT = 288;
/** Where the maze's top edge sits on the logical screen. */
export const MAZE_TOP = 24;
/** Where the bottom HUD row (lives, fruit shelf) starts. */
export const HUD_BOTTOM = MAZE_TOP + 248;
/** Canvas pixels per logical pixel. */
export const ZOOM = 3;
/**
 * Texture pixels per logical pixel for the procedurally drawn art: round shapes are drawn
 * with 3x the detail and shown at 1/3 scale, so they are smooth once the camera zooms 3x.
 */
export const ART_SCALE = 3;
/** Size of one actor/fruit cell, in logical pixels. */
export const CELL = 16;

export const TILE = 8;

/** Centre of tile (tx, ty) on the logical screen. */
export function tileCentre(tx: number, ty: number): { x: number; y: number } {
  return { x: tx * TILE + TILE / 2, y: MAZE_TOP + ty * TILE + TILE / 2 };
}
