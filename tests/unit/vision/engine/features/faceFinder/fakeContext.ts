/** A 2D context that records what is drawn, for the canvas paths' tests (no DOM in Node). */
export interface RecordingContext {
  readonly calls: unknown[][];
  imageSmoothingEnabled: boolean;
  imageSmoothingQuality: string;
  fillStyle: string;
}

export function recordingContext(): RecordingContext & Record<string, unknown> {
  const calls: unknown[][] = [];
  const context = {
    calls,
    imageSmoothingEnabled: false,
    imageSmoothingQuality: 'low',
    fillStyle: '#000',
    fillRect(...args: number[]) {
      calls.push(['fillRect', context.fillStyle, ...args]);
    },
    drawImage(...args: unknown[]) {
      // The source image itself is left out: the rectangles are what matters.
      calls.push(['drawImage', ...args.slice(1)]);
    },
    getImageData(x: number, y: number, width: number, height: number) {
      calls.push(['getImageData', x, y, width, height]);
      return { data: new Uint8ClampedArray(width * height * 4), width, height };
    },
  };
  return context;
}
