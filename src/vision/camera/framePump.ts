/**
 * Calls `onFrame` once for every new picture the camera delivers: with the video element's
 * frame callbacks where the browser has them, else on animation frames when the picture has
 * changed (the video's time moved on). What to do with a frame (send it or drop it) is the
 * caller's business; this only knows when there is a new one.
 */
export interface Cancellable {
  cancel(): void;
}

type VideoWithFrames = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: (now: number) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export function pumpFrames(video: HTMLVideoElement, onFrame: (now: number) => void): Cancellable {
  const withFrames = video as VideoWithFrames;
  const useVideoFrames = typeof withFrames.requestVideoFrameCallback === 'function';
  let cancelled = false;
  let handle = 0;
  let lastTime = -1;
  const next = (): void => {
    if (cancelled) return;
    if (useVideoFrames) {
      handle = withFrames.requestVideoFrameCallback?.((now) => {
        onFrame(now);
        next();
      }) as number;
    } else {
      handle = requestAnimationFrame((now) => {
        if (video.currentTime !== lastTime) {
          lastTime = video.currentTime;
          onFrame(now);
        }
        next();
      });
    }
  };
  next();
  return {
    cancel: () => {
      cancelled = true;
      if (useVideoFrames) withFrames.cancelVideoFrameCallback?.(handle);
      else cancelAnimationFrame(handle);
    },
  };
}
