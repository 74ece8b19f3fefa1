/**
 * A game in progress. The rules advance in fixed 60 Hz ticks (GameWorld.step) however fast
 * the screen refreshes, handed out at the player's game speed (100, 80 or 60 %); this scene
 * feeds them the requested direction, then draws the view, plays the sounds its events call
 * for and keeps the live region current. In a hands-free game ('head' mode) a face the camera
 * has lost for 2 s pauses the game (FaceGoneWatch); the pause screen brings it back.
 * The canvas carries the rules' tick count in `data-tick` (no reader is told: tests and
 * debugging compare it over time to see the game speed).
 */
import Phaser from '../phaserLite/phaser';
import type { GameSpeed } from '../game/gameSpeed';
import type { GameEvent, GameView } from '../game/types';
import { FACE_WATCH_TIMING, FaceGoneWatch } from '../handsFree/faceGoneWatch';
import { FACE_LOST_MS } from '../vision/steering/faceWatch';
import { GameWorld } from '../game/world';
import { FixedStep } from '../ui/fixedStep';
import { MAZE_TOP } from '../ui/layout';
import { PALETTE } from '../ui/palette';
import { useLogicalCamera } from './camera';
import { Label } from './label';
import { Actors } from './play/actors';
import { Board } from './play/board';
import { Hud } from './play/hud';
import { Popups } from './play/popups';
import type { PauseData } from './PauseScene';
import { bindActions } from './sceneActions';
import { SCENES, servicesOf, type PlayData, type PlayMode, type Services } from './services';

/** "READY!" and "GAME OVER" sit in the corridor under the ghost house (row 17). */
const MESSAGE_Y = MAZE_TOP + 17 * 8;
/** How long "GAME OVER" stays on the board before the results screen, in ticks. */
const GAME_OVER_HOLD = 150;
const FRUIT_POPUP_TICKS = 120;

export interface GameOverData {
  readonly score: number;
  readonly level: number;
  /** 0-based place in the top 10, or -1. */
  readonly rank: number;
  readonly speed: GameSpeed;
  /** How this game was played: "play again" plays the same way. */
  readonly mode: PlayMode;
}

const HEAD_PLAY_HINT = 'Playing with your head. Look away for 2 seconds to pause.';

export class PlayScene extends Phaser.Scene {
  private services!: Services;
  private world!: GameWorld;
  private clock = new FixedStep();
  private board!: Board;
  private actors!: Actors;
  private hud!: Hud;
  private popups!: Popups;
  private message!: Label;
  private lastFruit = { x: 112, y: 140 };
  private result: GameOverData | null = null;
  private ticksSinceOver = 0;
  private mode: PlayMode = 'keys';
  private speed: GameSpeed = 100;
  // Head control calls a face lost only after FACE_LOST_MS without one (a blink of the
  // detector is no absence), so the watch waits the rest of the 2 s.
  private readonly faceWatch = new FaceGoneWatch({
    ...FACE_WATCH_TIMING,
    goneMs: FACE_WATCH_TIMING.goneMs - FACE_LOST_MS,
  });
  private shownTick = -1;

  constructor() {
    super({ key: SCENES.play });
  }

