import { describe, expect, it } from 'vitest';
import { FRUIT_MAX_TICKS, FRUIT_MIN_TICKS } from '../../../src/game/fruit';
import { PHASE_TICKS, GameWorld, TICKS_PER_SECOND } from '../../../src/game/world';
import { parkGhosts, placeHero, playingWorld, run, runUntil } from './helpers';

describe('phases', () => {
  it('starts in a 130-tick ready, then plays; lives and level come from the options', () => {
    expect(TICKS_PER_SECOND).toBe(60);
    const world = new GameWorld({ startLevel: 3, lives: 5 });
    const view = world.view;
    expect([view.phase, view.phaseTicks, view.tick, view.lives, view.level]).toEqual([
      'ready', 0, 0, 5, 3,
    ]); // prettier-ignore
    expect(world.step(null)).toEqual([{ type: 'levelStarted', level: 3 }]);
    run(world, 128);
    expect([view.phase, view.phaseTicks]).toEqual(['ready', 129]);
    world.step(null);
    expect([view.phase, view.phaseTicks, view.tick]).toEqual(['playing', 0, 130]);
    expect(view.dotsLeft).toBe(244);
    expect(view.ghosts.map((g) => g.name)).toEqual(['blinky', 'pinky', 'inky', 'clyde']);
    expect(new GameWorld().view.lives).toBe(3);
  });

  it('keeps the last non-null requested direction, also after null', () => {
    const world = new GameWorld();
    expect(world.view.requestedDirection).toBeNull();
    world.step('up');
    world.step(null);
    expect(world.view.requestedDirection).toBe('up');
    world.step('right');
    expect(world.view.requestedDirection).toBe('right');
  });

  it('runs a life cycle: caught -> dying -> one life fewer -> ready; last life -> game over', () => {
    const world = playingWorld({ lives: 2 });
    const blinky = world.ghost('blinky');
    // Blinky walks into the hero along row 23.
    placeHero(world, 6, 23, 'left');
    blinky.x = 68;
    blinky.y = 188;
    blinky.direction = 'left';
    const caughtAfter = runUntil(world, 'heroCaught', 50);
    expect(caughtAfter).toBeLessThan(20);
    expect(world.view.phase).toBe('dying');
    expect(world.view.lives).toBe(2);
    const frozen = { x: blinky.x, y: blinky.y };
    run(world, PHASE_TICKS.dying - 1);
    expect(world.view.phase).toBe('dying');
    expect({ x: blinky.x, y: blinky.y }).toEqual(frozen);
    expect(world.step(null)).toEqual([{ type: 'lifeLost', livesLeft: 1 }]);
    expect([world.view.phase, world.view.lives]).toEqual(['ready', 1]);
    expect([world.hero.x, world.hero.y, blinky.x, blinky.y]).toEqual([112, 188, 112, 92]);
    expect(world.ghost('pinky').state).toBe('home');
    run(world, PHASE_TICKS.ready);
    expect(world.view.phase).toBe('playing');

    placeHero(world, 6, 23, 'left');
    blinky.x = 68;
    blinky.y = 188;
    blinky.direction = 'left';
    runUntil(world, 'heroCaught', 50);
    const end = run(world, PHASE_TICKS.dying);
    expect(end).toEqual([
      { type: 'lifeLost', livesLeft: 0 },
      { type: 'gameOver', score: world.view.score },
    ]);
    expect([world.view.phase, world.view.lives]).toEqual(['gameOver', 0]);
    const tick = world.view.tick;
    expect(run(world, 100)).toEqual([]);
    expect(world.view.tick).toBe(tick + 100);
  });

  it('clears a level when the last dot goes, then starts the next with the dots back', () => {
    const world = playingWorld();
    parkGhosts(world);
    for (let ty = 0; ty < 31; ty++) for (let tx = 0; tx < 28; tx++) world.pellets.remove(tx, ty);
    world.pellets.refill();
    for (let ty = 0; ty < 31; ty++) {
      for (let tx = 0; tx < 28; tx++) if (!(tx === 12 && ty === 23)) world.pellets.remove(tx, ty);
    }
    expect(world.view.dotsLeft).toBe(1);
    const events = run(world, 10);
    expect(events.map((e) => e.type)).toEqual(['dotEaten', 'levelCleared']);
    expect(world.view.phase).toBe('levelClear');
    run(world, PHASE_TICKS.levelClear - 11);
    expect(world.view.phase).toBe('levelClear');
    const next = run(world, 10);
    expect(next).toContainEqual({ type: 'levelStarted', level: 2 });
    expect([world.view.phase, world.view.level, world.view.dotsLeft]).toEqual(['ready', 2, 244]);
    expect(world.view.hasDot(12, 23)).toBe(true);
    expect(world.view.hasEnergizer(1, 3)).toBe(true);
    expect(world.view.hasDot(1, 3)).toBe(false);
    expect(world.view.fruitShelf).toEqual(['cherry', 'strawberry']);
    run(world, PHASE_TICKS.ready);
    expect(world.view.phase).toBe('playing');
  });
});

