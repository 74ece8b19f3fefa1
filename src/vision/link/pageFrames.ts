/**
 * How the page hands the video's current frame to the engine. To a worker: the video's own
 * frame wrapped in a VideoFrame, transferred, its picture made in the worker (no pixels copied
 * on the page's thread: at CPU 4x that copy, createImageBitmap, was the page's biggest cost
 * with head control on, `tools/page-profile.ts`). Where that cannot be (no WebCodecs, no frame
 * shown yet, a frame whose picture the worker would not make itself, a browser that will not
 * transfer one): an ImageBitmap, as before. The engine on the page draws the element itself.
 */
import { picturedHere } from '../engine/runtime/framePictures';

/**
 * The video's current frame as a VideoFrame for the worker; null where the browser has none
 * to give (no WebCodecs, no frame shown yet), 'not pictured there' where the worker would not
 * make its picture itself (framePictures.ts
 * picturedHere: a frame on the GPU would cost the worker Chromium's own conversion, 150-300
 * ms a frame here). A canvas's stream (the in-play trial's camera: BGRA) stays an ImageBitmap:
 * converted in the worker it answered slower in play (317 -> 407 ms p50, one game each, same
 * spell).
 */
function videoFrameOf(video: HTMLVideoElement): VideoFrame | 'not pictured there' | null {
  if (typeof VideoFrame !== 'function') return null;
  let frame: VideoFrame;
  try {
    frame = new VideoFrame(video);
  } catch {
    return null;
  }
  if (picturedHere(frame)) return frame;
  frame.close();
  return 'not pictured there';
}

export class PageFrames {
  /** Whether frames go to a worker as VideoFrames (false once the browser refused to post one). */
  private wraps = true;
  /**
   * Streams whose frames the worker would not picture (a canvas's stream): their form does not
   * change, so the per-frame camera loop wraps one to look and then no more.
   */
  private readonly notPicturedHere = new WeakSet<object>();

  /**
   * Hand `video`'s current frame to `send` (which posts it to the engine, in a worker or not);
   * `lost` when no picture could be made of it.
   */
  send(
    video: HTMLVideoElement,
    toWorker: boolean,
    send: (frame: CanvasImageSource) => void,
    lost: () => void,
  ): void {
    const stream = video.srcObject ?? null;
    const looked =
      toWorker && this.wraps && !(stream !== null && this.notPicturedHere.has(stream))
        ? videoFrameOf(video)
        : null;
    if (looked === 'not pictured there' && stream !== null) this.notPicturedHere.add(stream);
    const wrapped = looked === 'not pictured there' ? null : looked;
    if (wrapped !== null) {
      try {
        send(wrapped);
        return;
      } catch {
        wrapped.close();
        this.wraps = false; // this frame and the next go as ImageBitmaps
      }
    }
    if (typeof createImageBitmap === 'function') {
      createImageBitmap(video).then(send, lost);
    } else {
      send(video); // main-thread engine only: it draws the element directly
    }
  }
}
