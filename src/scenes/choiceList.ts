/**
 * A column of choices drawn in the pixel font that every input can reach: the head (the
 * navigation pair moves the highlight, holding the start pose 1 s chooses, with a ring that
 * fills), arrows / WASD / d-pad / swipes / gamepad (move), Enter / tap / A (choose the
 * highlighted one, through the scene's own action handler), and a mouse, touch or Tab on the
 * see-through buttons laid over each choice. The live region says what holding the start pose
 * will do (`head-hint`) and how full the hold is (`dwell`). Menu, pause and game over use it.
 */
import Phaser from '../phaserLite/phaser';
import { HeadChooser } from '../handsFree/headChooser';
import { holdSentence, schemeSentence } from '../handsFree/headWords';
import { CanvasHitButtons } from '../ui/canvasHitButtons';
import { VIEW_WIDTH } from '../ui/layout';
import { PALETTE } from '../ui/palette';
import { Label } from './label';
import { servicesOf, type Services } from './services';

export interface Choice {
  readonly id: string;
  /** As drawn (pixel font, at most ~30 characters with the key). */
  readonly label: string;
  /** Its own key, drawn before it ('H'); the scene listens for it. */
  readonly key?: string;
  /** Its colour while not highlighted (the menu's head choice stands out); default dim. */
  readonly color?: number;
  /** What choosing it does, to follow "to": 'play with your head'. */
  readonly action: string;
}

export interface ChoiceListOptions {
  /** The first choice's top, on the logical screen; rows are `rowHeight` apart. */
  readonly top: number;
  readonly rowHeight?: number;
  readonly initial?: number;
  /** Words for the live region while head control is not steering. */
  readonly idleHint?: () => string;
  /**
   * False while the head is busy elsewhere (a touch-up recording over the menu): the list
   * then reads no pose, as if head control were not steering. Default: always listening.
   */
  readonly listensToHead?: () => boolean;
  readonly onChoose: (id: string) => void;
}

const RING_RADIUS = 4.5;
const CENTRE_X = VIEW_WIDTH / 2;