  create(data: Partial<PlayData>): void {
    this.services = servicesOf(this);
    const { hub, live, sound, settings } = this.services;
    useLogicalCamera(this);
    this.mode = data.mode === 'head' ? 'head' : 'keys';
    this.speed = settings.value.gameSpeed;
    this.world = new GameWorld({ seed: this.services.seed() });
    this.clock = new FixedStep(undefined, undefined, this.speed);
    this.result = null;
    this.ticksSinceOver = 0;
    this.shownTick = -1;
    this.faceWatch.reset();
    const view = this.world.view;
    this.board = new Board(this, view);
    this.actors = new Actors(this);
    this.hud = new Hud(this);
    this.popups = new Popups(this);
    this.message = new Label(this, 112, MESSAGE_Y, '', { align: 'center', depth: 7 });
    hub.clear();
    live.update({
      'game-state': 'playing',
      dwell: 0,
      'head-hint': this.mode === 'head' ? HEAD_PLAY_HINT : '',
    });
    sound.play('start');
    this.draw(view);

    bindActions(this, (action) => {
      if (action === 'pause') this.pauseGame('player');
    });
    // The calibration stopped fitting and the player asked for a touch-up: it runs paused.
    const { touchUp } = this.services;
    touchUp.setPlaying(this.mode);
    const offTouchUp = touchUp.onRequest(() => this.pauseGame('touch-up'));
    const onResume = (): void => {
      // Time spent paused is not owed to the game, nor a face lost before a resume by keys.
      this.clock.reset();
      this.faceWatch.reset();
      touchUp.setPlaying(this.mode);
      live.update({
        'game-state': 'playing',
        dwell: 0,
        'head-hint': this.mode === 'head' ? HEAD_PLAY_HINT : '',
      });
    };
    this.events.on(Phaser.Scenes.Events.RESUME, onResume);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.events.off(Phaser.Scenes.Events.RESUME, onResume);
      offTouchUp();
      touchUp.setPlaying(null);
    });
    this.watchFocus();
  }

  override update(time: number, delta: number): void {
    // Paused by an action handled earlier in this same frame: not one more tick.
    if (!this.sys.isActive()) return;
    if (this.watchTheFace(time)) return;
    const steps = this.clock.advance(delta);
    const { hub, gameSounds } = this.services;
    for (let i = 0; i < steps; i++) {
      const events = this.world.step(hub.requestedDirection);
      gameSounds.handle(events);
      this.react(events, this.world.view);
      this.popups.tick();
      if (this.result) this.ticksSinceOver++;
    }
    const view = this.world.view;
    gameSounds.update(view);
    this.draw(view);
    if (view.tick !== this.shownTick) {
      this.shownTick = view.tick;
      this.game.canvas.dataset.tick = String(view.tick);
    }
    if (this.result && this.ticksSinceOver >= GAME_OVER_HOLD) {
      this.scene.start(SCENES.gameOver, this.result);
    }
  }

  private react(events: readonly GameEvent[], view: GameView): void {
    for (const event of events) {
      if (event.type === 'ghostEaten') {
        const ghost = view.ghosts.find((g) => g.name === event.ghost);
        this.actors.ghostEaten(event.ghost);
        if (ghost) this.popups.show(event.points, ghost.x, MAZE_TOP + ghost.y, 60);
      } else if (event.type === 'fruitEaten') {
        this.popups.show(
          event.points,
          this.lastFruit.x,
          MAZE_TOP + this.lastFruit.y,
          FRUIT_POPUP_TICKS,
          PALETTE.ready,
        );
      } else if (event.type === 'gameOver') {
        this.finish(event.score, view.level);
      }
    }
  }

  /** Records the score at once (so it is safe even if the tab closes now) and says "over". */
  private finish(score: number, level: number): void {
    const { scores, live, gameSounds } = this.services;
    const speed = this.speed;
    const rank = scores.submit({ score, level, date: new Date().toISOString(), speed });
    this.result = { score, level, rank, speed, mode: this.mode };
    this.services.touchUp.setPlaying(null);
    gameSounds.stop();
    live.update({ score, lives: 0, level, 'game-state': 'over' });
  }

  private draw(view: GameView): void {
    if (view.fruit) this.lastFruit = { x: view.fruit.x, y: view.fruit.y };
    this.board.sync(view);
    this.actors.sync(view);
    this.hud.sync(view, this.services.scores.best);
    if (view.phase === 'ready') this.message.set('READY!').setColor(PALETTE.ready);
    else if (view.phase === 'gameOver') this.message.set('GAME  OVER').setColor(PALETTE.gameOver);
    else this.message.set('');
    if (!this.result) {
      this.services.live.update({ score: view.score, lives: view.lives, level: view.level });
    }
  }

  /**
   * Hands-free games only, while head control steers: true when a face lost for 2 s has just
   * paused the game.
   */
  private watchTheFace(time: number): boolean {
    const { signals } = this.services;
    if (this.mode !== 'head' || !signals.steering || this.result) {
      this.faceWatch.reset();
      return false;
    }
    const event = this.faceWatch.update({ faceSeen: signals.faceSeen, pose: signals.pose }, time);
    if (event !== 'pause') return false;
    this.pauseGame('face-gone');
    return true;
  }

  /** Opens the pause overlay; the rules stand still until the player resumes. */
  private pauseGame(reason: PauseData['reason']): void {
    if (this.result || !this.sys.isActive()) return;
    const { sound, touchUp } = this.services;
    sound.stopLoops();
    touchUp.setPlaying(null);
    // `game-state` says 'paused' from the pause overlay's create, not from here: a key pressed
    // on "paused" before the overlay existed was lost (a player's Backspace; a red fault test).
    // Paused at once, not at the next frame: a blur and a visibilitychange often arrive
    // together, and the second must see the game already paused.
    this.sys.pause();
    const data: PauseData = { reason, watch: this.faceWatch };
    this.scene.launch(SCENES.pause, data);
  }

  /** Leaving the tab or the window pauses the game; only the player resumes it. */
  private watchFocus(): void {
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') this.pauseGame('player');
    };
    const onBlur = (): void => this.pauseGame('player');
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('blur', onBlur);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('blur', onBlur);
    });
  }
}
