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
 */
import { convertsYuv, yuvToRgba } from './yuvPicture';

export class FramePictures {
  private bytes = new Uint8Array(0);
  private image: ImageData | null = null;
  private context: OffscreenCanvasRenderingContext2D | null = null;

  async picture(frame: VideoFrame): Promise<CanvasImageSource> {
    const format = frame.format;
    const width = frame.visibleRect?.width ?? 0;
    const height = frame.visibleRect?.height ?? 0;
    if (
      !convertsYuv(format) ||
      width !== frame.displayWidth ||
      height !== frame.displayHeight ||
      typeof OffscreenCanvas !== 'function'
    ) {
      return createImageBitmap(frame);
    }
    const size = frame.allocationSize();
    if (this.bytes.length < size) this.bytes = new Uint8Array(size);
    const layout = await frame.copyTo(this.bytes);
    const context = this.canvasOf(width, height);
    const image = this.image as ImageData;
    yuvToRgba(format, this.bytes, layout, width, height, image.data);
    context.putImageData(image, 0, 0);
    return context.canvas;
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
