/**
 * A camera frame's pixels as RGBA, converted here in plain JavaScript from the planes the
 * camera gave (I420 or NV12, as VideoFrame.copyTo copies them without conversion).
 *
 * Why by hand: in the game's worker on this project's machines (no GPU: SwiftShader draws
 * the game's WebGL), Chromium's own ways took far longer than the work itself:
 * createImageBitmap(VideoFrame) 150-300 ms a frame, copyTo with format 'RGBA' 4-250 ms,
 * putImageData into a new canvas 17-300 ms (a busy spell; in an empty page 2-5 ms), and the
 * engine drawing the VideoFrame itself 1.5-4 s at CPU 4x; copying the planes took 0.3 ms and
 * this loop takes 2-3 ms for 640x480 (Node, same busy spell). A frame the camera keeps
 * elsewhere (on the GPU: no format to copy) is left to createImageBitmap.
 *
 * The colours follow BT.601 with video range (what webcams send), in integer arithmetic.
 */
export type YuvFormat = 'I420' | 'NV12';

/** Where a plane starts in the copied bytes and how far apart its rows are. */
export interface Plane {
  readonly offset: number;
  readonly stride: number;
}

/** Whether frames of `format` are converted here. */
export function convertsYuv(format: string | null): format is YuvFormat {
  return format === 'I420' || format === 'NV12';
}

/**
 * Write the RGBA pixels of a `width` x `height` frame whose planes (`layout`, as copyTo
 * returns it: Y, then U and V for I420, or UV interleaved for NV12) are in `bytes` into `rgba`
 * (width x height x 4 bytes).
 */
export function yuvToRgba(
  format: YuvFormat,
  bytes: Uint8Array,
  layout: readonly Plane[],
  width: number,
  height: number,
  rgba: Uint8ClampedArray,
): void {
  const y = layout[0];
  const u = layout[1];
  const v = format === 'I420' ? layout[2] : layout[1];
  if (y === undefined || u === undefined || v === undefined) {
    throw new Error(`a ${format} frame with ${layout.length} planes`);
  }
  // NV12: U and V alternate in one plane; I420: each has its own.
  const step = format === 'NV12' ? 2 : 1;
  const vShift = format === 'NV12' ? 1 : 0;
  for (let row = 0; row < height; row++) {
    const yRow = y.offset + row * y.stride;
    const cRow = (row >> 1) * u.stride;
    let out = row * width * 4;
    for (let col = 0; col < width; col++) {
      const c = 298 * (bytes[yRow + col]! - 16);
      const chroma = (col >> 1) * step;
      const d = bytes[u.offset + cRow + chroma]! - 128;
      const e = bytes[v.offset + (row >> 1) * v.stride + chroma + vShift]! - 128;
      rgba[out] = (c + 409 * e + 128) >> 8;
      rgba[out + 1] = (c - 100 * d - 208 * e + 128) >> 8;
      rgba[out + 2] = (c + 516 * d + 128) >> 8;
      rgba[out + 3] = 255;
      out += 4;
    }
  }
}
