// The fake camera clip generator, checked in Node before any browser sees its clips: a valid
// 4:2:0 y4m at 30 fps, the scripted poses in order, and a barcode in every frame that says
// which segment and how far into it, outside the square the game embeds.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeMark,
  encodeMark,
  FRAMES_PER_TICK,
  HEIGHT,
  makeFakeCameraClip,
  markCellCentres,
  readPhotos,
  readY4mInfo,
  readY4mLuma,
  segmentAtFrame,
  WIDTH,
} from './support/fakeCamera';
import { CALIBRATION_CLIP } from './support/headClips';

function markAt(path: string, frame: number) {
  const luma = readY4mLuma(path, frame);
  const lumas = markCellCentres().map(
    ({ x, y }) => luma[Math.floor(y * HEIGHT) * WIDTH + Math.floor(x * WIDTH)] ?? 0,
  );
  return decodeMark(lumas);
}

describe('fake camera clip', () => {
  it('is a 640x480 4:2:0 y4m at 30 fps with every scripted frame', () => {
    const started = Date.now();
    const clip = makeFakeCameraClip(CALIBRATION_CLIP);
    expect(Date.now() - started).toBeLessThan(10_000);
    const info = readY4mInfo(clip.path);
    expect(info.header).toBe('YUV4MPEG2 W640 H480 F30:1 Ip A1:1 C420jpeg XYSCSS=420JPEG');
    expect(info.frameCount).toBe(clip.frameCount);
    expect(clip.frameCount).toBe(5 * 5 * 30);
    expect(clip.segments.map((s) => s.pose)).toEqual(['neutral', 'left', 'right', 'up', 'down']);
  });

  it('shows only photos of the scripted person, series and pose in each segment', () => {
    const clip = makeFakeCameraClip(CALIBRATION_CLIP);
    const labels = new Map(readPhotos().map((p) => [p.file, p]));
    for (const segment of clip.segments) {
      expect(segment.photos.length).toBeGreaterThanOrEqual(5);
      for (const file of segment.photos) {
        const photo = labels.get(file);
        expect(photo?.person).toBe('person01');
        expect(photo?.series).toBe(1);
        expect(photo?.pose).toBe(segment.pose);
      }
    }
  });

  it('marks every frame with its segment and third of a second', () => {
    const clip = makeFakeCameraClip(CALIBRATION_CLIP);
    for (const segment of clip.segments) {
      const first = segment.firstFrame;
      const last = segment.firstFrame + segment.frames - 1;
      expect(markAt(clip.path, first)).toEqual({ segment: segment.index, tick: 0 });
      expect(markAt(clip.path, first + FRAMES_PER_TICK)).toEqual({
        segment: segment.index,
        tick: 1,
      });
      expect(markAt(clip.path, last)).toEqual({
        segment: segment.index,
        tick: segment.frames / FRAMES_PER_TICK - 1,
      });
      expect(segmentAtFrame(clip, last + clip.frameCount)).toBe(segment);
    }
  });

  it('keeps the barcode out of the centred square the game embeds', () => {
    // The game feeds the network the middle 480x480 of a 640x480 frame: columns 80 to 559.
    for (const { x } of markCellCentres()) expect(x * WIDTH).toBeLessThan(80 - 20);
    const clip = makeFakeCameraClip(CALIBRATION_CLIP);
    // Two frames of different segments differ in the middle (different photos) ...
    const a = readY4mLuma(clip.path, 0);
    const b = readY4mLuma(clip.path, clip.segments[1]?.firstFrame ?? 0);
    let differing = 0;
    for (let y = 0; y < HEIGHT; y++) {
      for (let x = 80; x < 560; x++) if (a[y * WIDTH + x] !== b[y * WIDTH + x]) differing++;
    }
    expect(differing).toBeGreaterThan(0.2 * 480 * 480);
  });

  it('refuses marks that do not check, and reuses a clip already made', () => {
    const cells = encodeMark(3, 7).map((white) => (white ? 230 : 20));
    expect(decodeMark(cells)).toEqual({ segment: 3, tick: 7 });
    expect(decodeMark(cells.map((v, i) => (i === 4 ? 250 - v : v)))).toBeNull();
    expect(decodeMark(cells.map(() => 128))).toBeNull();

    const clip = makeFakeCameraClip(CALIBRATION_CLIP);
    const modified = statSync(clip.path).mtimeMs;
    const again = makeFakeCameraClip(CALIBRATION_CLIP);
    expect(again.path).toBe(clip.path);
    expect(statSync(again.path).mtimeMs).toBe(modified);
    expect(JSON.parse(readFileSync(`${clip.path}.json`, 'utf8')).frameCount).toBe(clip.frameCount);
  });
});
