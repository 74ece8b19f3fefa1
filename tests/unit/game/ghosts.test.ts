import { describe, expect, it } from 'vitest';
import { ghostSpeedPercent, ghostTarget } from '../../../src/game/ghostGuide';
import { PHASE_TICKS, GameWorld } from '../../../src/game/world';
import {
  heroBesideEnergizer,
  parkGhosts,
  placeGhost,
  placeHero,
  playingWorld,
  run,
  runUntil,
} from './helpers';

/** Removes pellets row by row until only `left` remain; row 29 goes last, from its left end. */
function leaveDots(world: GameWorld, left: number): void {
  const rows = [...Array.from({ length: 29 }, (_, i) => i), 30, 29];
  for (const ty of rows) {
    for (let tx = 0; tx < 28; tx++) {
      if (world.pellets.count > left) world.pellets.remove(tx, ty);
    }
  }
}

/** A level-1 world in play with only blinky out, mid-tile on row 1 heading left. */
function blinkyOnRow1(level = 1) {
  const world = playingWorld({ startLevel: level });
  parkGhosts(world);
  placeHero(world, 26, 29, 'left');
  const blinky = placeGhost(world, 'blinky', 62, 12, 'left');
  return { world, blinky, pinky: world.ghost('pinky') };
}

describe('reversals', () => {
  it('every scatter/chase change turns roaming ghosts straight back, not those at home', () => {
    const { world, blinky, pinky } = blinkyOnRow1();
    world.waves.ticks = 7 * 60 - 1;
    const pinkyWay = pinky.direction;
    world.step(null);
    expect(world.waves.mode).toBe('chase');
    expect(blinky.direction).toBe('right');
    expect(pinky.direction).toBe(pinkyWay);
    const x = blinky.x;
    run(world, 8);
    expect(blinky.direction).toBe('right');
    expect(blinky.x).toBeGreaterThan(x);
    world.waves.ticks = 27 * 60 - 1;
    world.step(null);
    expect(world.waves.mode).toBe('scatter');
    expect(blinky.direction).toBe('left');
  });

  it('an energizer turns them back and frightens them; the end of fright does not', () => {
    const { world, blinky, pinky } = blinkyOnRow1();
    heroBesideEnergizer(world);
    expect(world.step(null).map((e) => e.type)).toEqual(['energizerEaten']);
    expect(blinky.direction).toBe('right');
    expect([blinky.frightened, blinky.look]).toEqual([true, 'frightened']);
    // In the house they look frightened too.
    expect(pinky.look).toBe('frightened');
    world.fright.ticksLeft = 2;
    world.step(null);
    const way = blinky.direction;
    expect(world.step(null)).toEqual([{ type: 'frightEnded' }]);
    expect(blinky.direction).toBe(way);
    expect([blinky.frightened, blinky.look, pinky.look]).toEqual([false, 'normal', 'normal']);
  });

  it('with no fright time (level 17) ghosts only turn back', () => {
    const { world, blinky } = blinkyOnRow1(17);
    heroBesideEnergizer(world);
    const events = run(world, 5).map((e) => e.type);
    expect(events).toEqual(['energizerEaten']);
    expect(blinky.direction).toBe('right');
    expect([blinky.frightened, blinky.look, world.fright.active]).toEqual([false, 'normal', false]);
  });
});

