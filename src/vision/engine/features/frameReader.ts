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
 * frames; the frames between reuse the last face's box and keypoints, but only while the
 * picture in that box still looks the same (faceFinder/stillFace.ts: a 16x16 comparison,
 * far cheaper than a pass). A face that moved or turned is looked for at once. A calibration
 * shot always looks afresh: a shot keeps what it saw.
 *
 * With the face mesh (faceMesh/faceMesh.ts) every frame with a face also gets the head's
 * angles, from a 192x192 cut of the same face square, drawn in the same canvas before
 * MobileNet's input. The mesh costs about what the detector costs (bench: 5.1 vs 4.9 ms in
 * Node), so it rests with the detector: on a frame whose face square still looks as it did
 * when the detector last looked, the angles measured then stand. That picture is compared
 * with the detector's own look, never with the frame before (the difference cannot add up
 * over frames), and STILL_LIMIT sits below the change a 15-degree turn makes (stillFace.ts),
 * so a head that turns is measured afresh on the very frame it turns. A shot always measures.
 *
 * MobileNet rests with them when the caller allows (`restPicture`) and the face's square has
 * changed less still (PICTURE_REST_LIMIT, noise): no input is cut (`input` null) and the
 * caller's features of the last frame read in full stand. The face, keypoints and angles are
 * that frame's already, so the picture is the only part such a frame could add, and it costs
 * half a frame's work: a still head is answered at about a third of the engine's CPU (a
 * phone's battery). A change between the two limits is read by MobileNet: it may be a turn
 * starting, which the picture sees before the box moves.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { centreFace } from './centreFace';
import type { Face } from './faceFinder/face';
import type { FaceDetector } from './faceFinder/faceDetector';
import { findFace } from './faceFinder/findFace';
import {
  canvasRegionReader,
  type Context2D,
  type RegionReader,
  type RgbaPixels,
} from './faceFinder/regionPixels';
import {
  pictureChange,
  PICTURE_REST_LIMIT,
  STILL_CHECK_SIZE,
  STILL_LIMIT,
} from './faceFinder/stillFace';
import { drawFaceModelInput, faceCropRegion } from './faceFraming';
import { meshOfFace, type FaceMesh, type MeshReading } from './faceMesh/faceMesh';
import { MODEL_INPUT_SIZE } from './framing';
import { pixelsToModelInput } from './modelInput';

export type FrameReading =
  | { readonly framing: 'no-face'; readonly face: null; readonly input: null; readonly mesh: null }
  | {
      readonly framing: 'face' | 'centre';
      /** The face found (or assumed, for 'centre'), in the frame's pixels. */
      readonly face: Face;
      /**
       * MobileNet's input, [224,224,3] in [0,1]: the caller disposes it. Null on a still frame
       * read with `restPicture`: the features of the last frame read in full stand.
       */
      readonly input: tf.Tensor3D | null;
      /** The face mesh on the face's square (null: no mesh, or no face found). */
      readonly mesh: MeshReading | null;
    };

/** While tracking, the detector looks at one frame in this many (the others reuse its face). */
export const DETECT_EVERY_FRAMES = 3;

export class FrameReader {
  private detector: FaceDetector | null = null;
  private mesh: FaceMesh | null = null;
  private lastFace: Face | null = null;
  /** The mesh measured when the detector last looked (stands while the face is still). */
  private lastMesh: MeshReading | null = null;
  /** Frames read with the last face since the detector last looked. */
  private reused = 0;
  /** The last face's square as the detector saw it, small (stillFace.ts). */
  private lastLook: RgbaPixels | null = null;
  private context: Context2D | null = null;
  /** Detector passes over the frames read so far (1 while tracking, 2-3 on a first look). */
  passes = 0;

  constructor(private readonly makeContext: (size: number) => Context2D) {}

  /** Read frames around the face this detector finds (null: the centre of the frame). */
  useDetector(detector: FaceDetector | null): void {
    this.detector?.dispose();
    this.detector = detector;
    this.lastFace = null;
    this.lastLook = null;
    this.lastMesh = null;
    this.reused = 0;
  }

  get findsFaces(): boolean {
    return this.detector !== null;
  }

  /** Measure the head's angles on every face with this mesh (null: none). */
  useMesh(mesh: FaceMesh | null): void {
    this.mesh?.dispose();
    this.mesh = mesh;
    this.lastMesh = null;
  }

  get measuresAngles(): boolean {
    return this.mesh !== null;
  }

  /**
   * `fresh`: look for the face in this very frame (a calibration shot). `restPicture`: a still
   * frame needs no MobileNet input (the caller holds the last full frame's features).
   */
  async read(
    frame: CanvasImageSource,
    frameWidth: number,
    frameHeight: number,
    fresh = false,
    restPicture = false,
  ): Promise<FrameReading> {
    const context = (this.context ??= this.makeContext(MODEL_INPUT_SIZE));
    const reader = canvasRegionReader(context, frame, frameWidth, frameHeight);
    let face: Face;
    // How much the face's square changed since the detector's look (null: not compared).
    const change = this.detector !== null && !fresh ? await this.changeSinceLook(reader) : null;
    const still = change !== null && change <= STILL_LIMIT;
    if (still) {
      this.reused++;
      face = this.lastFace as Face;
    } else if (this.detector !== null) {
      const search = await findFace(this.detector, reader, frameWidth, frameHeight, this.lastFace);
      this.passes += search.passes;
      this.lastFace = search.face;
      this.reused = 0;
      if (search.face === null) {
        this.lastLook = null;
        this.lastMesh = null;
        return { framing: 'no-face', face: null, input: null, mesh: null };
      }
      face = search.face;
      this.lastLook = await reader(faceCropRegion(face), STILL_CHECK_SIZE);
    } else {
      face = centreFace(frameWidth, frameHeight);
    }
    // Only on a face the finder found: the centre of the frame is no face to measure.
    let mesh: MeshReading | null = null;
    if (this.mesh !== null && this.detector !== null) {
      mesh =
        still && this.lastMesh !== null ? this.lastMesh : await meshOfFace(this.mesh, reader, face);
      this.lastMesh = mesh;
    }
    const framing = this.detector === null ? 'centre' : 'face';
    if (still && restPicture && change <= PICTURE_REST_LIMIT) {
      return { framing, face, input: null, mesh };
    }
    drawFaceModelInput(context, frame, frameWidth, frameHeight, face);
    const input = pixelsToModelInput(
      context.getImageData(0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE),
    );
    return { framing, face, input, mesh };
  }

  /**
   * How much the last face's square changed since the detector looked (the face may stand
   * for this frame up to STILL_LIMIT), or null when it may not stand whatever the picture:
   * no face yet, or the detector's turn to look again.
   */
  private async changeSinceLook(reader: RegionReader): Promise<number | null> {
    if (this.lastFace === null || this.lastLook === null) return null;
    if (this.reused >= DETECT_EVERY_FRAMES - 1) return null;
    const now = await reader(faceCropRegion(this.lastFace), STILL_CHECK_SIZE);
    return pictureChange(now, this.lastLook);
  }

  dispose(): void {
    this.detector?.dispose();
    this.detector = null;
    this.mesh?.dispose();
    this.mesh = null;
  }
}
