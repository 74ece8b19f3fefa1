/**
 * The pause overlay, drawn over the frozen game. The game scene is paused underneath, so its
 * clock stands still. Two kinds of pause:
 * - the player's (P, Esc, the pause button, a hidden tab): Resume and Quit to menu, chosen by
 *   keys, a tap or the head (choiceList.ts);
 * - a hands-free game whose player the camera lost ("we can't see you"): it goes on by itself
 *   once the face is back and held straight for 1 s, after a visible 3-2-1 (FaceGoneWatch).
 * - a touch-up (the calibration stopped fitting): each pose recorded once more, hands-free
 *   (TouchUp), then a 3-2-1 and the game goes on.
 * Either way P, Esc, Enter or a tap resumes at once and Backspace quits to the menu.
 */
import Phaser from '../phaserLite/phaser';
import type { FaceGoneWatch, FaceWatchPhase } from '../handsFree/faceGoneWatch';
import { VIEW_HEIGHT, VIEW_WIDTH } from '../ui/layout';
import { PALETTE } from '../ui/palette';
import { useLogicalCamera } from './camera';
import { ChoiceList } from './choiceList';
import { Label, shadowTitle } from './label';
import { headSchemeLabel } from './schemeLabel';
import { bindActions } from './sceneActions';
import { SCENES, servicesOf, type Services } from './services';

export interface PauseData {
  readonly reason: 'player' | 'face-gone' | 'touch-up';
  /** The game's face watch, in its paused phase: it says when to go on. */
  readonly watch?: FaceGoneWatch;
}

const BAR = { x: 72, y: 140, width: 80, height: 5 };

export class PauseScene extends Phaser.Scene {
  private services!: Services;
  private leaving = false;

  constructor() {
    super({ key: SCENES.pause });
  }

  create(data: Partial<PauseData>): void {
    this.services = servicesOf(this);
    const { live, sound } = this.services;
    this.leaving = false;
    useLogicalCamera(this, false);
    live.update({ 'game-state': 'paused', dwell: 0 });
    this.add.rectangle(0, 0, VIEW_WIDTH, VIEW_HEIGHT, PALETTE.background, 0.7).setOrigin(0, 0);
    this.add
      .rectangle(112, 140, 222, 104, PALETTE.wallFill, 0.94)
      .setStrokeStyle(1, PALETTE.wallLine);
    shadowTitle(this, 112, 94, 'PAUSED', 2, PALETTE.ready, 0x5a4a00);

    const watch = data.reason === 'face-gone' ? data.watch : undefined;
    let list: ChoiceList | null = null;
    if (data.reason === 'touch-up') this.showTouchUp();
    else if (watch) this.showFaceGone(watch);
    else list = this.showChoices();

    const soundLabel = new Label(this, 112, 180, '', { align: 'center', color: PALETTE.textDim });
    const showSound = (muted: boolean): void => {
      soundLabel.set(muted ? 'M: SOUND IS OFF' : 'M: SOUND IS ON');
    };
    showSound(sound.muted);
    const off = sound.onMuteChange(showSound);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, off);