describe('fright', () => {
  it('pauses the wave clock while it lasts', () => {
    const { world } = blinkyOnRow1();
    world.waves.ticks = 100;
    heroBesideEnergizer(world);
    run(world, 200);
    expect(world.waves.ticks).toBe(100);
    run(world, 160); // 360 ticks of fright in all
    expect(world.fright.active).toBe(false);
    expect(world.waves.ticks).toBe(101);
    run(world, 10);
    expect(world.waves.ticks).toBe(111);
  });

  it('flashes in its last 140 ticks on level 1', () => {
    const { world, blinky } = blinkyOnRow1();
    heroBesideEnergizer(world);
    world.step(null);
    const looks: string[] = [];
    while (world.fright.active) {
      world.step(null);
      looks.push(blinky.look);
    }
    expect(looks.indexOf('flashing')).toBe(359 - 140 - 1);
    expect(looks.filter((l) => l === 'flashing')).toHaveLength(70);
    expect(looks[looks.length - 1]).toBe('normal');
  });

  it('makes eaten ghosts worth 200, 400, 800, 1600, freezing 60 ticks each time', () => {
    const world = playingWorld();
    parkGhosts(world);
    heroBesideEnergizer(world);
    world.step(null);
    const points: number[] = [];
    for (const name of ['blinky', 'pinky', 'inky', 'clyde'] as const) {
      const ghost = placeGhost(world, name, 26, 188, 'left'); // walks into the hero at (1,23)
      ghost.frightened = true;
      runUntil(world, 'ghostEaten', 100);
      expect([world.view.phase, ghost.look, ghost.state]).toEqual(['ghostEaten', 'eyes', 'eyes']);
      const frozen = [ghost.x, ghost.y, world.hero.x, world.fright.ticksLeft, world.waves.ticks];
      run(world, PHASE_TICKS.ghostEaten - 1);
      expect([ghost.x, ghost.y, world.hero.x, world.fright.ticksLeft, world.waves.ticks]).toEqual(
        frozen,
      );
      world.step(null);
      expect(world.view.phase).toBe('playing');
      points.push(world.view.score);
    }
    const base = 50;
    expect(points).toEqual([base + 200, base + 600, base + 1400, base + 3000]);
  });

  it('restarts on a new energizer, with the points chain; eyes stay eyes', () => {
    const world = playingWorld();
    parkGhosts(world);
    heroBesideEnergizer(world);
    world.step(null);
    const blinky = placeGhost(world, 'blinky', 26, 188, 'left');
    blinky.frightened = true;
    const events = run(world, 100);
    expect(events).toContainEqual({ type: 'ghostEaten', ghost: 'blinky', points: 200 });
    expect(blinky.state).toBe('eyes');
    // The other energizer of row 23, at (26,23).
    placeHero(world, 25, 23, 'right');
    world.hero.x = 207;
    const left = world.fright.ticksLeft;
    expect(world.step(null).map((e) => e.type)).toEqual(['energizerEaten']);
    expect(world.fright.ticksLeft).toBe(359);
    expect(left).toBeLessThan(359);
    expect([blinky.frightened, blinky.look]).toEqual([false, 'eyes']);
    const pinky = placeGhost(world, 'pinky', 198, 188, 'right');
    expect(pinky.frightened).toBe(true);
    pinky.direction = 'right';
    expect(run(world, 60)).toContainEqual({ type: 'ghostEaten', ghost: 'pinky', points: 200 });
  });

  it('sends the eyes home, where they revive and leave at once', () => {
    const world = playingWorld();
    parkGhosts(world);
    heroBesideEnergizer(world);
    world.step(null);
    const blinky = placeGhost(world, 'blinky', 26, 188, 'left');
    runUntil(world, 'ghostEaten', 100);
    const states: string[] = [];
    for (let t = 0; t < 600 && !(states.length > 2 && blinky.state === 'roaming'); t++) {
      world.step(null);
      if (states[states.length - 1] !== blinky.state) states.push(blinky.state);
    }
    expect(states).toEqual(['eyes', 'entering', 'leaving', 'roaming']);
    expect([blinky.x, blinky.y, blinky.look, blinky.frightened]).toEqual([
      112, 92, 'normal', false,
    ]); // prettier-ignore
  });
});

