// Reads, from inside the page, which frame of the fake camera clip the game is looking at: the
// barcode that fakeCamera.ts stamps into each frame's left margin, sampled from the page's own
// <video> element (the camera preview the game plays), so it is the game's frame, not a guess
// from the clock.
import type { Page } from 'playwright-core';
import {
  decodeMark,
  FRAMES_PER_TICK,
  FPS,
  MARK_CELL_HALF,
  markCellCentres,
  type ClipSegment,
  type FakeClip,
  type Pose,
} from './fakeCamera';

export interface CameraView {
  segment: ClipSegment;
  pose: Pose;
  /** Seconds into the segment (to a third of a second). */
  secondsIn: number;
  /** Seconds until the segment ends. */
  secondsLeft: number;
}

interface Sample {
  lumas: number[] | null;
  problem: string;
}

/** Mean luma around each cell centre of the largest playing <video> in the page. */
async function sampleMarkCells(page: Page): Promise<Sample> {
  return page.evaluate(
    ({ centres, half }) => {
      const videos = [...document.querySelectorAll('video')].filter(
        (v) => v.videoWidth > 0 && v.readyState >= 2,
      );
      if (videos.length === 0) return { lumas: null, problem: 'no playing <video> in the page' };
      const video = videos.reduce((a, b) => (b.videoWidth > a.videoWidth ? b : a));
      const width = video.videoWidth;
      const height = video.videoHeight;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) return { lumas: null, problem: 'no 2d canvas' };
      context.drawImage(video, 0, 0, width, height);
      const lumas = centres.map(({ x, y }) => {
        const x0 = Math.round((x - half.x) * width);
        const y0 = Math.round((y - half.y) * height);
        const w = Math.max(1, Math.round(2 * half.x * width));
        const h = Math.max(1, Math.round(2 * half.y * height));
        const data = context.getImageData(x0, y0, w, h).data;
        let sum = 0;
        for (let i = 0; i < data.length; i += 4) {
          sum += 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
        }
        return sum / (data.length / 4);
      });
      return { lumas, problem: `${width}x${height} video, barcode unreadable` };
    },
    { centres: markCellCentres(), half: MARK_CELL_HALF },
  );
}

export class CameraProbe {
  /** Why the last read gave nothing, for failure messages. */
  lastProblem = 'not read yet';

  constructor(
    private readonly page: Page,
    readonly clip: FakeClip,
  ) {}

  /** What the camera shows right now, or null when no frame or no readable barcode. */
  async read(): Promise<CameraView | null> {
    const sample = await sampleMarkCells(this.page);
    const mark = sample.lumas ? decodeMark(sample.lumas) : null;
    const segment = mark ? this.clip.segments[mark.segment] : undefined;
    if (!mark || !segment) {
      this.lastProblem = sample.problem;
      return null;
    }
    const secondsIn = (mark.tick * FRAMES_PER_TICK) / FPS;
    return {
      segment,
      pose: segment.pose,
      secondsIn,
      secondsLeft: segment.seconds - secondsIn,
    };
  }

  /**
   * Waits until the camera shows a segment with `pose` (and `series`, when given) with at least
   * `secondsLeft` of it still to come. The clip loops, so this is at most one loop away.
   */
  async waitFor(
    pose: Pose,
    options: { secondsLeft?: number; series?: number; timeoutMs?: number } = {},
  ): Promise<CameraView> {
    const loopMs = (this.clip.frameCount / FPS) * 1000;
    const deadline = Date.now() + (options.timeoutMs ?? loopMs + 10_000);
    let last: CameraView | null = null;
    while (Date.now() < deadline) {
      last = await this.read();
      if (
        last &&
        last.pose === pose &&
        (options.series === undefined || last.segment.series === options.series) &&
        last.secondsLeft >= (options.secondsLeft ?? 0)
      ) {
        return last;
      }
      await this.page.waitForTimeout(50);
    }
    const seen = last ? `${last.pose} ${last.secondsIn}s in` : `nothing (${this.lastProblem})`;
    throw new Error(`the fake camera never showed "${pose}" in time; last saw ${seen}`);
  }
}
