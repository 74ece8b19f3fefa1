/**
 * The title screen: name, cast, how to play, the top 10 and the sound setting.
 * Enter, a tap or the gamepad's A starts a game; C (or the head button) opens the head-control
 * calibration.
 */
import Phaser from 'phaser';
import type { GhostName } from '../game/types';
import { isEditableTarget } from '../input/keyboardSource';
import { PALETTE } from '../ui/palette';
import { ART_SCALE } from '../ui/layout';
import { ghostBodyKey, ghostEyesKey, GHOST_NAMES, heroKey } from '../ui/textureKeys';
import { useLogicalCamera } from './camera';
import { Label, shadowTitle } from './label';
import { bindActions } from './sceneActions';
import { drawScoreTable } from './scoreTable';
import { SCENES, servicesOf } from './services';

const CONTROLS: readonly [string, string][] = [
  ['←↑→↓ / WASD', 'MOVE'],
  ['SWIPE / D-PAD', 'MOVE (TOUCH)'],
  ['GAMEPAD', 'STICK, A: START'],
  ['P / ESC', 'PAUSE'],
  ['M', 'SOUND ON/OFF'],
  ['C', 'HEAD CONTROL'],
];

export class MenuScene extends Phaser.Scene {
  private hero?: Phaser.GameObjects.Image;
  private ghosts: { body: Phaser.GameObjects.Image; name: GhostName }[] = [];
  private prompt?: Label;

  constructor() {
    super({ key: SCENES.menu });
  }

  create(): void {
    const { live, scores, sound, head } = servicesOf(this);
    useLogicalCamera(this);
    live.update({ 'game-state': 'menu', score: 0, lives: 3, level: 1 });
    sound.stopLoops();

    shadowTitle(this, 112, 10, 'HEADCHOMP', 2, PALETTE.title, PALETTE.titleShadow);
    new Label(this, 112, 30, 'EAT THE DOTS. DODGE THE GHOSTS.', {
      align: 'center',
      color: PALETTE.textDim,
    });
    this.drawCast();
    this.prompt = new Label(this, 112, 64, 'PRESS ENTER OR TAP TO START', {
      align: 'center',
      color: PALETTE.ready,
    });

    const headLabel = new Label(this, 112, 72, '', { align: 'center', color: PALETTE.accent });
    const showHead = (): void => {
      headLabel.set(head.isOn && head.complete ? 'HEAD CONTROL ON' : '');
    };
    showHead();
    const offHead = head.onChange(showHead);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, offHead);
    this.offerCalibration();

    new Label(this, 112, 80, 'HOW TO PLAY', { align: 'center', color: PALETTE.accent });
    CONTROLS.forEach(([keys, action], i) => {
      new Label(this, 100, 90 + i * 9, keys, { align: 'right' });
      new Label(this, 112, 90 + i * 9, action, { color: PALETTE.textDim });
    });

    new Label(this, 112, 144, 'TOP 10', { align: 'center', color: PALETTE.accent });
    drawScoreTable(this, 154, scores.entries);

    const soundLabel = new Label(this, 112, 252, '', { align: 'center', color: PALETTE.textDim });
    const showSound = (muted: boolean): void => {
      soundLabel.set(muted ? 'SOUND OFF - PRESS M' : 'SOUND ON - PRESS M');
    };
    showSound(sound.muted);
    const off = sound.onMuteChange(showSound);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, off);
    new Label(this, 112, 272, 'A HOMAGE TO THE 1980 MAZE CLASSIC', {
      align: 'center',
      color: 0x4a4f6e,
    });

    bindActions(this, (action) => {
      if (action === 'confirm') this.scene.start(SCENES.play);
    });
  }

  /** C on the keyboard, or the head button on the page, opens the calibration screen. */
  private offerCalibration(): void {
    let wanted = false;
    const onKey = (event: KeyboardEvent): void => {
      if (event.code !== 'KeyC' || event.repeat || event.ctrlKey || event.metaKey || event.altKey)
        return;
      if (isEditableTarget(event.target)) return;
      event.preventDefault();
      wanted = true;
    };
    const button = document.getElementById('head-button');
    const onClick = (): void => {
      wanted = true;
    };
    const keepFocus = (event: Event): void => event.preventDefault();
    window.addEventListener('keydown', onKey);
    button?.addEventListener('click', onClick);
    button?.addEventListener('pointerdown', keepFocus);
    if (button) button.hidden = false;
    // Acted on in the scene's update, like the hub's actions, never inside the DOM event.
    const drain = (): void => {
      if (!wanted) return;
      wanted = false;
      this.scene.start(SCENES.calibrate);
    };
    this.events.on(Phaser.Scenes.Events.UPDATE, drain);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener('keydown', onKey);
      button?.removeEventListener('click', onClick);
      button?.removeEventListener('pointerdown', keepFocus);
      if (button) button.hidden = true;
      this.events.off(Phaser.Scenes.Events.UPDATE, drain);
    });
  }

  override update(time: number): void {
    // The cast chomps and wiggles; the prompt blinks about twice a second.
    const frame = Math.floor(time / 70) % 4;
    this.hero?.setTexture(heroKey(frame === 3 ? 1 : frame));
    const wiggle = Math.floor(time / 180) % 2;
    for (const ghost of this.ghosts) ghost.body.setTexture(ghostBodyKey(ghost.name, wiggle));
    this.prompt?.setVisible(Math.floor(time / 450) % 2 === 0);
  }

  private drawCast(): void {
    const y = 48;
    const scale = 1 / ART_SCALE;
    this.hero = this.add.image(64, y, heroKey(1)).setScale(scale);
    this.ghosts = GHOST_NAMES.map((name, i) => {
      const x = 96 + i * 20;
      const body = this.add.image(x, y, ghostBodyKey(name, 0)).setScale(scale);
      this.add.image(x, y, ghostEyesKey('left')).setScale(scale);
      return { body, name };
    });
  }
}
