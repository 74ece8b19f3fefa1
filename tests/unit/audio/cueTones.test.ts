import { describe, expect, it, vi } from 'vitest';
import { CUE_EFFECTS, cueRecipe, type PoseCue } from '../../../src/audio/cueTones';
import { SoundEngine } from '../../../src/audio/soundEngine';

const POSE_CUES: readonly PoseCue[] = ['cueNeutral', 'cueLeft', 'cueRight', 'cueUp', 'cueDown'];

/** What a listener tells apart: how many notes, their pitches and their side. */
function signature(cue: PoseCue): string {
  return JSON.stringify(cueRecipe(cue).map((t) => [t.from, t.to ?? t.from, t.pan ?? 0]));
}

describe('the calibration cue tones', () => {
  it('gives every pose its own tone', () => {
    const signatures = new Set(POSE_CUES.map(signature));
    expect(signatures.size).toBe(POSE_CUES.length);
  });

  it('plays left low and on the left, right high and on the right, up high, down low', () => {
    const pitch = (cue: PoseCue) => cueRecipe(cue)[0]?.from ?? 0;
    expect(pitch('cueLeft')).toBeLessThan(pitch('cueRight'));
    expect(pitch('cueDown')).toBeLessThan(pitch('cueNeutral'));
    expect(pitch('cueUp')).toBeGreaterThan(pitch('cueNeutral'));
    expect(cueRecipe('cueLeft').every((t) => (t.pan ?? 0) < 0)).toBe(true);
    expect(cueRecipe('cueRight').every((t) => (t.pan ?? 0) > 0)).toBe(true);
  });

  it('says "turn now" with a rising tone, and "done" with a chime unlike it', () => {
    const [turn] = cueRecipe('cueTurn');
    expect(turn?.to).toBeGreaterThan(turn?.from ?? Infinity);
    const done = cueRecipe('cueDone');
    expect(done.length).toBeGreaterThan(1);
    expect(done.every((t) => t.to === undefined && t.type === 'sine')).toBe(true);
  });

  it('plays through the game sound engine, and not at all when muted', () => {
    const started: number[] = [];
    const param = () => ({
      value: 0,
      setValueAtTime: vi.fn(),
      exponentialRampToValueAtTime: vi.fn(),
      setTargetAtTime: vi.fn(),
    });
    const node = () => ({ connect: vi.fn((next: unknown) => next) });
    const ctx = {
      state: 'running',
      currentTime: 0,
      destination: node(),
      createGain: () => ({ ...node(), gain: param() }),
      createStereoPanner: () => ({ ...node(), pan: param() }),
      createOscillator: () => ({
        ...node(),
        frequency: param(),
        start: () => started.push(1),
        stop: vi.fn(),
      }),
    };
    const engine = new SoundEngine({ createContext: () => ctx as unknown as BaseAudioContext });
    engine.unlock();
    for (const cue of CUE_EFFECTS) engine.play(cue);
    const expected = CUE_EFFECTS.reduce((n, cue) => n + cueRecipe(cue).length, 0);
    expect(started).toHaveLength(expected);
    engine.setMuted(true);
    engine.play('cueTurn');
    expect(started).toHaveLength(expected);
  });
});
