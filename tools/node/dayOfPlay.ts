/**
 * The day a player really has, as photo sets: the other session's photos as a webcam shows
 * them in a dim room, with a lamp behind the player, or washed out, each with the sensor noise
 * a webcam's gain adds in poor light. Deterministic per photo (the noise is seeded by the file
 * name), so the caches, the study and a fake camera all see the very same frames.
 *
 * The numbers are a webcam's, roughly: auto-exposure brings a dim room back to about 40 % of
 * its level, not all of it, and turns the gain up (noise of 6-10 levels of 255 per channel);
 * a warm lamp tints the picture; a lamp behind the player makes the camera expose for the
 * lamp, so the face goes dark while a glow fills one side.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../src/game/random';
import { readImage } from './images';
import { hashText } from './knnEvaluation';
import type { PhotoSet } from './photoSets';
import type { PosePhoto } from './pointing04';

/** What the light does to each pixel (0..255 in, 0..255 out, before the noise). */
interface Light {
  readonly gain: readonly [r: number, g: number, b: number];
  readonly offset: number;
  /** A glow of this strength (0..255) from the top-left corner, fading over the frame. */
  readonly glow: number;
  /** Standard deviation of the sensor noise, per channel and pixel. */
  readonly noise: number;
}

/** A standard normal number from two uniform ones (Box-Muller). */
function gaussian(random: () => number): number {
  const u = Math.max(1e-12, random());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** `frame` ([h, w, 3] 0..255) under `light`, with noise seeded by `seed`; int32 0..255. */
export function relight(frame: tf.Tensor3D, light: Light, seed: number): tf.Tensor3D {
  const [height, width] = frame.shape;
  const pixels = frame.dataSync();
  const out = new Int32Array(pixels.length);
  const random = mulberry32(seed);
  const diagonal = Math.hypot(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const glow = light.glow * Math.max(0, 1 - Math.hypot(x, y) / (0.8 * diagonal)) ** 2;
      for (let c = 0; c < 3; c++) {
        const i = (y * width + x) * 3 + c;
        const value =
          (pixels[i] ?? 0) * (light.gain[c] ?? 1) +
          light.offset +
          glow +
          light.noise * gaussian(random);
        out[i] = Math.min(255, Math.max(0, Math.round(value)));
      }
    }
  }
  return tf.tensor3d(out, [height, width, 3], 'int32');
}

function lightSet(id: string, label: string, shortLabel: string, light: Light): PhotoSet {
  return {
    id: `${id}-v1`,
    label,
    shortLabel,
    frameOf(photo: PosePhoto) {
      const stored = readImage(photo.path);
      try {
        return relight(stored, light, hashText(`${id}:${photo.file}`));
      } finally {
        stored.dispose();
      }
    },
  };
}

/** A dim room lit by a warm lamp: 40 % of the light, a yellow cast, gain noise. */
export const DIM_ROOM = lightSet(
  'dim-warm-noisy',
  'a dim room (40 % light, warm lamp, gain noise 8)',
  'dim',
  { gain: [0.45, 0.4, 0.3], offset: 4, glow: 0, noise: 8 },
);

/** A lamp behind the player: the face half as bright, a glow from one corner, noise. */
export const LAMP_BEHIND = lightSet(
  'lamp-behind-noisy',
  'a lamp behind (face at 50 %, glow from a corner, gain noise 6)',
  'backlit',
  { gain: [0.5, 0.5, 0.5], offset: 0, glow: 170, noise: 6 },
);

/** A washed-out picture: half the contrast, lifted blacks, a little noise. */
export const WASHED_OUT = lightSet(
  'washed-out',
  'washed out (half the contrast, blacks at 25 %, noise 4)',
  'low contrast',
  { gain: [0.5, 0.5, 0.5], offset: 64, glow: 0, noise: 4 },
);

export const DAYS_OF_PLAY: readonly PhotoSet[] = [DIM_ROOM, LAMP_BEHIND, WASHED_OUT];
