/**
 * The calibration's sound cues, for a player who holds a pose without looking at the screen
 * and has no voice to speak to them (or has turned the voice off): each pose has its own tone,
 * a tick counts down, a rising sweep says "turn now" and a chime says "done".
 *
 * The pose tones follow a piano keyboard and the sky: left is low and right is high (two
 * notes each, and panned to their side where there are two speakers), up is high and down is
 * low (three notes each), neutral is one long note in the middle. Pure recipes: synth.ts
 * plays them.
 */
import type { Tone } from './tone';

export type PoseCue = 'cueNeutral' | 'cueLeft' | 'cueRight' | 'cueUp' | 'cueDown';
export type CueEffect = PoseCue | 'cueTick' | 'cueTurn' | 'cueDone' | 'cueAllDone';

export const CUE_EFFECTS: readonly CueEffect[] = [
  'cueNeutral',
  'cueLeft',
  'cueRight',
  'cueUp',
  'cueDown',
  'cueTick',
  'cueTurn',
  'cueDone',
  'cueAllDone',
];

export function isCueEffect(effect: string): effect is CueEffect {
  return (CUE_EFFECTS as readonly string[]).includes(effect);
}

/** `count` short notes of one pitch, 0.16 s apart. */
function notes(count: number, from: number, pan: number): Tone[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'triangle' as const,
    from,
    at: i * 0.16,
    length: 0.11,
    volume: 0.2,
    pan,
  }));
}

/** A bell: a note and its fifth above, with a long tail. */
function bell(at: number, from: number): Tone[] {
  return [
    { type: 'sine', from, at, length: 0.6, volume: 0.18 },
    { type: 'sine', from: from * 1.5, at, length: 0.45, volume: 0.08 },
  ];
}

export function cueRecipe(effect: CueEffect): Tone[] {
  switch (effect) {
    case 'cueNeutral':
      return [{ type: 'triangle', from: 523.25, at: 0, length: 0.4, volume: 0.2 }];
    case 'cueLeft':
      return notes(2, 392, -0.8);
    case 'cueRight':
      return notes(2, 659.25, 0.8);
    case 'cueUp':
      return notes(3, 880, 0);
    case 'cueDown':
      return notes(3, 261.63, 0);
    case 'cueTick':
      return [{ type: 'square', from: 1200, at: 0, length: 0.04, volume: 0.05 }];
    case 'cueTurn':
      return [{ type: 'triangle', from: 300, to: 1200, at: 0, length: 0.45, volume: 0.22 }];
    case 'cueDone':
      return bell(0, 1046.5);
    case 'cueAllDone':
      return [...bell(0, 784), ...bell(0.18, 1046.5), ...bell(0.36, 1568)];
  }
}
