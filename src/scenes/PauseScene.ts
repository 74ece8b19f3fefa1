/**
 * The pause overlay, drawn over the frozen game. The game scene is paused underneath, so
 * its clock stands still; P, Esc, Enter or a tap resumes, Backspace quits to the menu.
 */
import Phaser from 'phaser';
import { VIEW_HEIGHT, VIEW_WIDTH } from '../ui/layout';
import { PALETTE } from '../ui/palette';
import { useLogicalCamera } from './camera';
import { Label, shadowTitle } from './label';
import { bindActions } from './sceneActions';
import { SCENES, servicesOf } from './services';

export class PauseScene extends Phaser.Scene {
  constructor() {
    super({ key: SCENES.pause });
  }

  create(): void {
    const { live, sound } = servicesOf(this);
    useLogicalCamera(this, false);
    live.set('game-state', 'paused');
    this.add.rectangle(0, 0, VIEW_WIDTH, VIEW_HEIGHT, PALETTE.background, 0.7).setOrigin(0, 0);
    this.add
      .rectangle(112, 132, 168, 68, PALETTE.wallFill, 0.92)
      .setStrokeStyle(1, PALETTE.wallLine);
    shadowTitle(this, 112, 104, 'PAUSED', 2, PALETTE.ready, 0x5a4a00);
    new Label(this, 112, 130, 'P / ESC / TAP TO RESUME', { align: 'center' });
    new Label(this, 112, 142, 'BACKSPACE: QUIT TO MENU', {
      align: 'center',
      color: PALETTE.textDim,
    });
    const soundLabel = new Label(this, 112, 154, '', { align: 'center', color: PALETTE.textDim });
    const showSound = (muted: boolean): void => {
      soundLabel.set(muted ? 'M: SOUND IS OFF' : 'M: SOUND IS ON');
    };
    showSound(sound.muted);
    const off = sound.onMuteChange(showSound);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, off);

    bindActions(this, (action) => {
      if (action === 'pause' || action === 'confirm') {
        this.scene.resume(SCENES.play);
        this.scene.stop();
      } else if (action === 'back') {
        this.scene.stop(SCENES.play);
        this.scene.start(SCENES.menu);
      }
    });
  }
}
