import { describe, expect, it, vi } from 'vitest';
import { SoundEngine } from '../../../src/audio/soundEngine';
import { createMemoryStore } from '../../../src/storage/safeStorage';
import { MUTED_KEY } from '../../../src/storage/settings';

/** Just enough of an AudioContext for the engine to schedule into. */
function fakeContext(state: AudioContextState = 'running') {
  const param = () => ({
    value: 0,
    setValueAtTime: vi.fn(),
    exponentialRampToValueAtTime: vi.fn(),
    setTargetAtTime: vi.fn(),
  });
  const node = () => {
    const n = { connect: vi.fn((next: unknown) => next) };
    return n;
  };
  const oscillators: unknown[] = [];
  const ctx = {
    state,
    currentTime: 1,
    destination: node(),
    resume: vi.fn(async () => {
      ctx.state = 'running';
    }),
    createGain: () => ({ ...node(), gain: param() }),
    createOscillator: () => {
      const osc = { ...node(), type: 'sine', frequency: param(), start: vi.fn(), stop: vi.fn() };
      oscillators.push(osc);
      return osc;
    },
  };
  return { ctx, oscillators };
}

describe('SoundEngine', () => {
  it('plays silently, without throwing, when WebAudio is missing', () => {
    const engine = new SoundEngine({ createContext: () => null });
    expect(() => {
      engine.unlock();
      engine.play('start');
      engine.setLoop('siren', 0.5);
      engine.stopLoops();
      engine.toggleMute();
    }).not.toThrow();
    expect(engine.ready).toBe(false);
  });

  it('survives a context constructor that throws', () => {
    const engine = new SoundEngine({
      createContext: () => {
        throw new Error('NotAllowedError');
      },
    });
    expect(() => engine.unlock()).not.toThrow();
    expect(() => engine.play('death')).not.toThrow();
  });

  it('schedules nothing before the first gesture unlocks it', () => {
    const { ctx, oscillators } = fakeContext();
    const engine = new SoundEngine({ createContext: () => ctx as unknown as AudioContext });
    engine.play('chompA');
    expect(oscillators).toHaveLength(0);
    engine.unlock();
    engine.play('chompA');
    expect(oscillators.length).toBeGreaterThan(0);
  });

  it('resumes a suspended context and lets the first sounds through', async () => {
    const { ctx, oscillators } = fakeContext('suspended');
    const engine = new SoundEngine({ createContext: () => ctx as unknown as AudioContext });
    engine.unlock();
    expect(ctx.resume).toHaveBeenCalledTimes(1);
    engine.play('start');
    expect(oscillators.length).toBeGreaterThan(0);
    await Promise.resolve();
    expect(engine.ready).toBe(true);
  });

  it('remembers mute in the store and tells listeners', () => {
    const store = createMemoryStore();
    const engine = new SoundEngine({ store, createContext: () => null });
    const heard: boolean[] = [];
    engine.onMuteChange((muted) => heard.push(muted));
    engine.toggleMute();
    expect(store.get(MUTED_KEY)).toBe('true');
    expect(new SoundEngine({ store, createContext: () => null }).muted).toBe(true);
    engine.toggleMute();
    expect(heard).toEqual([true, false]);
  });

  it('schedules no effects while muted', () => {
    const { ctx, oscillators } = fakeContext();
    const store = createMemoryStore();
    store.set(MUTED_KEY, 'true');
    const engine = new SoundEngine({ store, createContext: () => ctx as unknown as AudioContext });
    engine.unlock();
    engine.play('ghostEaten');
    expect(oscillators).toHaveLength(0);
  });

  it('turns sound off for good if WebAudio throws mid-game', () => {
    const { ctx } = fakeContext();
    const engine = new SoundEngine({ createContext: () => ctx as unknown as AudioContext });
    engine.unlock();
    ctx.createOscillator = () => {
      throw new Error('InvalidStateError');
    };
    expect(() => engine.play('fruitEaten')).not.toThrow();
    expect(engine.ready).toBe(false);
  });
});