describe('speeds', () => {
  it('slows ghosts in the tunnel, frightened or not, and wraps them', () => {
    const world = playingWorld();
    parkGhosts(world);
    placeHero(world, 26, 29, 'left');
    const blinky = placeGhost(world, 'blinky', 44, 116, 'left');
    expect(ghostSpeedPercent(blinky, world.guideContext())).toBe(40);
    run(world, 100);
    expect([blinky.x, blinky.y]).toEqual([218, 116]); // 50 px in 100 ticks
    blinky.frightened = true;
    expect(ghostSpeedPercent(blinky, world.guideContext())).toBe(40);
    placeGhost(world, 'blinky', 60, 12, 'left');
    expect(ghostSpeedPercent(blinky, world.guideContext())).toBe(50);
    blinky.frightened = false;
    expect(ghostSpeedPercent(blinky, world.guideContext())).toBe(75);
  });

  it('turns blinky into Cruise Elroy by dots left, chasing even in scatter', () => {
    const world = playingWorld();
    parkGhosts(world);
    placeHero(world, 26, 29, 'left');
    const blinky = placeGhost(world, 'blinky', 60, 12, 'left');
    const speed = () => ghostSpeedPercent(blinky, world.guideContext());
    expect(world.waves.mode).toBe('scatter');
    expect(ghostTarget(blinky, world.guideContext())).toEqual({ tx: 25, ty: -3 });
    leaveDots(world, 21);
    expect(speed()).toBe(75);
    world.pellets.remove(26, 29);
    expect(world.elroy()).toBe(1);
    expect(speed()).toBe(80);
    expect(ghostTarget(blinky, world.guideContext())).toEqual({ tx: 26, ty: 29 });
    expect(ghostTarget(world.ghost('pinky'), world.guideContext())).toEqual({ tx: 2, ty: -3 });
    leaveDots(world, 10);
    expect(speed()).toBe(85);
  });

  it('suspends Cruise Elroy after a lost life until clyde has left the house', () => {
    const world = playingWorld();
    leaveDots(world, 15);
    const blinky = world.ghost('blinky');
    expect(world.elroy()).toBe(1);
    placeHero(world, 26, 29, 'left');
    placeGhost(world, 'pinky', 180, 236, 'right');
    runUntil(world, 'lifeLost', 400);
    run(world, PHASE_TICKS.ready + 1);
    expect(world.view.phase).toBe('playing');
    expect(world.elroy()).toBe(0);
    expect(ghostSpeedPercent(blinky, world.guideContext())).toBe(75);
    for (let t = 0; t < 3000 && world.ghost('clyde').state === 'home'; t++) world.step(null);
    expect(world.ghost('clyde').state).not.toBe('home');
    expect(world.elroy()).toBe(1);
  });
});

describe('ghost house in play', () => {
  it('level 1: pinky leaves at once and comes out above the door heading left', () => {
    const world = playingWorld();
    world.step(null);
    const pinky = world.ghost('pinky');
    expect(pinky.state).toBe('leaving');
    expect(pinky.inHouse).toBe(true);
    for (let t = 0; t < 200 && pinky.state === 'leaving'; t++) world.step(null);
    expect([pinky.state, pinky.x, pinky.y, pinky.inHouse]).toEqual(['roaming', 112, 92, false]);
    expect(world.ghost('inky').state).toBe('home');
  });

  it('lets inky out 4 s after the hero last ate, when the hero stands still', () => {
    const world = playingWorld();
    const inky = world.ghost('inky');
    let lastDot = 0;
    let released = 0;
    for (let t = 1; t <= 600 && !released; t++) {
      if (world.step(null).some((e) => e.type === 'dotEaten')) lastDot = t;
      if (inky.state !== 'home') released = t;
    }
    expect(world.dotsEaten).toBe(7);
    expect(released - lastDot).toBe(240);
  });

  it('after a lost life, holds pinky until the 7th dot (global counter)', () => {
    const world = playingWorld();
    placeHero(world, 26, 29, 'left');
    placeGhost(world, 'blinky', 180, 236, 'right');
    runUntil(world, 'lifeLost', 400);
    run(world, PHASE_TICKS.ready);
    const pinky = world.ghost('pinky');
    let dots = 0;
    for (let t = 0; t < 200 && pinky.state === 'home'; t++) {
      dots += world.step(null).filter((e) => e.type === 'dotEaten').length;
    }
    expect(dots).toBe(7);
    expect(world.ghost('inky').state).toBe('home');
  });
});

it('keeps a new world in its own state', () => {
  const a = new GameWorld({ seed: 1 });
  const b = new GameWorld({ seed: 1 });
  a.step('up');
  expect(b.view.requestedDirection).toBeNull();
});