    bindActions(this, (action) => {
      if (action === 'confirm' && list) list.chooseHighlighted();
      else if (action === 'pause' || action === 'confirm') this.resumeGame();
      else if (action === 'back') this.quit();
    });
  }

  private showChoices(): ChoiceList {
    const list = new ChoiceList(
      this,
      [
        { id: 'resume', label: 'RESUME', action: 'resume the game' },
        { id: 'quit', label: 'QUIT TO MENU', action: 'quit to the menu' },
      ],
      {
        top: 118,
        idleHint: () => 'Paused. P, Escape or a tap resumes; Backspace quits to the menu.',
        onChoose: (id) => (id === 'resume' ? this.resumeGame() : this.quit()),
      },
    );
    new Label(this, 112, 146, 'P / ESC / TAP: RESUME', { align: 'center' });
    new Label(this, 112, 156, 'BACKSPACE: QUIT TO MENU', {
      align: 'center',
      color: PALETTE.textDim,
    });
    headSchemeLabel(this, 168, this.services);
    return list;
  }

  /** "We can't see you": what to do, a bar while the head is held straight, then 3-2-1. */
  private showFaceGone(watch: FaceGoneWatch): void {
    const { signals, live } = this.services;
    const title = new Label(this, 112, 112, "WE CAN'T SEE YOU", {
      align: 'center',
      color: PALETTE.ready,
    });
    const what = new Label(this, 112, 124, '', { align: 'center' });
    const count = new Label(this, 112, 135, '', { align: 'center', scale: 3, depth: 9 });
    const bar = this.add.graphics();
    new Label(this, 112, 160, 'P / ESC / TAP: RESUME NOW', {
      align: 'center',
      color: PALETTE.textDim,
    });
    new Label(this, 112, 169, 'BACKSPACE: QUIT TO MENU', {
      align: 'center',
      color: PALETTE.textDim,
    });
    const tick = (time: number): void => {
      if (this.leaving) return;
      const steering = signals.steering;
      const event = steering
        ? watch.update({ faceSeen: signals.faceSeen, pose: signals.pose }, time)
        : null;
      if (event === 'resume') {
        this.resumeGame();
        return;
      }
      const phase = watch.phase;
      const words = faceGoneWords(phase, steering);
      title.set(phase.kind === 'counting' ? 'WELCOME BACK!' : "WE CAN'T SEE YOU");
      what.set(words.line);
      count.set(phase.kind === 'counting' ? String(phase.secondsLeft) : '');
      const fill = phase.kind === 'steadying' ? phase.fill : phase.kind === 'counting' ? 1 : 0;
      bar.clear();
      if (phase.kind === 'steadying') {
        bar.lineStyle(1, PALETTE.textDim, 1).strokeRect(BAR.x, BAR.y, BAR.width, BAR.height);
        bar.fillStyle(PALETTE.hero, 1).fillRect(BAR.x, BAR.y, BAR.width * fill, BAR.height);
      }
      live.update({
        dwell: phase.kind === 'steadying' ? Math.round(fill * 20) * 5 : 0,
        'head-hint': words.hint,
      });
    };
    this.events.on(Phaser.Scenes.Events.UPDATE, tick);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
      this.events.off(Phaser.Scenes.Events.UPDATE, tick),
    );
  }

  /** The touch-up: what is going on while it records, then 3-2-1 and back to the game. */
  private showTouchUp(): void {
    const { touchUp, live } = this.services;
    const title = new Label(this, 112, 112, 'TOUCH-UP', { align: 'center', color: PALETTE.ready });
    const what = new Label(this, 112, 124, 'HOLD EACH POSE AS ASKED', { align: 'center' });
    const count = new Label(this, 112, 135, '', { align: 'center', scale: 3, depth: 9 });
    new Label(this, 112, 160, 'P / ESC / TAP: BACK TO THE GAME', {
      align: 'center',
      color: PALETTE.textDim,
    });
    live.update({ 'head-hint': 'Touch-up: hold each pose as the countdown asks.' });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => touchUp.cancel());
    touchUp.start((completed) => {
      if (this.leaving) return;
      if (!completed) {
        what.set('TOUCH-UP STOPPED');
        return;
      }
      title.set('ALL DONE!');
      what.set('GET READY!');
      for (let left = 3; left >= 1; left--) {
        this.time.delayedCall((3 - left) * 1000, () => {
          count.set(String(left));
          live.update({ 'head-hint': `Touch-up done. Going on in ${left}.` });
        });
      }
      this.time.delayedCall(3000, () => this.resumeGame());
    });
  }

  private resumeGame(): void {
    if (this.leaving) return;
    this.leaving = true;
    this.scene.resume(SCENES.play);
    this.scene.stop();
  }

  private quit(): void {
    if (this.leaving) return;
    this.leaving = true;
    this.scene.stop(SCENES.play);
    this.scene.start(SCENES.menu);
  }
}

/** The face-gone pause in the pixel font and in words for the live region. */
export function faceGoneWords(
  phase: FaceWatchPhase,
  steering: boolean,
): { line: string; hint: string } {
  const paused = "Paused: we can't see you.";
  if (!steering) {
    return {
      line: 'HEAD CONTROL STOPPED',
      hint: `${paused} Head control stopped: P, Escape or a tap resumes.`,
    };
  }
  switch (phase.kind) {
    case 'counting':
      return { line: 'GET READY!', hint: `Going on in ${phase.secondsLeft}.` };
    case 'steadying':
      return {
        line: 'HOLD YOUR HEAD STRAIGHT',
        hint: 'Hold your head straight for 1 second to go on.',
      };
    case 'waiting':
      return phase.faceSeen
        ? {
            line: 'HOLD YOUR HEAD STRAIGHT',
            hint: `${paused} Look straight at the screen for 1 second to go on.`,
          }
        : {
            line: 'LOOK AT THE SCREEN TO GO ON',
            hint: `${paused} Look at the screen and hold your head straight for 1 second to go on.`,
          };
    case 'playing':
      return { line: '', hint: '' };
  }
}
