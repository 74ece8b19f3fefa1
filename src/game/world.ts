/**
 * The coordinator: one GameWorld is one game. step() advances it by one 1/60 s tick, in the
 * arcade's order: the hero moves and eats, then the ghosts move, then the clocks run.
 * Everything outside src/game reads the game through `view` only.
 */
import { AttackWaves } from './attackWaves';
import type { ElroyLevel } from './cruiseElroy';
import { elroyLevel } from './cruiseElroy';
import type { Direction } from './direction';
import { CLASSIC_MAZE } from './classicMaze';
import { FrightTimer, frightTicks, ghostLook } from './fright';
import { Fruit, heroReachesFruit } from './fruit';
import { tileOf } from './geometry';
import { Ghost, GHOST_NAMES } from './ghost';
import { GhostHouse } from './ghostHouse';
import type { GuideContext } from './ghostGuide';
import { ghostSpeedPercent, steerGhost } from './ghostGuide';
import { Hero, moveHero } from './hero';
import { levelSpec, pixelsPerTick } from './levelTable';
import type { Maze } from './maze';
import { parseMaze } from './maze';
import { Pellets } from './pellets';
import type { Random } from './random';
import { mulberry32 } from './random';
import { DOT_POINTS, ENERGIZER_POINTS, ghostPoints, Score } from './scoring';
import type { GameEvent, GamePhase, GameView, GhostName } from './types';
import { createView } from './gameView';
import { PHASE_TICKS } from './phases';

export { TICKS_PER_SECOND } from './ticks';
export { PHASE_TICKS } from './phases';

export interface GameWorldOptions {
  seed?: number;
  startLevel?: number;
  /** Lives at the start, the one in play included (default 3). */
  lives?: number;
  /** Another maze text (tests); the classic maze by default. */
  mazeText?: string;
}

export class GameWorld {
  readonly view: GameView;
  // The state below is public for tests and scenarios; the game's clients use `view`.
  readonly maze: Maze;
  readonly pellets: Pellets;
  readonly hero = new Hero();
  readonly ghosts: readonly Ghost[] = GHOST_NAMES.map((name) => new Ghost(name));
  readonly waves: AttackWaves;
  readonly fright = new FrightTimer();
  readonly house: GhostHouse;
  readonly fruit = new Fruit();
  readonly score = new Score();
  level: number;
  lives: number;
  tick = 0;
  phase: GamePhase = 'ready';
  phaseTicks = 0;
  requested: Direction | null = null;
  /** Dots and energizers eaten this level (fruit appears at 70 and 170). */
  dotsEaten = 0;
  /** Ghosts eaten on the current energizer. */
  ghostChain = 0;
  /** After a lost life Cruise Elroy waits until clyde has left the house. */
  elroySuspended = false;
  private readonly random: Random;
  private events: GameEvent[] = [];
  private levelAnnounced = false;
  /** The first "ready" of a game is longer than the later ones. */
  private readyTicks: number = PHASE_TICKS.firstReady;

  constructor(options: GameWorldOptions = {}) {
    this.maze = parseMaze(options.mazeText ?? CLASSIC_MAZE);
    this.pellets = new Pellets(this.maze);
    this.level = Math.max(1, Math.floor(options.startLevel ?? 1));
    this.lives = options.lives ?? 3;
    this.random = mulberry32(options.seed ?? 1);
    this.waves = new AttackWaves(this.level);
    this.house = new GhostHouse(this.level);
    this.view = createView(this);
  }

  ghost(name: GhostName): Ghost {
    return this.ghosts[GHOST_NAMES.indexOf(name)] as Ghost;
  }

  step(requested: Direction | null): readonly GameEvent[] {
    this.events = [];
    if (requested !== null) this.requested = requested;
    this.tick++;
    this.phaseTicks++;
    if (!this.levelAnnounced) {
      this.levelAnnounced = true;
      this.emit({ type: 'levelStarted', level: this.level });
    }
    switch (this.phase) {
      case 'ready':
        if (this.phaseTicks >= this.readyTicks) this.enter('playing');
        break;
      case 'playing':
        this.play();
        break;
      case 'ghostEaten':
        if (this.phaseTicks >= PHASE_TICKS.ghostEaten) this.enter('playing');
        break;
      case 'dying':
        if (this.phaseTicks >= PHASE_TICKS.dying) this.endOfLife();
        break;
      case 'levelClear':
        if (this.phaseTicks >= PHASE_TICKS.levelClear) this.startNextLevel();
        break;
      case 'gameOver':
        break;
    }
    this.updateLooks();
    return this.events;
  }

  /** One tick of play. */
  private play(): void {
    const spec = levelSpec(this.level);
    const heroSpeed = this.fright.active ? spec.heroFrightSpeed : spec.heroSpeed;
    moveHero(this.hero, this.maze, this.requested, pixelsPerTick(heroSpeed));
    const ate = this.eatPellet();
    if (this.pellets.count === 0) {
      this.emit({ type: 'levelCleared', level: this.level });
      this.enter('levelClear');
      return;
    }
    this.eatFruit();
    if (this.resolveContacts()) return;
    const context = this.guideContext();
    for (const ghost of this.ghosts) {
      const speed = pixelsPerTick(ghostSpeedPercent(ghost, context));
      ghost.move(speed, (g, tile) => steerGhost(g, tile, context));
    }
    if (this.resolveContacts()) return;

    if (this.fright.advance()) {
      for (const ghost of this.ghosts) ghost.frightened = false;
      this.emit({ type: 'frightEnded' });
    }
    // The wave clock stands still while the ghosts are frightened.
    if (!this.fright.active && this.waves.advance()) {
      for (const ghost of this.ghosts) ghost.reverse();
    }
    const waiting = (name: GhostName): boolean => this.ghost(name).state === 'home';
    const released = this.house.tick(waiting, ate);
    if (released) this.ghost(released).release();
    this.fruit.advance();
    if (this.elroySuspended && this.ghost('clyde').state !== 'home') this.elroySuspended = false;
  }

