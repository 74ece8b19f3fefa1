/**
 * A camera VideoFrame as a picture the engine can read (a CanvasImageSource), made on the
 * worker's own thread: the frame's planes copied out as they are (VideoFrame.copyTo, no
 * conversion), turned into RGBA here (yuvPicture.ts) and put into a canvas kept for it, so
 * the VideoFrame can be closed at once. Frames in another form (on the GPU, or whose shown
 * size is not their picture's) become an ImageBitmap instead.
 *
 * One canvas for every frame: the camera reader hands the engine one frame at a time and
 * makes the next picture only once the engine has answered, so a picture is never redrawn
 * while it is read.
 *
 * The still check (stillHead.ts) reads a frame's brightness plane first (`luma`): the planes
 * are copied once, and the picture of the same frame is then made from that copy.
 */
import type { LumaPlane } from './lumaLook';
import { convertsYuv, yuvToRgba, type Plane } from './yuvPicture';

/** What says whether a frame's picture is made here (a VideoFrame, or the page's look at one). */
type FrameForm = Pick<VideoFrame, 'format' | 'visibleRect' | 'displayWidth' | 'displayHeight'>;

/**
 * Whether a frame's picture is made here from its planes: a camera's planes (I420, NV12)
 * shown at the size they hold. Any other goes to createImageBitmap, 150-300 ms a frame in
 * a worker on these machines (yuvPicture.ts), so the page sends such frames as ImageBitmaps.
 */
export function picturedHere(frame: FrameForm): boolean {
  const width = frame.visibleRect?.width ?? 0;
  const height = frame.visibleRect?.height ?? 0;
  return (
    convertsYuv(frame.format) && width === frame.displayWidth && height === frame.displayHeight
  );
}

export class FramePictures {
  private bytes = new Uint8Array(0);
  private image: ImageData | null = null;
  private context: OffscreenCanvasRenderingContext2D | null = null;
  /** The frame whose planes `bytes` holds now, and where they lie in it. */
  private copied: { frame: VideoFrame; layout: Plane[] } | null = null;

  async picture(frame: VideoFrame): Promise<CanvasImageSource> {
    const layout = await this.planesOf(frame);
    if (layout === null) return createImageBitmap(frame);
    const format = frame.format as 'I420' | 'NV12';
    const { width, height } = frame.visibleRect as DOMRectReadOnly;
    const context = this.canvasOf(width, height);
    const image = this.image as ImageData;
    yuvToRgba(format, this.bytes, layout, width, height, image.data);
    context.putImageData(image, 0, 0);
    return context.canvas;
  }

  /** The frame's brightness plane (null where its planes are not read here). */
  async luma(frame: VideoFrame): Promise<LumaPlane | null> {
    const layout = await this.planesOf(frame);
    const y = layout?.[0];
    if (y === undefined) return null;
    const { width, height } = frame.visibleRect as DOMRectReadOnly;
    return { data: this.bytes, offset: y.offset, stride: y.stride, width, height };
  }

  /**
   * The frame's planes copied into `bytes` (once per frame), or null for a frame in another
   * form (on the GPU, or whose shown size is not its picture's), left to createImageBitmap.
   */
  private async planesOf(frame: VideoFrame): Promise<Plane[] | null> {
    if (this.copied?.frame === frame) return this.copied.layout;
    if (!picturedHere(frame) || typeof OffscreenCanvas !== 'function') return null;
    const size = frame.allocationSize();
    if (this.bytes.length < size) this.bytes = new Uint8Array(size);
    this.copied = null;
    const layout = await frame.copyTo(this.bytes);
    this.copied = { frame, layout };
    return layout;
  }

  private canvasOf(width: number, height: number): OffscreenCanvasRenderingContext2D {
    const context = this.context;
    if (context !== null && context.canvas.width === width && context.canvas.height === height) {
      return context;
    }
    const made = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (made === null) throw new Error('no 2D context on OffscreenCanvas');
    this.context = made;
    this.image = new ImageData(width, height);
    return made;
  }
}