describe('scoring in play', () => {
  it('scores 10 a dot and 50 an energizer, and gives the extra life once at 10,000', () => {
    const world = playingWorld();
    parkGhosts(world);
    world.score.points = 9_980;
    placeHero(world, 3, 23, 'left'); // dots at (3,23), (2,23), energizer at (1,23)
    const events = run(world, 40).map((e) => e.type);
    expect(events.filter((t) => t === 'extraLife')).toHaveLength(1);
    expect(events.indexOf('extraLife')).toBe(events.indexOf('dotEaten', 1) + 1);
    expect(world.view.score).toBe(9_980 + 10 + 10 + 50);
    expect(world.view.lives).toBe(4);
    placeHero(world, 26, 29, 'left');
    run(world, 200);
    expect(world.view.lives).toBe(4);
  });

  it('shows the fruit at 70 and 170 dots, for 9.33 to 10 s, and scores it', () => {
    const world = playingWorld({ seed: 42 });
    parkGhosts(world);
    world.dotsEaten = 69;
    placeHero(world, 26, 29, 'left'); // a long row of dots, far from the fruit
    const shown = runUntil(world, 'fruitShown', 20);
    expect(world.dotsEaten).toBe(70);
    expect(world.view.fruit).toEqual({ kind: 'cherry', points: 100, x: 112, y: 140 });
    const life = world.fruit.ticksLeft;
    expect(life).toBeGreaterThanOrEqual(FRUIT_MIN_TICKS);
    expect(life).toBeLessThanOrEqual(FRUIT_MAX_TICKS);
    expect(shown).toBeGreaterThan(0);
    run(world, life - 1);
    expect(world.view.fruit).not.toBeNull();
    world.step(null);
    expect(world.view.fruit).toBeNull();

    world.dotsEaten = 168;
    placeHero(world, 26, 1, 'left');
    const events = run(world, 30).map((e) => e.type);
    expect(events.filter((t) => t === 'fruitShown')).toHaveLength(1);
    expect(world.dotsEaten).toBeGreaterThan(170);
    // The hero walks along row 17 into the fruit.
    const before = world.view.score;
    placeHero(world, 17, 17, 'left');
    const eaten = run(world, 40);
    expect(eaten).toContainEqual({ type: 'fruitEaten', fruit: 'cherry', points: 100 });
    expect(world.view.score).toBe(before + 100);
    expect(world.view.fruit).toBeNull();
  });

  it('shows the same fruit time for the same seed', () => {
    const fruitTime = (seed: number) => {
      const world = playingWorld({ seed });
      parkGhosts(world);
      world.dotsEaten = 69;
      placeHero(world, 26, 29, 'left');
      runUntil(world, 'fruitShown', 20);
      return world.fruit.ticksLeft;
    };
    expect(fruitTime(9)).toBe(fruitTime(9));
    const times = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(fruitTime));
    expect(times.size).toBeGreaterThan(1);
  });
});
