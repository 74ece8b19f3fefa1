/**
 * The settings panel's screen. The panel itself is a DOM dialog (src/ui/settings/); this
 * scene dims the game behind it, feeds it the head (dwell and navigation, every frame) and
 * the inputs that come through the hub (d-pad, swipes, gamepad), and goes back to the menu
 * when the panel closes. The panel reads the keyboard itself. `game-state` stays 'menu'.
 */
import Phaser from '../phaserLite/phaser';
import { VIEW_HEIGHT, VIEW_WIDTH } from '../ui/layout';
import { PALETTE } from '../ui/palette';
import { useLogicalCamera } from './camera';
import { bindActions } from './sceneActions';
import { SCENES, servicesOf } from './services';

export class SettingsScene extends Phaser.Scene {
  constructor() {
    super({ key: SCENES.settings });
  }

  create(): void {
    const { live, hub, signals, settingsPanel: panel } = servicesOf(this);
    useLogicalCamera(this);
    live.update({ 'game-state': 'menu', dwell: 0, 'head-hint': '' });
    this.add.rectangle(0, 0, VIEW_WIDTH, VIEW_HEIGHT, PALETTE.background, 1).setOrigin(0, 0);

    let leaving = false;
    panel.open({
      onClose: () => {
        if (leaving) return;
        leaving = true;
        panel.close();
        this.scene.start(SCENES.menu);
      },
    });
    bindActions(this, (action) => {
      if (action === 'confirm') panel.pressHighlighted();
      else if (action === 'back' || action === 'pause') panel.requestClose();
    });
    // The d-pad, swipes and the gamepad (the panel reads keys before the hub sees them; the
    // head moves through the panel's own chooser, one step per turn).
    const offDirection = hub.onDirection((direction, source) => {
      if (direction === null || source === 'head' || !this.sys.isActive()) return;
      if (direction === 'up') panel.move(-1);
      else if (direction === 'down') panel.move(1);
      else panel.change(direction === 'left' ? -1 : 1);
    });
    const tick = (time: number): void => {
      if (!panel.isOpen) return;
      const { fill, hint } = panel.tick(signals.steering, signals.pose, time);
      live.update({ dwell: Math.round(fill * 20) * 5, 'head-hint': hint });
    };
    this.events.on(Phaser.Scenes.Events.UPDATE, tick);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.events.off(Phaser.Scenes.Events.UPDATE, tick);
      offDirection();
      if (panel.isOpen) panel.close();
    });
  }
}
