/**
 * The camera, made ready to hand to the engine's worker so that it takes the frames itself
 * (headProtocol.ts, 'camera'): a clone of the preview's video track, so that the worker's
 * reading can be stopped without touching the preview (and stopping the preview's track ends
 * the clone too), read by a MediaStreamTrackProcessor where the page has one (Chromium), each
 * VideoFrame posted to the worker as it comes (`pump`: transferred at once, or closed), else
 * handed over as the track itself for the worker to read (where tracks transfer: Safari 18;
 * the link finds out, and says so, when they do not).
 *
 * Why the page reads the processor rather than transferring its stream: with the stream
 * transferred, Chromium now and then let a VideoFrame go unclosed on the page's side (the
 * console said "A VideoFrame was garbage collected without being closed", about once a game in
 * the browser tests), and a camera whose frames are not closed may stop giving new ones. Here
 * every frame has one owner at any time. The cost: a frame waits for the page's current task
 * (a drawn frame at most) before it goes, and nothing more is done with it on the page.
 *
 * Opt-in, `?headFrames=worker` in the page address; the page reads the frames by default.
 * Even with every frame it read closed or transferred (a ledger of all 851 frames of a
 * phoneCalibration.test run: none left), Chromium still logged a VideoFrame garbage collected
 * unclosed on the page in 1 of 6 runs, around a camera switch: a frame the processor made
 * that no script ever received. The console error fails the browser tests, and a default that
 * fails one CI run in several must not ship. Its reaction was 6 camera frames (229 ms)
 * against 11 (415 ms) with the page reading, until the page's reading stopped holding a moving
 * head back (link/headMotion.ts): now both 5 unthrottled; at CPU 4x the page's reading 5, the
 * worker's 12 (bench, 2026-12-07).
 */
import type { CameraSource } from '../link/headProtocol';

/** Hands a frame to the worker; settles true once it is free for the next. */
export type FramePost = (frame: VideoFrame) => Promise<boolean>;

export interface CameraHandover {
  readonly source: CameraSource;
  /**
   * Where the page reads the frames for the worker (source `posted`): start handing them to
   * `post`, which transfers one and settles once the worker is free for the next (false: it
   * was not taken, and is closed here). Null where the worker reads a track itself.
   */
  readonly pump: ((post: FramePost) => void) | null;
  /** Stop the clone: the frames end with it (those still coming are closed here). */
  stop(): void;
}

type TrackProcessorConstructor = new (init: { track: MediaStreamTrack }) => {
  readonly readable: ReadableStream<VideoFrame>;
};

/** Whether the page address asks for the worker to take the camera's frames (?headFrames=worker). */
export function workerFramesWanted(pageUrl: string): boolean {
  try {
    return new URL(pageUrl).searchParams.get('headFrames') === 'worker';
  } catch {
    return false;
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
  if (typeof Processor !== 'function') {
    return { source: { track: clone }, pump: null, stop: () => clone.stop() };
  }
  let frames: ReadableStream<VideoFrame>;
  try {
    frames = new Processor({ track: clone }).readable;
  } catch {
    clone.stop();
    return null;
  }
  let stopped = false;
  return {
    source: { posted: true },
    pump: (post) => void pumpFrames(frames, post, () => stopped),
    stop: () => {
      stopped = true;
      clone.stop();
    },
  };
}

/**
 * The frames of `frames` to `post`, one at a time: the stream is read as frames come, the
 * newest is kept (the one before it closed) while the worker is busy with the last, and goes
 * as soon as it is free. A frame not taken, or that came once `stopped`, is closed at once, so
 * every frame has one owner. The stream is read to its end (the clone stopped) rather than
 * cancelled, since a frame dropped by a cancel goes unclosed.
 */
export async function pumpFrames(
  frames: ReadableStream<VideoFrame>,
  post: FramePost,
  stopped: () => boolean,
): Promise<void> {
  let newest: VideoFrame | null = null;
  let sending = false;
  const send = async (): Promise<void> => {
    sending = true;
    while (newest !== null && !stopped()) {
      const frame: VideoFrame = newest;
      newest = null;
      const taken = await post(frame).catch(() => false);
      if (!taken) frame.close();
    }
    if (stopped()) {
      (newest as VideoFrame | null)?.close();
      newest = null;
    }
    sending = false;
  };
  let reader: ReadableStreamDefaultReader<VideoFrame>;
  try {
    reader = frames.getReader();
  } catch {
    return;
  }
  try {
    for (;;) {
      const { value: frame, done } = await reader.read();
      if (done) break;
      if (stopped()) {
        frame.close();
        continue;
      }
      (newest as VideoFrame | null)?.close(); // a newer frame came while the worker was busy
      newest = frame;
      if (!sending) void send();
    }
  } catch {
    // The stream failed (the track's source went away): nothing left to read.
  } finally {
    (newest as VideoFrame | null)?.close();
    newest = null;
  }
}
