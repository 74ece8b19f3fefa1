/**
 * The title screen, with head control as its front door: three choices (play with your head,
 * play with keys / touch, settings) that the head, keys, touch and a gamepad all reach
 * (choiceList.ts), a line that says where head control stands and how to start with it, a
 * first-visit explanation of what choosing head play will do, and the top 10.
 *
 * "Play with your head" plays at once when a calibration is saved; without one it opens the
 * calibration screen, which starts its hands-free recording by itself. Enter, a tap or the
 * gamepad's A chooses the highlighted choice: "keys / touch" unless head control is steering,
 * so Enter still starts a game as it always did. H, K, O and C are each choice's own key.
 */
import Phaser from '../phaserLite/phaser';
import type { GhostName } from '../game/types';
import { schemeLine } from '../handsFree/headWords';
import { isTouchDevice } from '../input/dpad';
import { isEditableTarget } from '../input/keyboardSource';
import { ART_SCALE } from '../ui/layout';
import { PALETTE } from '../ui/palette';
import { ghostBodyKey, ghostEyesKey, GHOST_NAMES, heroKey } from '../ui/textureKeys';
import { useLogicalCamera } from './camera';
import { ChoiceList } from './choiceList';
import { Label, shadowTitle } from './label';
import { menuHeadWords } from './menuWords';
import { bindActions } from './sceneActions';
import { drawScoreTable } from './scoreTable';
import { SCENES, servicesOf, type PlayData, type Services } from './services';

const CONTROLS: readonly [string, string][] = [
  ['←↑→↓ WASD SWIPE', 'MOVE'],
  ['ENTER / TAP', 'CHOOSE'],
  ['P / ESC', 'PAUSE'],
  ['M', 'SOUND ON/OFF'],
  ['C', 'HEAD CONTROL SETUP'],
];

const FIRST_VISIT: readonly string[] = [
  'NEW HERE? PLAY WITH YOUR HEAD:',
  '1. YOUR BROWSER ASKS FOR THE CAMERA',
  '2. EVERYTHING STAYS ON THIS DEVICE',
  '3. ONE MINUTE OF HANDS-FREE RECORDING',
  'THEN TURN YOUR HEAD TO STEER.',
];

/**
 * A finger needs a target about 44 CSS px high (WCAG 2.5.8's enhanced size; Apple and Google
 * ask 44-48): a row of 12 logical px is 19-22 px on a phone held upright (360-412 px wide,
 * 1.6-1.8 CSS px a logical px). On a touch screen the choices are 28 apart (45-52 px upright;
 * 40-45 sideways, where the screen's height sets the scale), everything below them sits 36
 * lower, and the table keeps its top 5 to make room. The rows end well above the screen's
 * middle, where a tap that is no choice's starts the highlighted one (a finger's tap is
 * taken for the nearest button within a few px).
 */
const TOUCH_LAYOUT = { top: 56, rowHeight: 28, below: 36, scores: 5 };
const POINTER_LAYOUT = { top: 60, rowHeight: 12, below: 0, scores: 10 };

/** Keys of the choices (and C for the calibration screen itself). */
const CHOICE_KEYS: Readonly<Record<string, string>> = {
  KeyH: 'head',
  KeyK: 'keys',
  KeyO: 'settings',
  KeyC: 'calibrate',
};

export class MenuScene extends Phaser.Scene {
  private hero?: Phaser.GameObjects.Image;
  private ghosts: { body: Phaser.GameObjects.Image; name: GhostName }[] = [];

  constructor() {
    super({ key: SCENES.menu });
  }

