/**
 * Head-control calibration. The screen itself is a DOM overlay (src/ui/calibration/), which
 * suits keyboards, screen readers and touch; this scene shows it over a dimmed game screen,
 * and leaves for the menu (✕, Esc, Backspace) or straight into a hands-free game (Play, or
 * holding the start pose once every pose is recorded: the screen's head choices).
 * Opened by "Play with your head" (`{ handsFree: true }`), it asks the screen to start the
 * hands-free recording by itself, for a player who may have no hands to press Record;
 * `?handsFreeAfter=<ms>` in the address does the same for any way in (the browser tests).
 */
import Phaser from '../phaserLite/phaser';
import { handsFreeAfterFromAddress } from '../ui/calibration/handsFreeAutoStart';
import { PALETTE } from '../ui/palette';
import { VIEW_HEIGHT, VIEW_WIDTH } from '../ui/layout';
import { useLogicalCamera } from './camera';
import { bindActions } from './sceneActions';
import { SCENES, servicesOf, type CalibrationOpenOptions, type PlayData } from './services';

export interface CalibrateData {
  readonly handsFree?: boolean;
}

/** How long the screen shows its first pose before recording starts by itself. */
export const HANDS_FREE_AFTER_MS = 5000;

export class CalibrationScene extends Phaser.Scene {
  constructor() {
    super({ key: SCENES.calibrate });
  }

  create(data: Partial<CalibrateData>): void {
    const { live, sound, calibration, headPreview, signals, settings } = servicesOf(this);
    useLogicalCamera(this);
    live.update({ 'game-state': 'calibrating', dwell: 0, 'head-hint': '' });
    sound.stopLoops();
    this.add.rectangle(0, 0, VIEW_WIDTH, VIEW_HEIGHT, PALETTE.background, 1).setOrigin(0, 0);

    let leaving = false;
    const leave = (to: string, play?: PlayData): void => {
      if (leaving) return;
      leaving = true;
      calibration.close();
      headPreview.refresh();
      this.scene.start(to, play);
    };
    const after = data.handsFree
      ? HANDS_FREE_AFTER_MS
      : handsFreeAfterFromAddress(globalThis.location?.search ?? '');
    const options: CalibrationOpenOptions = after === undefined ? {} : { handsFreeAfterMs: after };
    calibration.open(
      {
        onClose: () => leave(SCENES.menu),
        onPlay: () => leave(SCENES.play, { mode: 'head' }),
      },
      options,
    );
    bindActions(this, (action) => {
      if (action === 'back' || action === 'pause') calibration.requestClose();
    });
    // After the recording, the head chooses Play, Record again or Menu (a hold fills a ring).
    let shown = { dwell: -1, hint: '' };
    const tick = (time: number): void => {
      if (leaving || !calibration.isOpen) return;
      const { fill, hint } = calibration.tick(
        signals.steering,
        signals.pose,
        settings.value.startPose,
        time,
      );
      const dwell = Math.round(fill * 20) * 5;
      if (dwell === shown.dwell && hint === shown.hint) return;
      shown = { dwell, hint };
      live.update({ dwell, 'head-hint': hint });
    };
    this.events.on(Phaser.Scenes.Events.UPDATE, tick);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.events.off(Phaser.Scenes.Events.UPDATE, tick);
      if (calibration.isOpen) calibration.close();
      headPreview.refresh();
    });
  }
}