  /** Eats the pellet on the hero's tile, if any; true when something was eaten. */
  private eatPellet(): boolean {
    const tile = tileOf(this.hero.x, this.hero.y);
    const pellet = this.pellets.eat(tile.tx, tile.ty);
    if (!pellet) return false;
    this.dotsEaten++;
    if (pellet === 'dot') {
      this.emit({ type: 'dotEaten' });
      this.addScore(DOT_POINTS);
      this.hero.pause = 1;
    } else {
      this.emit({ type: 'energizerEaten' });
      this.addScore(ENERGIZER_POINTS);
      this.hero.pause = 3;
      this.frighten();
    }
    const released = this.house.dotEaten((name) => this.ghost(name).state === 'home');
    if (released) this.ghost(released).release();
    const shown = this.fruit.dotsEaten(this.dotsEaten, this.level, this.random);
    if (shown) this.emit({ type: 'fruitShown', fruit: shown });
    return true;
  }

  /** An energizer: roaming ghosts turn back; unless the level has no fright, they turn blue. */
  private frighten(): void {
    this.ghostChain = 0;
    for (const ghost of this.ghosts) ghost.reverse();
    if (frightTicks(this.level) === 0) return;
    this.fright.start(this.level);
    // Eyes stay eyes; ghosts in the house turn blue too.
    for (const ghost of this.ghosts) if (!ghost.isEyes) ghost.frightened = true;
  }

  private eatFruit(): void {
    const fruit = this.fruit.shown;
    if (!fruit || !heroReachesFruit(this.hero.x, this.hero.y)) return;
    this.fruit.clear();
    this.emit({ type: 'fruitEaten', fruit: fruit.kind, points: fruit.points });
    this.addScore(fruit.points);
  }

  /** A ghost on the hero's tile is eaten (frightened) or catches the hero. */
  private resolveContacts(): boolean {
    const heroTile = tileOf(this.hero.x, this.hero.y);
    for (const ghost of this.ghosts) {
      if (ghost.isEyes || ghost.state === 'home') continue;
      const tile = ghost.tile;
      if (tile.tx !== heroTile.tx || tile.ty !== heroTile.ty) continue;
      if (ghost.frightened) {
        const points = ghostPoints(this.ghostChain++);
        ghost.eaten();
        this.emit({ type: 'ghostEaten', ghost: ghost.name, points });
        this.addScore(points);
        this.enter('ghostEaten');
      } else {
        this.emit({ type: 'heroCaught' });
        this.fruit.clear();
        this.enter('dying');
      }
      return true;
    }
    return false;
  }

  /** Blinky's Cruise Elroy level now (0 while suspended after a lost life). */
  elroy(): ElroyLevel {
    return this.elroySuspended ? 0 : elroyLevel(this.level, this.pellets.count);
  }

  /** What the ghosts need to know this tick to pick their speed and way. */
  guideContext(): GuideContext {
    return {
      maze: this.maze,
      level: this.level,
      mode: this.waves.mode,
      elroy: this.elroy(),
      hero: { tile: tileOf(this.hero.x, this.hero.y), direction: this.hero.direction },
      blinky: this.ghost('blinky'),
      random: this.random,
    };
  }

  private endOfLife(): void {
    this.lives--;
    this.emit({ type: 'lifeLost', livesLeft: this.lives });
    if (this.lives <= 0) {
      this.lives = 0;
      this.enter('gameOver');
      this.emit({ type: 'gameOver', score: this.score.points });
      return;
    }
    this.house.lifeLost();
    this.elroySuspended = true;
    this.resetActors();
    this.enter('ready');
  }

  private startNextLevel(): void {
    this.level++;
    this.pellets.refill();
    this.dotsEaten = 0;
    this.house.startLevel(this.level);
    this.elroySuspended = false;
    this.resetActors();
    this.enter('ready');
    this.emit({ type: 'levelStarted', level: this.level });
  }

  private resetActors(): void {
    this.hero.reset();
    for (const ghost of this.ghosts) ghost.reset();
    this.fright.stop();
    this.waves.restart(this.level);
    this.fruit.clear();
    this.ghostChain = 0;
  }

  private addScore(points: number): void {
    if (this.score.add(points)) {
      this.lives++;
      this.emit({ type: 'extraLife' });
    }
  }

  private enter(phase: GamePhase): void {
    if (phase === 'ready') this.readyTicks = PHASE_TICKS.ready;
    this.phase = phase;
    this.phaseTicks = 0;
  }

  private emit(event: GameEvent): void {
    this.events.push(event);
  }

  private updateLooks(): void {
    for (const ghost of this.ghosts)
      ghost.look = ghostLook(ghost, this.level, this.fright.ticksLeft);
  }
}