  create(): void {
    const services = servicesOf(this);
    const { live, scores, sound, signals, settings } = services;
    useLogicalCamera(this);
    live.update({ 'game-state': 'menu', score: 0, lives: 3, level: 1, dwell: 0 });
    sound.stopLoops();

    shadowTitle(this, 112, 10, 'HEADCHOMP', 2, PALETTE.title, PALETTE.titleShadow);
    new Label(this, 112, 30, 'EAT THE DOTS. DODGE THE GHOSTS.', {
      align: 'center',
      color: PALETTE.textDim,
    });
    this.drawCast();

    const firstVisit = !settings.value.introSeen && !services.head.complete;
    // A returning player whose calibration no longer fits (another day, other light) may never
    // get the start pose recognised: the touch-up comes to the menu, as in a game (its notice
    // counts down and starts it; any key cancels, T starts it at once), and the choices
    // below ignore the head until it fits again.
    const { touchUp } = services;
    touchUp.setPlaying('menu');
    const offTouchUp = touchUp.onRequest(() => {
      if (!touchUp.running) touchUp.start(() => {});
    });
    const layout = isTouchDevice() ? TOUCH_LAYOUT : POINTER_LAYOUT;
    const list = new ChoiceList(
      this,
      [
        {
          id: 'head',
          key: 'H',
          label: 'PLAY WITH YOUR HEAD',
          action: 'play with your head',
          color: PALETTE.hero,
        },
        {
          id: 'keys',
          key: 'K',
          label: 'PLAY WITH KEYS / TOUCH',
          action: 'play with keys or touch',
        },
        { id: 'settings', key: 'O', label: 'SETTINGS', action: 'open the settings' },
      ],
      {
        top: layout.top,
        rowHeight: layout.rowHeight,
        initial: signals.steering ? 0 : 1,
        idleHint: () => menuHeadWords(services, firstVisit, true).hint,
        // Not while a touch-up records, nor while the calibration no longer fits: a head read
        // against the wrong day's shots would choose by chance (the touch-up comes instead).
        listensToHead: () => !touchUp.running && services.head.calibrationFits,
        onChoose: (id) => this.choose(id),
      },
    );

    // Where head control stands, and how to start with it.
    const status = new Label(this, 112, 98 + layout.below, '', {
      align: 'center',
      color: PALETTE.accent,
    });
    const scheme = new Label(this, 112, 108 + layout.below, '', {
      align: 'center',
      color: PALETTE.textDim,
    });
    let wasSteering = signals.steering;
    const showHead = (): void => {
      const words = menuHeadWords(services, firstVisit, list.highlightedId === 'head');
      status.set(words.line).setColor(signals.steering ? PALETTE.hero : PALETTE.accent);
      const headChooses = signals.steering && services.head.calibrationFits && !touchUp.running;
      scheme.set(headChooses ? schemeLine(settings.value.startPose) : '');
      // Head control just got ready (a saved calibration, restored): it leads.
      if (signals.steering && !wasSteering && list.highlightedId === 'keys') list.highlight('head');
      wasSteering = signals.steering;
    };
    showHead();
    this.events.on(Phaser.Scenes.Events.UPDATE, showHead);

    if (firstVisit) {
      // Nothing to say above it yet: the explanation takes the head lines' place.
      FIRST_VISIT.forEach((line, i) => {
        new Label(this, 112, 100 + layout.below + i * 10, line, {
          align: 'center',
          color: i === 0 ? PALETTE.ready : PALETTE.text,
        });
      });
    } else {
      CONTROLS.forEach(([keys, action], i) => {
        const y = 120 + layout.below + i * 9;
        new Label(this, 100, y, keys, { align: 'right' });
        new Label(this, 112, y, action, { color: PALETTE.textDim });
      });
    }

    new Label(this, 112, 170 + layout.below, `TOP ${layout.scores}`, {
      align: 'center',
      color: PALETTE.accent,
    });
    drawScoreTable(this, 180 + layout.below, scores.entries, -1, layout.scores);
    // Sound: the page's sound button and M (in the list above) say and change it.
    new Label(this, 112, 278, 'A HOMAGE TO THE 1980 MAZE CLASSIC', {
      align: 'center',
      color: 0x4a4f6e,
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.events.off(Phaser.Scenes.Events.UPDATE, showHead);
      offTouchUp();
      touchUp.cancel();
      touchUp.setPlaying(null);
    });

    bindActions(this, (action) => {
      if (action === 'confirm') list.chooseHighlighted();
    });
    this.listenForKeys((choice) => {
      if (choice === 'calibrate') this.choose('calibrate');
      else list.chooseId(choice);
    });
  }

  private choose(id: string): void {
    const services = servicesOf(this);
    if (id === 'settings') {
      this.scene.start(SCENES.settings);
      return;
    }
    services.settings.update({ introSeen: true });
    if (id === 'calibrate') this.scene.start(SCENES.calibrate);
    else if (id === 'keys') this.play({ mode: 'keys' });
    else this.playWithHead(services);
  }

  /**
   * With a saved calibration: play now (turning head control on if the player had turned it
   * off; it joins in as soon as camera and model are ready). Without one: the calibration
   * screen, recording hands-free by itself after a few seconds.
   */
  private playWithHead(services: Services): void {
    const { head } = services;
    if (!head.complete) {
      this.scene.start(SCENES.calibrate, { handsFree: true });
      return;
    }
    if (!head.isOn) void head.start();
    this.play({ mode: 'head' });
  }

  private play(data: PlayData): void {
    this.scene.start(SCENES.play, data);
  }

  /** H, K, O and C, and the page's head button (the calibration screen). */
  private listenForKeys(onChoice: (choice: string) => void): void {
    let wanted: string | null = null;
    const onKey = (event: KeyboardEvent): void => {
      const choice = CHOICE_KEYS[event.code];
      if (!choice || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isEditableTarget(event.target)) return;
      event.preventDefault();
      wanted ??= choice;
    };
    const button = document.getElementById('head-button');
    const onClick = (): void => {
      wanted ??= 'calibrate';
    };
    const keepFocus = (event: Event): void => event.preventDefault();
    window.addEventListener('keydown', onKey);
    button?.addEventListener('click', onClick);
    button?.addEventListener('pointerdown', keepFocus);
    if (button) button.hidden = false;
    // Acted on in the scene's update, like the hub's actions, never inside the DOM event.
    const drain = (): void => {
      if (wanted === null) return;
      const choice = wanted;
      wanted = null;
      onChoice(choice);
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
    // The cast chomps and wiggles.
    const frame = Math.floor(time / 70) % 4;
    this.hero?.setTexture(heroKey(frame === 3 ? 1 : frame));
    const wiggle = Math.floor(time / 180) % 2;
    for (const ghost of this.ghosts) ghost.body.setTexture(ghostBodyKey(ghost.name, wiggle));
  }

  private drawCast(): void {
    const y = 46;
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
