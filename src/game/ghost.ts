/**
 * A ghost's body and its movement: bobbing in the house, walking out through the door,
 * roaming the corridors (choosing at tile centres), and returning as eyes.
 */
import type { Direction } from './direction';
import { isHorizontal, opposite, vectorOf } from './direction';
import type { Tile } from './geometry';
import { atTileCentre, tileOf, wrapX } from './geometry';
import { HOUSE_ENTRANCE } from './ghostTargets';
import type { GhostLook, GhostName, GhostView } from './types';

/**
 * home: waiting in the house; leaving: walking out through the door; roaming: in the maze
 * (scatter, chase or frightened); eyes: eaten, heading back; entering: eyes going in.
 */
export type GhostState = 'home' | 'leaving' | 'roaming' | 'eyes' | 'entering';

/** Just above the door, where ghosts come out and eyes go in (between tiles 13 and 14). */
export const DOOR_TOP = { x: 112, y: 92 } as const;
/** The middle of the house, where eyes turn back into ghosts. */
export const HOUSE_CENTRE = { x: 112, y: 116 } as const;
/** Waiting ghosts bob between these heights. */
const BOB_TOP = 112;
const BOB_BOTTOM = 120;

interface Start {
  readonly x: number;
  readonly y: number;
  readonly direction: Direction;
  readonly state: GhostState;
}

export const GHOST_STARTS: Readonly<Record<GhostName, Start>> = {
  blinky: { x: DOOR_TOP.x, y: DOOR_TOP.y, direction: 'left', state: 'roaming' },
  pinky: { x: HOUSE_CENTRE.x, y: HOUSE_CENTRE.y, direction: 'down', state: 'home' },
  inky: { x: 96, y: HOUSE_CENTRE.y, direction: 'up', state: 'home' },
  clyde: { x: 128, y: HOUSE_CENTRE.y, direction: 'up', state: 'home' },
};

export const GHOST_NAMES: readonly GhostName[] = ['blinky', 'pinky', 'inky', 'clyde'];

export class Ghost implements GhostView {
  x = 0;
  y = 0;
  direction: Direction = 'left';
  state: GhostState = 'home';
  frightened = false;
  look: GhostLook = 'normal';
  budget = 0;
  /** Set when reversed exactly on a tile centre: the next pixel goes back without choosing. */
  private turnedBackOnCentre = false;

  constructor(readonly name: GhostName) {
    this.reset();
  }

  get inHouse(): boolean {
    return this.state === 'home' || this.state === 'leaving' || this.state === 'entering';
  }

  get isEyes(): boolean {
    return this.state === 'eyes' || this.state === 'entering';
  }

  get tile(): Tile {
    return tileOf(this.x, this.y);
  }

  reset(): void {
    const start = GHOST_STARTS[this.name];
    this.x = start.x;
    this.y = start.y;
    this.direction = start.direction;
    this.state = start.state;
    this.frightened = false;
    this.look = 'normal';
    this.budget = 0;
    this.turnedBackOnCentre = false;
  }

  /** Roaming ghosts turn straight back at once (mode changes, energizers). */
  reverse(): void {
    if (this.state !== 'roaming') return;
    this.direction = opposite(this.direction);
    this.turnedBackOnCentre = atTileCentre(this.x, this.y);
  }

  release(): void {
    if (this.state === 'home') this.state = 'leaving';
  }

  /** Caught while frightened: only the eyes remain, and they head home. */
  eaten(): void {
    this.frightened = false;
    // Caught in the doorway on the way out: go straight back in.
    this.state = this.state === 'leaving' ? 'entering' : 'eyes';
  }

  /** Moves `speed` pixels' worth this tick; `steer` picks the way at tile centres. */
  move(speed: number, steer: (ghost: Ghost, tile: Tile) => Direction): void {
    this.budget += speed;
    while (this.budget >= 1) {
      this.budget -= 1;
      this.stepPixel(steer);
    }
  }

  private stepPixel(steer: (ghost: Ghost, tile: Tile) => Direction): void {
    switch (this.state) {
      case 'home':
        if (isHorizontal(this.direction)) this.direction = 'up';
        if (this.direction === 'up' && this.y <= BOB_TOP) this.direction = 'down';
        else if (this.direction === 'down' && this.y >= BOB_BOTTOM) this.direction = 'up';
        this.go(this.direction);
        return;
      case 'leaving':
        if (this.x !== HOUSE_CENTRE.x && this.y !== HOUSE_CENTRE.y) {
          this.go(this.y < HOUSE_CENTRE.y ? 'down' : 'up');
        } else if (this.x !== HOUSE_CENTRE.x) {
          this.go(this.x < HOUSE_CENTRE.x ? 'right' : 'left');
        } else {
          this.go('up');
          if (this.y <= DOOR_TOP.y) {
            this.state = 'roaming';
            this.direction = 'left';
          }
        }
        return;
      case 'entering':
        if (this.x !== DOOR_TOP.x) {
          this.go(this.x < DOOR_TOP.x ? 'right' : 'left');
        } else {
          this.go('down');
          if (this.y >= HOUSE_CENTRE.y) this.state = 'leaving'; // revived: out at once
        }
        return;
      case 'roaming':
      case 'eyes':
        if (atTileCentre(this.x, this.y) && !this.turnedBackOnCentre) {
          const tile = this.tile;
          if (this.state === 'eyes' && tile.ty === HOUSE_ENTRANCE.ty && isAboveDoor(tile.tx)) {
            this.state = 'entering';
            this.stepPixel(steer);
            return;
          }
          this.direction = steer(this, tile);
        }
        this.turnedBackOnCentre = false;
        this.go(this.direction);
        this.x = wrapX(this.x);
    }
  }

  private go(direction: Direction): void {
    const v = vectorOf(direction);
    this.direction = direction;
    this.x += v.x;
    this.y += v.y;
  }
}

function isAboveDoor(tx: number): boolean {
  return tx === HOUSE_ENTRANCE.tx || tx === HOUSE_ENTRANCE.tx + 1;
}
