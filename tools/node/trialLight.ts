/**
 * The light of a day-of-play photo set (dayOfPlay.ts) as the following camera applies it in the
 * page: per channel gain, an offset and sensor noise, read off one photo the set relit. The set
 * keeps its light to itself, so it is measured rather than written here a second time: per
 * channel a least-squares line from the stored pixel to the relit one, over stored values
 * 100-200 (where neither 0 nor 255 clips the noise), the offset the channels' mean intercept,
 * the noise the spread about the lines less the rounding's. A glow (a lamp behind) is not a
 * line and is not carried: the dim room has none.
 */
// The plain-JS backend: one photo's pixels need no more.
import '@tensorflow/tfjs-backend-cpu';
import type { CameraLight } from '../../tests/browser/support/followingCamera';
import type { PhotoSet } from './photoSets';
import { readImage } from './images';
import type { PosePhoto } from './pointing04';

export function lightOf(set: PhotoSet, photo: PosePhoto): CameraLight {
  const stored = readImage(photo.path);
  const relit = set.frameOf(photo);
  try {
    const before = stored.dataSync();
    const after = relit.dataSync();
    const gains: number[] = [];
    const intercepts: number[] = [];
    let squares = 0;
    let count = 0;
    for (let channel = 0; channel < 3; channel++) {
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = channel; i < before.length; i += 3) {
        const x = before[i] ?? 0;
        if (x < 100 || x > 200) continue;
        xs.push(x);
        ys.push(after[i] ?? 0);
      }
      const mean = (values: number[]): number =>
        values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
      const mx = mean(xs);
      const my = mean(ys);
      let sxy = 0;
      let sxx = 0;
      for (const [k, x] of xs.entries()) {
        sxy += (x - mx) * ((ys[k] ?? 0) - my);
        sxx += (x - mx) ** 2;
      }
      const gain = sxx === 0 ? 1 : sxy / sxx;
      const intercept = my - gain * mx;
      for (const [k, x] of xs.entries()) squares += ((ys[k] ?? 0) - (gain * x + intercept)) ** 2;
      count += xs.length;
      gains.push(gain);
      intercepts.push(intercept);
    }
    const round = (value: number): number => Math.round(value * 100) / 100;
    return {
      gain: [round(gains[0] ?? 1), round(gains[1] ?? 1), round(gains[2] ?? 1)],
      offset: round(intercepts.reduce((sum, v) => sum + v, 0) / 3),
      noise: round(Math.sqrt(Math.max(0, squares / Math.max(1, count) - 1 / 12))),
    };
  } finally {
    stored.dispose();
    relit.dispose();
  }
}
