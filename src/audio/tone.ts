/**
 * One tone of a sound's recipe: an oscillator's sweep, when it starts and how loud. The game's
 * effects (synth.ts) and the calibration's cues (cueTones.ts) are written in tones, and
 * synth.ts plays both.
 */
export interface Tone {
  readonly type: OscillatorType;
  readonly from: number;
  readonly to?: number;
  readonly at: number;
  readonly length: number;
  readonly volume: number;
  /** -1 (left) .. 1 (right); centred when absent or where there is no stereo panner. */
  readonly pan?: number;
}
