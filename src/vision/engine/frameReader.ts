/**
 * How the engine reads a camera frame: find the face (faceFinder/findFace.ts: the detector,
 * tracking the last face), then cut MobileNet's input around it (faceFraming.ts: a square
 * 1.5x the face, grey outside the frame, a grey band over the eyes). No face is its own
 * answer: nothing to classify. Without the face finder (its model did not load) the input is
 * the centre of the frame (centreFace.ts), and head control says so.
 *
 * One 224x224 canvas serves both: the detector's 128x128 passes are drawn in its corner.
 *
 * The detector costs about as much as MobileNet itself (a 128x128 network of 5x5 depthwise
 * convolutions), so while it tracks a face it looks again only every DETECT_EVERY_FRAMES
 * frames; the frames between reuse the last face's box and keypoints (a head moves little in
 * 1/15 s, and the smoother wants several frames to agree anyway). A calibration shot always
 * looks afresh: a shot keeps what it saw.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { centreFace } from './centreFace';
import type { Face } from './faceFinder/face';
import type { FaceDetector } from './faceFinder/faceDetector';
import { findFace } from './faceFinder/findFace';
import { canvasRegionReader, type Context2D } from './faceFinder/regionPixels';
import { drawFaceModelInput } from './faceFraming';
import { MODEL_INPUT_SIZE } from './framing';
import { pixelsToModelInput } from './modelInput';

export type FrameReading =
  | { readonly framing: 'no-face'; readonly face: null; readonly input: null }
  | {
      readonly framing: 'face' | 'centre';
      /** The face found (or assumed, for 'centre'), in the frame's pixels. */
      readonly face: Face;
      /** MobileNet's input, [224,224,3] in [0,1]: the caller disposes it. */
      readonly input: tf.Tensor3D;
    };

/** While tracking, the detector looks at one frame in this many (the others reuse its face). */
export const DETECT_EVERY_FRAMES = 3;

export class FrameReader {
  private detector: FaceDetector | null = null;
  private lastFace: Face | null = null;
  /** Frames read with the last face since the detector last looked. */
  private reused = 0;
  private context: Context2D | null = null;
  /** Detector passes over the frames read so far (1 while tracking, 2-3 on a first look). */
  passes = 0;

  constructor(private readonly makeContext: (size: number) => Context2D) {}

  /** Read frames around the face this detector finds (null: the centre of the frame). */
  useDetector(detector: FaceDetector | null): void {
    this.detector?.dispose();
    this.detector = detector;
    this.lastFace = null;
    this.reused = 0;
  }

  get findsFaces(): boolean {
    return this.detector !== null;
  }

  /** `fresh`: look for the face in this very frame (a calibration shot). */
  async read(
    frame: CanvasImageSource,
    frameWidth: number,
    frameHeight: number,
    fresh = false,
  ): Promise<FrameReading> {
    const context = (this.context ??= this.makeContext(MODEL_INPUT_SIZE));
    let face: Face;
    if (
      this.detector !== null &&
      this.lastFace !== null &&
      !fresh &&
      this.reused < DETECT_EVERY_FRAMES - 1
    ) {
      this.reused++;
      face = this.lastFace;
    } else if (this.detector !== null) {
      const reader = canvasRegionReader(context, frame, frameWidth, frameHeight);
      const search = await findFace(this.detector, reader, frameWidth, frameHeight, this.lastFace);
      this.passes += search.passes;
      this.lastFace = search.face;
      this.reused = 0;
      if (search.face === null) return { framing: 'no-face', face: null, input: null };
      face = search.face;
    } else {
      face = centreFace(frameWidth, frameHeight);
    }
    drawFaceModelInput(context, frame, frameWidth, frameHeight, face);
    const input = pixelsToModelInput(
      context.getImageData(0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE),
    );
    return { framing: this.detector === null ? 'centre' : 'face', face, input };
  }

  dispose(): void {
    this.detector?.dispose();
    this.detector = null;
  }
}
