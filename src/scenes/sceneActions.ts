/**
 * Routes the hub's actions (confirm, pause, back) to a scene, but only while that scene is
 * running, and handles them in the scene's own update rather than inside the DOM event.
 * That matters when scenes hand over: the pause overlay resuming play must not let the same
 * key press reach the play scene, which would pause again at once.
 */
import Phaser from '../phaserLite/phaser';
import type { GameAction } from '../input/inputHub';
import { servicesOf } from './services';

export function bindActions(scene: Phaser.Scene, handle: (action: GameAction) => void): void {
  const { hub } = servicesOf(scene);
  let pending: GameAction | null = null;
  const off = hub.onAction((action) => {
    // 'mute' works everywhere and is handled by main.ts; the rest only for a running scene.
    if (action !== 'mute' && scene.sys.isActive()) pending ??= action;
  });
  const drain = (): void => {
    const action = pending;
    pending = null;
    if (action !== null) handle(action);
  };
  scene.events.on(Phaser.Scenes.Events.UPDATE, drain);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    off();
    scene.events.off(Phaser.Scenes.Events.UPDATE, drain);
  });
}
