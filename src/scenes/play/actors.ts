/**
 * The hero, the four ghosts and the bonus fruit, placed from the view every frame.
 * Art faces right; the hero is turned or mirrored for the other directions, while ghosts
 * stay upright and show their heading with their eyes.
 */
import type Phaser from 'phaser';
import type { Direction } from '../../game/direction';
import type { GameView, GhostName, GhostView } from '../../game/types';
import { DEATH_FREEZE_TICKS } from '../../audio/gameSounds';
import { ART_SCALE, MAZE_TOP } from '../../ui/layout';
import {
  frightKey,
  fruitKey,
  ghostBodyKey,
  ghostEyesKey,
  GHOST_NAMES,
  HERO_DEATH_FRAMES,
  HERO_POP,
  heroDeathKey,
  heroKey,
} from '../../ui/textureKeys';

/** The chomp cycle over the three mouth frames: closed, half, wide, half. */
const CHOMP = [0, 1, 2, 1];
const CHOMP_TICKS = 3;
const DEATH_FRAME_TICKS = 7;
const POP_TICKS = 14;

const TURN: Record<Direction, { angle: number; flip: boolean }> = {
  right: { angle: 0, flip: false },
  left: { angle: 0, flip: true },
  up: { angle: -90, flip: false },
  down: { angle: 90, flip: false },
};

interface GhostSprite {
  readonly body: Phaser.GameObjects.Image;
  readonly eyes: Phaser.GameObjects.Image;
}

export class Actors {
  private readonly hero: Phaser.GameObjects.Image;
  private readonly ghosts = new Map<GhostName, GhostSprite>();
  private readonly fruit: Phaser.GameObjects.Image;
  /** The ghost just eaten: hidden during the freeze, its points shown in its place. */
  private eatenGhost: GhostName | null = null;

  constructor(scene: Phaser.Scene) {
    const scale = 1 / ART_SCALE;
    this.fruit = scene.add.image(0, 0, fruitKey('cherry')).setScale(scale).setDepth(2);
    for (const name of GHOST_NAMES) {
      const body = scene.add.image(0, 0, ghostBodyKey(name, 0)).setScale(scale).setDepth(3);
      const eyes = scene.add.image(0, 0, ghostEyesKey('left')).setScale(scale).setDepth(4);
      this.ghosts.set(name, { body, eyes });
    }
    this.hero = scene.add.image(0, 0, heroKey(0)).setScale(scale).setDepth(5);
  }

  ghostEaten(name: GhostName): void {
    this.eatenGhost = name;
  }

  sync(view: GameView): void {
    this.syncHero(view);
    const ghostsShown = this.ghostsShown(view);
    const wiggle = Math.floor(view.tick / 8) % 2;
    for (const ghost of view.ghosts) {
      const sprite = this.ghosts.get(ghost.name);
      if (!sprite) continue;
      const hidden =
        !ghostsShown || (view.phase === 'ghostEaten' && ghost.name === this.eatenGhost);
      this.syncGhost(sprite, ghost, wiggle, !hidden);
    }
    const fruit = view.fruit;
    this.fruit.setVisible(fruit !== null && ghostsShown);
    if (fruit) this.fruit.setTexture(fruitKey(fruit.kind)).setPosition(fruit.x, MAZE_TOP + fruit.y);
  }

  private ghostsShown(view: GameView): boolean {
    switch (view.phase) {
      case 'dying':
        return view.phaseTicks < DEATH_FREEZE_TICKS;
      case 'levelClear':
      case 'gameOver':
        return false;
      default:
        return true;
    }
  }

  private syncGhost(sprite: GhostSprite, ghost: GhostView, wiggle: number, shown: boolean): void {
    const x = ghost.x;
    const y = MAZE_TOP + ghost.y;
    const look = ghost.look;
    sprite.body.setVisible(shown && look !== 'eyes').setPosition(x, y);
    sprite.eyes.setVisible(shown && (look === 'normal' || look === 'eyes')).setPosition(x, y);
    if (look === 'normal') sprite.body.setTexture(ghostBodyKey(ghost.name, wiggle));
    else if (look !== 'eyes') sprite.body.setTexture(frightKey(look === 'flashing', wiggle));
    sprite.eyes.setTexture(ghostEyesKey(ghost.direction));
  }

  private syncHero(view: GameView): void {
    const { hero } = view;
    const turn = TURN[hero.direction];
    this.hero
      .setPosition(hero.x, MAZE_TOP + hero.y)
      .setAngle(turn.angle)
      .setFlipX(turn.flip);
    this.hero.setVisible(view.phase !== 'ghostEaten' && view.phase !== 'gameOver');
    if (view.phase === 'dying') {
      this.dyingHero(view.phaseTicks);
    } else if (view.phase === 'ready') {
      this.hero.setTexture(heroKey(0));
    } else if (view.phase === 'playing' && hero.moving) {
      this.hero.setTexture(heroKey(CHOMP[Math.floor(view.tick / CHOMP_TICKS) % 4] ?? 1));
    } else {
      this.hero.setTexture(heroKey(1));
    }
  }

  /** Frozen, then the mouth opens until the hero is gone, then a last spark. */
  private dyingHero(ticks: number): void {
    const t = ticks - DEATH_FREEZE_TICKS;
    const collapse = HERO_DEATH_FRAMES * DEATH_FRAME_TICKS;
    if (t < 0) this.hero.setTexture(heroKey(1));
    else if (t < collapse) this.hero.setTexture(heroDeathKey(Math.floor(t / DEATH_FRAME_TICKS)));
    else if (t < collapse + POP_TICKS) this.hero.setTexture(HERO_POP).setAngle(0);
    else this.hero.setVisible(false);
  }
}
