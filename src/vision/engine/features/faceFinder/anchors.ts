/**
 * The anchors of MediaPipe's short-range face detector (BlazeFace, 128x128 input): the fixed
 * points its 896 outputs are measured from. The network predicts, for each anchor, a score and
 * offsets; this file says where each anchor sits, in the order the network emits them.
 *
 * Two grids, as MediaPipe's SsdAnchorsCalculator builds them for this model (4 layers, strides
 * 8, 16, 16, 16; layers of equal stride share one grid): stride 8 gives 16x16 cells with 2
 * anchors each (512), stride 16 gives 8x8 cells with 6 anchors each (384). Each anchor of a
 * cell sits at the cell's centre, (cell + 0.5) * stride. Anchor sizes play no part: this model
 * uses fixed-size anchors and predicts the box size in input pixels directly.
 */
import type { Point } from './face';

/** The detector's identity, for pipeline ids: its boxes and keypoints shape the features. */
export const FACE_DETECTOR_ID = 'mediapipe-face-detection-short-range-128';

/** The detector's input is a square of this many pixels a side. */
export const DETECTOR_INPUT_SIZE = 128;

/** Grids of the short-range model, in output order. */
export const ANCHOR_GRIDS = [
  { stride: 8, anchorsPerCell: 2 },
  { stride: 16, anchorsPerCell: 6 },
] as const;

function buildAnchors(): readonly Point[] {
  const anchors: Point[] = [];
  for (const { stride, anchorsPerCell } of ANCHOR_GRIDS) {
    const cells = Math.ceil(DETECTOR_INPUT_SIZE / stride);
    // Row by row, then column, then the anchors of the cell: MediaPipe's order.
    for (let row = 0; row < cells; row++) {
      for (let column = 0; column < cells; column++) {
        for (let a = 0; a < anchorsPerCell; a++) {
          anchors.push({ x: (column + 0.5) * stride, y: (row + 0.5) * stride });
        }
      }
    }
  }
  return anchors;
}

/** The 896 anchor centres, in 128-input pixels. */
export const FACE_ANCHORS: readonly Point[] = buildAnchors();

export const ANCHOR_COUNT = FACE_ANCHORS.length;
