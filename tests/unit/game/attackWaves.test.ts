import { describe, expect, it } from 'vitest';
import { AttackWaves, waveModeAt } from '../../../src/game/attackWaves';

const s = (seconds: number) => seconds * 60;

describe('scatter / chase waves', () => {
  it('level 1: S7 C20 S7 C20 S5 C20 S5 then chase forever', () => {
    expect(waveModeAt(1, 0)).toBe('scatter');
    expect(waveModeAt(1, s(7) - 1)).toBe('scatter');
    expect(waveModeAt(1, s(7))).toBe('chase');
    expect(waveModeAt(1, s(27) - 1)).toBe('chase');
    expect(waveModeAt(1, s(27))).toBe('scatter');
    expect(waveModeAt(1, s(34))).toBe('chase');
    expect(waveModeAt(1, s(54))).toBe('scatter');
    expect(waveModeAt(1, s(59))).toBe('chase');
    expect(waveModeAt(1, s(79))).toBe('scatter');
    expect(waveModeAt(1, s(84) - 1)).toBe('scatter');
    expect(waveModeAt(1, s(84))).toBe('chase');
    expect(waveModeAt(1, s(100_000))).toBe('chase');
  });

  it('level 2: the third chase lasts 1033 s, then a one-tick scatter', () => {
    expect(waveModeAt(2, s(7) - 1)).toBe('scatter');
    expect(waveModeAt(2, s(7))).toBe('chase');
    expect(waveModeAt(2, s(54))).toBe('scatter');
    expect(waveModeAt(2, s(59))).toBe('chase');
    expect(waveModeAt(2, s(59 + 1033) - 1)).toBe('chase');
    expect(waveModeAt(2, s(59 + 1033))).toBe('scatter');
    expect(waveModeAt(2, s(59 + 1033) + 1)).toBe('chase');
    expect(waveModeAt(4, s(59 + 1033))).toBe('scatter');
  });

  it('level 5 on: 5 s scatters, the third chase 1037 s, then a one-tick scatter', () => {
    expect(waveModeAt(5, s(5) - 1)).toBe('scatter');
    expect(waveModeAt(5, s(5))).toBe('chase');
    expect(waveModeAt(5, s(25))).toBe('scatter');
    expect(waveModeAt(5, s(30))).toBe('chase');
    expect(waveModeAt(5, s(50))).toBe('scatter');
    expect(waveModeAt(5, s(55))).toBe('chase');
    expect(waveModeAt(5, s(55 + 1037))).toBe('scatter');
    expect(waveModeAt(5, s(55 + 1037) + 1)).toBe('chase');
    expect(waveModeAt(30, s(55 + 1037))).toBe('scatter');
  });

  it('reports each change of mode on the tick it happens, and restarts per level', () => {
    const waves = new AttackWaves(1);
    const changes: number[] = [];
    for (let t = 1; t <= s(90); t++) if (waves.advance()) changes.push(t);
    expect(changes).toEqual([s(7), s(27), s(34), s(54), s(59), s(79), s(84)]);
    waves.restart(5);
    expect(waves.ticks).toBe(0);
    expect(waves.mode).toBe('scatter');
  });
});
