/**
 * The two ways the tools show a folder's photos to the pipeline: as stored ("plain"), and
 * moved and shrunk into a 640x480 frame (movedAndShrunk.ts), the player who sits back and to
 * one side.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { readImage } from './images';
import { MOVED_SEED, movedAndShrunkFrame } from './movedAndShrunk';
import type { PosePhoto } from './pointing04';

export interface PhotoSet {
  /** Goes into cache names: change it whenever the frames change. */
  readonly id: string;
  readonly label: string;
  /** A few words for table headers. */
  readonly shortLabel: string;
  /** The camera frame of a photo, [height, width, 3] 0..255; the caller disposes it. */
  frameOf(photo: PosePhoto): tf.Tensor3D;
}

export const PLAIN_PHOTOS: PhotoSet = {
  id: 'plain',
  label: 'photos as stored',
  shortLabel: 'as stored',
  frameOf: (photo) => readImage(photo.path),
};

export const MOVED_AND_SHRUNK: PhotoSet = {
  id: `moved-and-shrunk-640x480-seed${MOVED_SEED}`,
  label: 'moved and shrunk (640x480 grey frame, scale 0.6-1.0)',
  shortLabel: 'moved+shrunk',
  frameOf(photo) {
    const stored = readImage(photo.path);
    try {
      return movedAndShrunkFrame(stored, photo.file);
    } finally {
      stored.dispose();
    }
  },
};

export const PHOTO_SETS: readonly PhotoSet[] = [PLAIN_PHOTOS, MOVED_AND_SHRUNK];
