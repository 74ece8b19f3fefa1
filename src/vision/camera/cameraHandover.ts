/**
 * The camera, made ready to hand to the engine's worker so that it reads the frames itself
 * (headProtocol.ts, 'camera'): a clone of the preview's video track, so that the worker's
 * reading can be stopped without touching the preview (and stopping the preview's track ends
 * the clone too), turned into a stream of VideoFrames by a MediaStreamTrackProcessor where the
 * page has one (Chromium), else handed over as the track itself for the worker to read (where
 * tracks transfer: Safari 18; the link finds out, and says so, when they do not).
 *
 * `?headFrames=page` in the page address keeps the frames on the page (today's way
 * everywhere else), to compare the two and as a way out should a browser misbehave.
 */
import type { CameraSource } from '../link/headProtocol';

export interface CameraHandover {
  readonly source: CameraSource;
  /** The processor whose frames were handed over, held for as long as they are read. */
  readonly processor: object | null;
  /** Stop the clone (the worker's frames end with it). */
  stop(): void;
}

type TrackProcessorConstructor = new (init: { track: MediaStreamTrack }) => {
  readonly readable: ReadableStream<VideoFrame>;
};

/** Whether the page address lets the worker read the camera (anything but ?headFrames=page). */
export function workerFramesWanted(pageUrl: string): boolean {
  try {
    return new URL(pageUrl).searchParams.get('headFrames') !== 'page';
  } catch {
    return true;
  }
}

/** The video's live camera track, or null (no stream, or it has ended). */
function liveTrack(video: HTMLVideoElement): MediaStreamTrack | null {
  const stream = video.srcObject as MediaStream | null | undefined;
  if (!stream || typeof stream.getVideoTracks !== 'function') return null;
  const track = stream.getVideoTracks()[0];
  return track !== undefined && track.readyState === 'live' ? track : null;
}

/**
 * The camera of `video` made ready for the worker, or null where it cannot be: no live track,
 * or neither a track processor here nor tracks that can be cloned.
 */
export function handOverCamera(
  video: HTMLVideoElement,
  scope: typeof globalThis = globalThis,
): CameraHandover | null {
  const track = liveTrack(video);
  if (track === null || typeof track.clone !== 'function') return null;
  const Processor = (scope as unknown as { MediaStreamTrackProcessor?: TrackProcessorConstructor })
    .MediaStreamTrackProcessor;
  let clone: MediaStreamTrack;
  try {
    clone = track.clone();
  } catch {
    return null;
  }
  const stop = (): void => clone.stop();
  if (typeof Processor !== 'function') return { source: { track: clone }, processor: null, stop };
  try {
    const processor = new Processor({ track: clone });
    return { source: { frames: processor.readable }, processor, stop };
  } catch {
    stop();
    return null;
  }
}
