/**
 * How the face finder gets pixels: a `RegionReader` cuts a square region of the current
 * camera frame, scaled to size x size RGBA, grey outside the frame (region.ts). findFace only
 * ever asks for regions, so the worker can draw with an OffscreenCanvas (this file's canvas
 * path) and Node can cut tensors (regionTensor.ts) without findFace knowing which.
 */
import { OUTSIDE_GREY, visiblePart, type Region } from './region';

/** RGBA bytes, row by row (ImageData has this shape). */
export interface RgbaPixels {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type RegionReader = (region: Region, size: number) => Promise<RgbaPixels>;

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export const OUTSIDE_FILL = `rgb(${OUTSIDE_GREY}, ${OUTSIDE_GREY}, ${OUTSIDE_GREY})`;

/**
 * Canvas path: draw `region` of the frame into the top-left size x size square of `context`,
 * mid grey where the region leaves the frame. A canvas leaves black (or the last frame)
 * unless filled first, hence the fill before the picture.
 */
export function drawRegion(
  context: Context2D,
  source: CanvasImageSource,
  frameWidth: number,
  frameHeight: number,
  region: Region,
  size: number,
): void {
  context.imageSmoothingEnabled = true;
  // The browser averages many camera pixels into one; 'high' avoids aliasing in that shrink.
  context.imageSmoothingQuality = 'high';
  context.fillStyle = OUTSIDE_FILL;
  context.fillRect(0, 0, size, size);
  const part = visiblePart(region, frameWidth, frameHeight, size);
  if (part === null) return;
  const { source: from, target: to } = part;
  context.drawImage(
    source,
    from.x,
    from.y,
    from.width,
    from.height,
    to.x,
    to.y,
    to.width,
    to.height,
  );
}

/**
 * A RegionReader over one frame drawn through `context` (its canvas must be at least as large
 * as the biggest size asked for: the detector asks for 128).
 */
export function canvasRegionReader(
  context: Context2D,
  source: CanvasImageSource,
  frameWidth: number,
  frameHeight: number,
): RegionReader {
  return async (region, size) => {
    drawRegion(context, source, frameWidth, frameHeight, region, size);
    return context.getImageData(0, 0, size, size);
  };
}
