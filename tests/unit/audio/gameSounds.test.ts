import { describe, expect, it } from 'vitest';
import { chooseLoop, DEATH_FREEZE_TICKS, GameSounds } from '../../../src/audio/gameSounds';
import type { Effect, LoopName, SoundSink } from '../../../src/audio/soundEngine';
import type { GameView, GhostLook, GhostView } from '../../../src/game/types';

function ghosts(...looks: GhostLook[]): GhostView[] {
  const names = ['blinky', 'pinky', 'inky', 'clyde'] as const;
  return looks.map((look, i) => ({
    name: names[i] ?? 'blinky',
    look,
    inHouse: false,
    x: 0,
    y: 0,
    direction: 'left',
  }));
}

function view(partial: Partial<GameView>): GameView {
  return {
    phase: 'playing',
    phaseTicks: 0,
    dotsLeft: 240,
    ghosts: ghosts('normal', 'normal', 'normal', 'normal'),
    ...partial,
  } as GameView;
}

class Recorder implements SoundSink {
  played: Effect[] = [];
  loops: [LoopName | null, number][] = [];
  play(effect: Effect): void {
    this.played.push(effect);
  }
  setLoop(loop: LoopName | null, intensity = 0): void {
    this.loops.push([loop, intensity]);
  }
}

describe('chooseLoop', () => {
  it('plays the siren in normal play, rising as the board empties', () => {
    expect(chooseLoop(view({ dotsLeft: 240 }), 240)).toEqual({ loop: 'siren', intensity: 0 });
    const late = chooseLoop(view({ dotsLeft: 10 }), 240);
    expect(late.loop).toBe('siren');
    expect(late.intensity).toBe(1);
    const middle = chooseLoop(view({ dotsLeft: 120 }), 240).intensity;
    expect(middle).toBeGreaterThan(0);
    expect(middle).toBeLessThan(1);
  });

  it('prefers eyes over fright over siren', () => {
    expect(chooseLoop(view({ ghosts: ghosts('frightened', 'normal') }), 240).loop).toBe('fright');
    expect(chooseLoop(view({ ghosts: ghosts('flashing') }), 240).loop).toBe('fright');
    expect(chooseLoop(view({ ghosts: ghosts('frightened', 'eyes') }), 240).loop).toBe('eyes');
  });

  it('is silent outside play', () => {
    for (const phase of ['ready', 'ghostEaten', 'dying', 'levelClear', 'gameOver'] as const) {
      expect(chooseLoop(view({ phase }), 240).loop).toBeNull();
    }
  });
});

describe('GameSounds', () => {
  it('alternates the two chomp tones', () => {
    const sink = new Recorder();
    const sounds = new GameSounds(sink);
    sounds.handle([{ type: 'dotEaten' }, { type: 'dotEaten' }, { type: 'energizerEaten' }]);
    expect(sink.played).toEqual(['chompA', 'chompB', 'chompA']);
  });

  it('plays the one-shot effects of events', () => {
    const sink = new Recorder();
    new GameSounds(sink).handle([
      { type: 'ghostEaten', ghost: 'inky', points: 200 },
      { type: 'fruitEaten', fruit: 'cherry', points: 100 },
      { type: 'extraLife' },
      { type: 'frightEnded' },
    ]);
    expect(sink.played).toEqual(['ghostEaten', 'fruitEaten', 'extraLife']);
  });

  it('plays the death sound once, when the frozen moment ends', () => {
    const sink = new Recorder();
    const sounds = new GameSounds(sink);
    sounds.update(view({ phase: 'dying', phaseTicks: 1 }));
    expect(sink.played).toEqual([]);
    sounds.update(view({ phase: 'dying', phaseTicks: DEATH_FREEZE_TICKS }));
    sounds.update(view({ phase: 'dying', phaseTicks: DEATH_FREEZE_TICKS + 5 }));
    expect(sink.played).toEqual(['death']);
    sounds.update(view({ phase: 'ready' }));
    sounds.update(view({ phase: 'dying', phaseTicks: DEATH_FREEZE_TICKS }));
    expect(sink.played).toEqual(['death', 'death']);
  });

  it('keeps the loop in step with the view', () => {
    const sink = new Recorder();
    const sounds = new GameSounds(sink);
    sounds.update(view({ dotsLeft: 240 }));
    sounds.update(view({ phase: 'ready' }));
    expect(sink.loops).toEqual([
      ['siren', 0],
      [null, 0],
    ]);
  });
});
