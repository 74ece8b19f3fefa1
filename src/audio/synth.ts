/**
 * The game's sound effects, synthesised from oscillators: no audio files to load, and every
 * sound is our own. Each recipe schedules short tones on the AudioContext clock at `t0`. The
 * calibration's cues (cueTones.ts) are played the same way.
 */
import { cueRecipe, isCueEffect, type CueEffect } from './cueTones';
import type { Tone } from './tone';

export type GameEffect =
  'chompA' | 'chompB' | 'ghostEaten' | 'fruitEaten' | 'death' | 'extraLife' | 'start';
export type Effect = GameEffect | CueEffect;

function tone(ctx: BaseAudioContext, out: AudioNode, t0: number, t: Tone): void {
  const start = t0 + t.at;
  const end = start + t.length;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = t.type;
  osc.frequency.setValueAtTime(t.from, start);
  if (t.to !== undefined) osc.frequency.exponentialRampToValueAtTime(t.to, end);
  // A 5 ms attack and an exponential tail keep tones from clicking.
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(t.volume, start + 0.005);
  gain.gain.exponentialRampToValueAtTime(0.0001, end);
  const panned = t.pan !== undefined && 'createStereoPanner' in ctx;
  if (panned) {
    const panner = ctx.createStereoPanner();
    panner.pan.value = t.pan;
    osc.connect(gain).connect(panner).connect(out);
  } else {
    osc.connect(gain).connect(out);
  }
  osc.start(start);
  osc.stop(end + 0.02);
}

const NOTE: Record<string, number> = {
  C3: 130.81,
  F3: 174.61,
  G3: 196.0,
  A3: 220.0,
  B4: 493.88,
  C5: 523.25,
  D5: 587.33,
  E5: 659.25,
  F5: 698.46,
  G5: 783.99,
  A5: 880.0,
  C6: 1046.5,
};

function note(name: string): number {
  return NOTE[name] ?? 440;
}

/** Our start tune: a bouncy two-bar phrase and a walking bass, about two seconds long. */
function startJingle(): Tone[] {
  const beat = 0.13;
  const melody = [
    'E5',
    'G5',
    'C6',
    'G5',
    'A5',
    'F5',
    'D5',
    'F5',
    'G5',
    'E5',
    'C5',
    'E5',
    'D5',
    'B4',
  ];
  const tones: Tone[] = melody.map((name, i) => ({
    type: 'square',
    from: note(name),
    at: i * beat,
    length: beat * 0.85,
    volume: 0.07,
  }));
  tones.push({ type: 'square', from: note('C5'), at: 14 * beat, length: beat * 1.8, volume: 0.07 });
  ['C3', 'F3', 'G3', 'A3', 'F3', 'G3', 'G3', 'C3'].forEach((name, i) =>
    tones.push({
      type: 'triangle',
      from: note(name),
      at: i * beat * 2,
      length: beat * 1.7,
      volume: 0.12,
    }),
  );
  return tones;
}

function recipe(effect: GameEffect): Tone[] {
  switch (effect) {
    case 'chompA':
      return [{ type: 'triangle', from: 520, to: 250, at: 0, length: 0.075, volume: 0.16 }];
    case 'chompB':
      return [{ type: 'triangle', from: 280, to: 560, at: 0, length: 0.075, volume: 0.16 }];
    case 'ghostEaten':
      return [
        { type: 'square', from: 160, to: 1300, at: 0, length: 0.3, volume: 0.07 },
        { type: 'triangle', from: 320, to: 2000, at: 0, length: 0.3, volume: 0.1 },
      ];
    case 'fruitEaten':
      return [660, 990, 1320, 1760].map((from, i) => ({
        type: 'square' as const,
        from,
        at: i * 0.055,
        length: 0.05,
        volume: 0.07,
      }));
    case 'death': {
      const sweeps: Tone[] = [];
      for (let i = 0; i < 8; i++) {
        sweeps.push({
          type: 'triangle',
          from: 900 - i * 90,
          to: 260 - i * 25,
          at: i * 0.14,
          length: 0.13,
          volume: 0.14,
        });
      }
      sweeps.push({ type: 'square', from: 150, to: 60, at: 1.2, length: 0.1, volume: 0.08 });
      sweeps.push({ type: 'square', from: 150, to: 60, at: 1.35, length: 0.1, volume: 0.08 });
      return sweeps;
    }
    case 'extraLife':
      return Array.from({ length: 6 }, (_, i) => ({
        type: 'square' as const,
        from: 1250,
        at: i * 0.12,
        length: 0.07,
        volume: 0.06,
      }));
    case 'start':
      return startJingle();
  }
}

export function playEffect(
  ctx: BaseAudioContext,
  out: AudioNode,
  effect: Effect,
  t0: number,
): void {
  const tones = isCueEffect(effect) ? cueRecipe(effect) : recipe(effect);
  for (const t of tones) tone(ctx, out, t0, t);
}

export type LoopName = 'siren' | 'fright' | 'eyes';

/** A continuous sound: a carrier whose pitch a slow oscillator sweeps up and down. */
export interface LoopVoice {
  readonly carrier: OscillatorNode;
  readonly wobble: OscillatorNode;
  readonly depth: GainNode;
  readonly gain: GainNode;
  readonly volume: number;
}

const LOOP_SHAPES: Record<
  LoopName,
  { type: OscillatorType; pitch: number; rate: number; depth: number; volume: number }
> = {
  siren: { type: 'triangle', pitch: 380, rate: 3, depth: 90, volume: 0.07 },
  fright: { type: 'square', pitch: 190, rate: 9, depth: 60, volume: 0.035 },
  eyes: { type: 'triangle', pitch: 900, rate: 14, depth: 350, volume: 0.06 },
};

export function createLoop(ctx: BaseAudioContext, out: AudioNode, name: LoopName): LoopVoice {
  const shape = LOOP_SHAPES[name];
  const carrier = ctx.createOscillator();
  const wobble = ctx.createOscillator();
  const depth = ctx.createGain();
  const gain = ctx.createGain();
  carrier.type = shape.type;
  carrier.frequency.value = shape.pitch;
  wobble.frequency.value = shape.rate;
  depth.gain.value = shape.depth;
  gain.gain.value = 0;
  wobble.connect(depth).connect(carrier.frequency);
  carrier.connect(gain).connect(out);
  carrier.start();
  wobble.start();
  return { carrier, wobble, depth, gain, volume: shape.volume };
}

/** The siren climbs as the board empties: `intensity` 0 (full board) .. 1 (last dot). */
export function tuneSiren(voice: LoopVoice, intensity: number, now: number): void {
  const k = Math.min(1, Math.max(0, intensity));
  voice.carrier.frequency.setTargetAtTime(380 + 420 * k, now, 0.2);
  voice.wobble.frequency.setTargetAtTime(3 + 3 * k, now, 0.2);
  voice.depth.gain.setTargetAtTime(90 + 110 * k, now, 0.2);
}