export class ChoiceList {
  private readonly services: Services;
  private readonly chooser: HeadChooser;
  private readonly labels: Label[];
  private readonly ring: Phaser.GameObjects.Graphics;
  private readonly buttons: HTMLButtonElement[] = [];
  private readonly rowHeight: number;
  private pendingMoves = 0;
  private chosen = false;
  private drawn = { index: -1, fill: -1, steering: false };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly choices: readonly Choice[],
    private readonly options: ChoiceListOptions,
  ) {
    this.services = servicesOf(scene);
    const { hub, settings } = this.services;
    this.rowHeight = options.rowHeight ?? 12;
    this.chooser = new HeadChooser({
      count: choices.length,
      startPose: settings.value.startPose,
      initial: options.initial ?? 0,
    });
    this.labels = choices.map(
      (choice, i) =>
        new Label(
          scene,
          CENTRE_X,
          this.rowTop(i),
          choice.key ? `${choice.key}  ${choice.label}` : choice.label,
          { align: 'center', depth: 8 },
        ),
    );
    this.ring = scene.add.graphics().setDepth(8);

    // Keys, d-pad, swipes and gamepad move the highlight; the head moves it through the
    // chooser, one step per turn, so its steering requests are not counted here.
    const offDirection = hub.onDirection((direction, source) => {
      if (direction === null || source === 'head' || !scene.sys.isActive()) return;
      this.pendingMoves += direction === 'up' || direction === 'left' ? -1 : 1;
    });
    const hits = new CanvasHitButtons(document, scene.game.canvas, VIEW_WIDTH);
    choices.forEach((choice, i) => {
      // The whole row, not just the words: an easier target for a finger on a small screen.
      const button = hits.add({
        // The row's words (7 px high) in the middle of it.
        rect: {
          x: 8,
          y: this.rowTop(i) - (this.rowHeight - 6) / 2,
          width: VIEW_WIDTH - 16,
          height: this.rowHeight,
        },
        label: choice.label.charAt(0) + choice.label.slice(1).toLowerCase(),
        testId: `choice-${choice.id}`,
        onPress: () => this.choose(i),
        onFocus: () => this.chooser.highlight(i),
      });
      if (choice.key) button.setAttribute('aria-keyshortcuts', choice.key);
      this.buttons.push(button);
    });
    const tick = (time: number): void => this.tick(time);
    scene.events.on(Phaser.Scenes.Events.UPDATE, tick);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      scene.events.off(Phaser.Scenes.Events.UPDATE, tick);
      offDirection();
      hits.destroy();
    });
  }

  get highlightedId(): string {
    return this.choices[this.chooser.highlighted]?.id ?? '';
  }

  /** Highlight a choice by id (the scene's default changing, e.g. head control got ready). */
  highlight(id: string): void {
    const index = this.choices.findIndex((choice) => choice.id === id);
    if (index >= 0) this.chooser.highlight(index);
  }

  /** Enter, a tap, the gamepad's A: the highlighted choice. */
  chooseHighlighted(): void {
    this.choose(this.chooser.highlighted);
  }

  /** A choice's own key (H, K, O...), whatever is highlighted. */
  chooseId(id: string): void {
    const index = this.choices.findIndex((choice) => choice.id === id);
    if (index >= 0) this.choose(index);
  }

  private choose(index: number): void {
    const choice = this.choices[index];
    if (this.chosen || choice === undefined) return;
    this.chosen = true;
    this.chooser.highlight(index);
    this.options.onChoose(choice.id);
  }

  private tick(time: number): void {
    if (this.pendingMoves !== 0) {
      this.chooser.move(this.pendingMoves);
      this.pendingMoves = 0;
    }
    const { signals, live } = this.services;
    const steering = signals.steering && (this.options.listensToHead?.() ?? true);
    // Not steering: the chooser still sees "nothing held", so the ring drains and re-arms.
    const chosen = this.chooser.update(steering ? signals.pose : null, time);
    this.draw(steering);
    const current = this.choices[this.chooser.highlighted];
    const pose = this.chooser.pose;
    live.set('dwell', Math.round(this.chooser.fill * 20) * 5);
    live.set(
      'head-hint',
      steering && current
        ? `${holdSentence(pose, current.action)} ${schemeSentence(pose)}`
        : (this.options.idleHint?.() ?? ''),
    );
    if (chosen !== null) this.choose(chosen);
  }

  private rowTop(index: number): number {
    return this.options.top + index * this.rowHeight;
  }

  private draw(steering: boolean): void {
    const index = this.chooser.highlighted;
    const fill = steering ? Math.round(this.chooser.fill * 48) / 48 : 0;
    if (
      index === this.drawn.index &&
      fill === this.drawn.fill &&
      steering === this.drawn.steering
    ) {
      return;
    }
    if (index !== this.drawn.index) {
      this.labels.forEach((label, i) =>
        label.setColor(i === index ? PALETTE.ready : (this.choices[i]?.color ?? PALETTE.textDim)),
      );
      this.buttons.forEach((button, i) => {
        if (i === index) button.setAttribute('aria-current', 'true');
        else button.removeAttribute('aria-current');
      });
    }
    this.drawn = { index, fill, steering };
    const label = this.labels[index];
    if (!label) return;
    const x = Math.round(CENTRE_X - label.width / 2) - 9;
    const y = this.rowTop(index) + 3.5;
    const ring = this.ring.clear();
    // The ring marks the highlighted choice; while the head holds the start pose, it fills.
    ring.lineStyle(1, steering ? PALETTE.ready : PALETTE.textDim, 1);
    ring.strokeCircle(x, y, RING_RADIUS);
    if (fill > 0) {
      const start = -Math.PI / 2;
      ring.fillStyle(PALETTE.hero, 1);
      ring.slice(x, y, RING_RADIUS - 1, start, start + fill * Math.PI * 2, false);
      ring.fillPath();
      // And a bar under the choice, growing with the hold: easy to see from a distance.
      const left = Math.round(CENTRE_X - label.width / 2);
      ring.fillRect(left, this.rowTop(index) + 8, Math.round(label.width * fill), 1);
    }
  }
}
