/**
 * Head-control calibration. The screen itself is a DOM overlay (src/ui/calibration/), which
 * suits keyboards, screen readers and touch; this scene shows it over a dimmed game screen,
 * and leaves for the menu (✕, Esc, Backspace) or straight into a game (Play).
 *
 * A door for a player who cannot use their hands starts the scene with `{ handsFreeAfterMs }`:
 * the hands-free recording then starts by itself. `?handsFreeAfter=<ms>` in the address does
 * the same for any way in (the browser tests use it).
 */
import Phaser from 'phaser';
import { handsFreeAfterFromAddress } from '../ui/calibration/handsFreeAutoStart';
import { PALETTE } from '../ui/palette';
import { VIEW_HEIGHT, VIEW_WIDTH } from '../ui/layout';
import { useLogicalCamera } from './camera';
import { bindActions } from './sceneActions';
import { SCENES, servicesOf } from './services';

export interface CalibrationSceneData {
  readonly handsFreeAfterMs?: number;
}

export class CalibrationScene extends Phaser.Scene {
  constructor() {
    super({ key: SCENES.calibrate });
  }

  create(data: CalibrationSceneData = {}): void {
    const { live, sound, calibration, headPreview } = servicesOf(this);
    useLogicalCamera(this);
    live.set('game-state', 'calibrating');
    sound.stopLoops();
    this.add.rectangle(0, 0, VIEW_WIDTH, VIEW_HEIGHT, PALETTE.background, 1).setOrigin(0, 0);

    let leaving = false;
    const leave = (to: string): void => {
      if (leaving) return;
      leaving = true;
      calibration.close();
      headPreview.refresh();
      this.scene.start(to);
    };
    calibration.open(
      {
        onClose: () => leave(SCENES.menu),
        onPlay: () => leave(SCENES.play),
      },
      {
        handsFreeAfterMs:
          data.handsFreeAfterMs ?? handsFreeAfterFromAddress(globalThis.location?.search ?? ''),
      },
    );
    bindActions(this, (action) => {
      if (action === 'back' || action === 'pause') calibration.requestClose();
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      if (calibration.isOpen) calibration.close();
      headPreview.refresh();
    });
  }
}
