/**
 * The one way a camera frame becomes the network's input, for calibration and for play alike.
 * A classifier trained on one framing and asked about another is guessing, so every path
 * (browser canvas, tensors in Node) takes its numbers from here.
 *
 * Region: the largest centred square of the frame (a 640x480 webcam gives the middle 480x480).
 * The player sits roughly centred in front of a laptop or holds a phone in front of the face;
 * the square keeps the head whole without stretching it (stretching changes the face's
 * proportions, which is exactly what a head turn changes too).
 *
 * Mirroring: none. The pixels go to the network as the camera delivers them. A front camera
 * delivers the view of someone facing the player, so when the player turns to their OWN
 * left, the face points toward the RIGHT side of the frame. The selfie preview on screen may
 * be mirrored (CSS), but that is display only and never touches these pixels.
 * Why not flip: the classifier learns from the player's own labelled poses, so any fixed
 * orientation works as long as it never changes; not flipping saves a pass over the pixels
 * and keeps the same orientation as stored photos such as Pointing'04 (whose labels also use
 * the person's own left), so tests feed those photos unflipped.
 *
 * Output: 224x224 RGB, values in [0, 1] (the TF-Hub MobileNet graph maps them to [-1, 1]).
 * This file holds the geometry and the canvas path; modelInput.ts the tensor side.
 */
export const MODEL_INPUT_SIZE = 224;

/** Goes into calibration files: change it whenever anything in this file changes the pixels. */
export const PREPROCESSING_ID = 'centre-square-unmirrored-224-rgb01-v1';

/** Whether frames are flipped left/right before the network sees them (see above: no). */
export const MIRROR_BEFORE_EMBEDDING = false;

/** A square region of the frame, in frame pixels. */
export interface SquareRegion {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/**
 * The largest centred square inside a width x height frame, in whole pixels (an odd leftover
 * pixel goes to the right / bottom margin) so the canvas and tensor paths cut the same pixels.
 */
export function centreSquare(width: number, height: number): SquareRegion {
  if (!(width > 0 && height > 0)) throw new Error(`empty frame ${width}x${height}`);
  const size = Math.floor(Math.min(width, height));
  return { x: Math.floor((width - size) / 2), y: Math.floor((height - size) / 2), size };
}

/**
 * Where a point of the camera frame lands in the 224x224 network input (fractional pixels;
 * outside [0, 224) when the crop cuts it off). The geometry of this file in one function.
 */
export function modelInputPointOf(
  frameX: number,
  frameY: number,
  frameWidth: number,
  frameHeight: number,
): { x: number; y: number } {
  const region = centreSquare(frameWidth, frameHeight);
  const scale = MODEL_INPUT_SIZE / region.size;
  const x = (frameX - region.x) * scale;
  return {
    x: MIRROR_BEFORE_EMBEDDING ? MODEL_INPUT_SIZE - x : x,
    y: (frameY - region.y) * scale,
  };
}

/**
 * Which side of the network input the face points to when the player turns to their own
 * `side`. Unmirrored camera view: the player's own left is the image's right.
 */
export function inputSideFacedWhenTurning(side: 'left' | 'right'): 'left' | 'right' {
  const imageSide = side === 'left' ? 'right' : 'left';
  if (!MIRROR_BEFORE_EMBEDDING) return imageSide;
  return imageSide === 'left' ? 'right' : 'left';
}

/**
 * Browser path: draw the region of a video frame / ImageBitmap into a 224x224 canvas context
 * (a DOM canvas or an OffscreenCanvas in a worker). Read it back with getImageData and pass it
 * to `pixelsToModelInput` (modelInput.ts).
 */
export function drawModelInput(
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  source: CanvasImageSource,
  frameWidth: number,
  frameHeight: number,
): void {
  const region = centreSquare(frameWidth, frameHeight);
  context.imageSmoothingEnabled = true;
  // The browser averages many camera pixels into one; 'high' avoids aliasing in that shrink.
  context.imageSmoothingQuality = 'high';
  context.save();
  if (MIRROR_BEFORE_EMBEDDING) {
    context.translate(MODEL_INPUT_SIZE, 0);
    context.scale(-1, 1);
  }
  context.drawImage(
    source,
    region.x,
    region.y,
    region.size,
    region.size,
    0,
    0,
    MODEL_INPUT_SIZE,
    MODEL_INPUT_SIZE,
  );
  context.restore();
}
