/**
 * The read-only picture of the game that scenes draw, the HUD mirrors and tests read.
 * The rules (GameWorld) own the state; everything outside src/game only reads this.
 *
 * Coordinates are maze pixels: tile (tx, ty) covers x in [8*tx, 8*tx + 8) and its centre is
 * (8*tx + 4, 8*ty + 4). The maze is 28 x 31 tiles, 224 x 248 pixels.
 */
import type { Direction } from './direction';

export type GhostName = 'blinky' | 'pinky' | 'inky' | 'clyde';

/**
 * What a ghost looks like right now: scenes pick its drawing from this alone.
 * Near the end of a fright the rules alternate 'frightened' and 'flashing' (the white look)
 * every 14 ticks, as many times as the level's flash count says.
 */
export type GhostLook = 'normal' | 'frightened' | 'flashing' | 'eyes';

/** What one tile of the maze is, as far as drawing and walking are concerned. */
export type TileKind = 'wall' | 'path' | 'tunnel' | 'door' | 'house' | 'void';

export interface MazeView {
  /** In tiles: 28 x 31 for the classic maze. */
  readonly width: number;
  readonly height: number;
  /** Outside the maze counts as 'void', except beyond the tunnel's ends, which is 'tunnel'. */
  kindAt(tx: number, ty: number): TileKind;
}

export type FruitKind =
  'cherry' | 'strawberry' | 'orange' | 'apple' | 'melon' | 'starship' | 'bell' | 'key';

/**
 * ready: the "get ready" pause before play (start of game, of a level, after a death);
 * playing: the tick advances everything; ghostEaten: the short freeze showing the points;
 * dying: the hero's death animation; levelClear: the maze flashes; gameOver: no lives left.
 */
export type GamePhase = 'ready' | 'playing' | 'ghostEaten' | 'dying' | 'levelClear' | 'gameOver';

export interface ActorView {
  readonly x: number;
  readonly y: number;
  readonly direction: Direction;
}

export interface HeroView extends ActorView {
  /** False while stopped against a wall: the mouth stops chomping. */
  readonly moving: boolean;
}

export interface GhostView extends ActorView {
  readonly name: GhostName;
  readonly look: GhostLook;
  /** True while waiting in, entering or leaving the ghost house. */
  readonly inHouse: boolean;
}

export interface FruitView {
  readonly kind: FruitKind;
  readonly points: number;
  readonly x: number;
  readonly y: number;
}

export interface GameView {
  readonly maze: MazeView;
  readonly tick: number;
  readonly phase: GamePhase;
  /** Ticks spent in the current phase; drives ready text, death and level-clear animations. */
  readonly phaseTicks: number;
  readonly score: number;
  readonly lives: number;
  readonly level: number;
  readonly hero: HeroView;
  readonly ghosts: readonly GhostView[];
  /** The fruit on the board, or null. */
  readonly fruit: FruitView | null;
  /** Fruits of the current and previous levels, for the HUD (at most 7, newest last). */
  readonly fruitShelf: readonly FruitKind[];
  /**
   * Whether a dot or energizer remains on tile (tx, ty): hasDot answers for a small dot only
   * (false on an energizer's tile), hasEnergizer for one of the four energizers.
   */
  hasDot(tx: number, ty: number): boolean;
  hasEnergizer(tx: number, ty: number): boolean;
  readonly dotsLeft: number;
  /** The direction the hero is asked to take (buffered until the turn is possible). */
  readonly requestedDirection: Direction | null;
}

/** What happened during one tick: scenes play sounds and show points from these. */
export type GameEvent =
  | { readonly type: 'dotEaten' }
  | { readonly type: 'energizerEaten' }
  | { readonly type: 'ghostEaten'; readonly ghost: GhostName; readonly points: number }
  | { readonly type: 'fruitShown'; readonly fruit: FruitKind }
  | { readonly type: 'fruitEaten'; readonly fruit: FruitKind; readonly points: number }
  | { readonly type: 'frightEnded' }
  | { readonly type: 'heroCaught' }
  | { readonly type: 'lifeLost'; readonly livesLeft: number }
  | { readonly type: 'extraLife' }
  | { readonly type: 'levelCleared'; readonly level: number }
  | { readonly type: 'levelStarted'; readonly level: number }
  | { readonly type: 'gameOver'; readonly score: number };
