/**
 * Every scene works in logical pixels (224 x 288); its camera zooms by ZOOM onto the
 * ZOOM-times larger canvas, so 1 logical pixel is exactly ZOOM canvas pixels.
 */
import type Phaser from 'phaser';
import { PALETTE } from '../ui/palette';
import { VIEW_HEIGHT, VIEW_WIDTH, ZOOM } from '../ui/layout';

export function useLogicalCamera(scene: Phaser.Scene, opaque = true): void {
  const camera = scene.cameras.main;
  camera.setZoom(ZOOM);
  camera.centerOn(VIEW_WIDTH / 2, VIEW_HEIGHT / 2);
  // Overlays (pause) keep the scene below visible; full screens paint the night-blue board.
  if (opaque) camera.setBackgroundColor(PALETTE.background);
}
