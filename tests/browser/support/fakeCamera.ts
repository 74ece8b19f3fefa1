// A fake webcam for Chromium: a YUV4MPEG2 clip (640x480, 4:2:0, 30 fps) made in Node from real
// Pointing'04 photos of one person, each head pose held for a few seconds, for
// `--use-file-for-fake-video-capture`. Photos: Gourier, Hall & Crowley, "Estimating Face
// Orientation from Robust Detection of Salient Facial Features", Pointing 2004, ICPR workshop.
//
// Knowing which pose the camera shows: Chromium starts the clip when the page opens the camera
// and loops it, so wall-clock time says little. Every frame therefore carries a small barcode
// in its left margin (x < 64 of 640), a part of the frame the game never feeds to the network
// (it embeds the centred 480x480 square, src/vision/engine/features/framing.ts). The test reads the
// barcode from the page's own <video> element (fakeCameraProbe.ts) and so knows the segment, and
// the time into it, of the very frame the game is looking at.
import { OUTSIDE_GREY } from '../../../src/vision/engine/features/faceFinder/region';
import { placementOf } from '../../../tools/node/movedAndShrunk';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import jpeg from 'jpeg-js';
import { sharedDir } from '../../../build/sharedDir';

export type Pose = 'neutral' | 'left' | 'right' | 'up' | 'down';
export const POSES: readonly Pose[] = ['neutral', 'left', 'right', 'up', 'down'];

export const FPS = 30;
export const WIDTH = 640;
export const HEIGHT = 480;
/** A new photo (and a new barcode tick) every this many frames: a third of a second. */
export const FRAMES_PER_TICK = 10;
/** Bump when anything below changes the clip's bytes. */
const GENERATOR_VERSION = 'fake-camera-v1';

export function pointing04Dir(): string {
  return resolve(process.env.HEADCHOMP_POINTING04_DIR ?? join(sharedDir(), 'headpose/pointing04'));
}

// ---- the photos ----

export interface PosePhoto {
  file: string;
  /** 'person01' ... 'person15'. */
  person: string;
  /** 1 or 2: two photo sessions per person. */
  series: number;
  /** The person's own left is 'left' (labels.csv). */
  pose: Pose;
  yaw: number;
  pitch: number;
}

export function readPhotos(dir = pointing04Dir()): PosePhoto[] {
  const labels = join(dir, 'labels.csv');
  if (!existsSync(labels)) {
    throw new Error(
      `Pointing'04 photos not found at ${dir} (set HEADCHOMP_POINTING04_DIR): ` +
        'the head-control browser tests make their fake camera from them',
    );
  }
  const lines = readFileSync(labels, 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file = '', , yaw, pitch, pose] = line.trim().split(',');
    const match = /^(person\d\d)(\d)/.exec(file);
    if (!match || !POSES.includes(pose as Pose)) throw new Error(`bad labels.csv line: ${line}`);
    return {
      file,
      person: match[1] ?? '',
      series: Number(match[2]),
      pose: pose as Pose,
      yaw: Number(yaw),
      pitch: Number(pitch),
    };
  });
}

/**
 * The unambiguous photos of a pose: a clear turn (45 degrees or more sideways, 30 or more up
 * or down) or a face close to straight ahead, so a held pose in the clip is one pose only.
 */
export function clearPhotos(photos: PosePhoto[], person: string, series: number, pose: Pose) {
  const chosen = photos.filter((p) => {
    if (p.person !== person || p.series !== series || p.pose !== pose) return false;
    if (pose === 'left' || pose === 'right')
      return Math.abs(p.yaw) >= 45 && Math.abs(p.pitch) <= 15;
    if (pose === 'up') return p.pitch >= 30;
    if (pose === 'down') return p.pitch <= -30;
    return Math.abs(p.yaw) <= 15 && Math.abs(p.pitch) <= 15;
  });
  if (chosen.length === 0) throw new Error(`no ${pose} photos of ${person} series ${series}`);
  return chosen;
}

// ---- the clip ----

export interface SegmentSpec {
  pose: Pose;
  /** Series of the person's photos shown in this segment. */
  series: number;
  seconds: number;
  /**
   * Nobody in front of the camera: a plain grey frame (an empty room) instead of the photos;
   * `pose` and `series` are then unused. For the face-gone pause.
   */
  nobody?: boolean;
  /**
   * 'sitting-back': each photo at its own size or smaller (0.6-1.0) somewhere in a grey
   * 640x480 frame (tools/node/movedAndShrunk.ts: the same place for the same file as the
   * measurements), as a player who sits back and to one side looks; otherwise the photo
   * fills the frame (sitting close and centred).
   */
  placement?: 'sitting-back';
}

export interface ClipSpec {
  /** File name stem, e.g. 'person01-series1'. */
  name: string;
  person: string;
  segments: SegmentSpec[];
}

export interface ClipSegment extends SegmentSpec {
  index: number;
  firstFrame: number;
  frames: number;
  photos: string[];
}

export interface FakeClip {
  path: string;
  frameCount: number;
  segments: ClipSegment[];
}

/** The five poses in calibration order, each held `seconds`, all from one series. */
export function poseScript(series: number, seconds: number): SegmentSpec[] {
  return POSES.map((pose) => ({ pose, series, seconds }));
}

/**
 * Makes the clip unless an identical one (same spec, photos and generator) is already in
 * test-results/fake-camera/; returns its absolute path and segment table.
 */
export function makeFakeCameraClip(spec: ClipSpec, outDir = 'test-results/fake-camera'): FakeClip {
  const dir = pointing04Dir();
  const photos = readPhotos(dir);
  let firstFrame = 0;
  const segments: ClipSegment[] = spec.segments.map((segment, index) => {
    const frames = Math.round(segment.seconds * FPS);
    if (frames % FRAMES_PER_TICK !== 0 || frames / FRAMES_PER_TICK > MAX_TICKS) {
      throw new Error(`segment length ${segment.seconds}s: whole thirds of a second, at most 5 s`);
    }
    const chosen = segment.nobody
      ? []
      : clearPhotos(photos, spec.person, segment.series, segment.pose);
    const result = { ...segment, index, firstFrame, frames, photos: chosen.map((p) => p.file) };
    firstFrame += frames;
    return result;
  });
  if (segments.length > MAX_SEGMENTS) throw new Error(`at most ${MAX_SEGMENTS} segments`);

  const hash = createHash('sha256').update(GENERATOR_VERSION).update(JSON.stringify(segments));
  for (const file of new Set(segments.flatMap((s) => s.photos))) {
    hash.update(readFileSync(join(dir, file)));
  }
  const path = resolve(outDir, `${spec.name}-${hash.digest('hex').slice(0, 12)}.y4m`);
  const clip = { path, frameCount: firstFrame, segments };
  if (existsSync(path)) return clip;

  mkdirSync(outDir, { recursive: true });
  const pictures = new Map<string, Uint8Array>();
  const pictureOf = (file: string, placement: SegmentSpec['placement']): Uint8Array => {
    const key = `${placement ?? 'close'}:${file}`;
    let yuv = pictures.get(key);
    if (!yuv) {
      const decoded = jpeg.decode(readFileSync(join(dir, file)), {
        useTArray: true,
        formatAsRGBA: false,
      });
      const rgb =
        placement === 'sitting-back'
          ? sittingBack(decoded.data, decoded.width, decoded.height, file)
          : scaleRgb(decoded.data, decoded.width, decoded.height, WIDTH, HEIGHT);
      yuv = rgbToI420(rgb);
      pictures.set(key, yuv);
    }
    return yuv;
  };

  const partial = `${path}.${process.pid}.partial`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, Y4M_HEADER);
    const frameMarker = Buffer.from('FRAME\n');
    for (const segment of segments) {
      for (let tick = 0; tick < segment.frames / FRAMES_PER_TICK; tick++) {
        const file = segment.photos[tick % segment.photos.length];
        const frame =
          file === undefined ? emptyRoom() : Uint8Array.from(pictureOf(file, segment.placement));
        stampBarcode(frame, encodeMark(segment.index, tick));
        for (let i = 0; i < FRAMES_PER_TICK; i++) {
          writeSync(fd, frameMarker);
          writeSync(fd, frame);
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  writeFileSync(`${path}.json`, JSON.stringify(clip, null, 2));
  // Older versions of this clip (another generator or photo set) are 350 MB each: drop them.
  for (const old of readdirSync(outDir)) {
    const stale = old.startsWith(`${spec.name}-`) && !old.endsWith('.partial');
    if (stale && !resolve(outDir, old).startsWith(path)) {
      rmSync(resolve(outDir, old), { force: true });
    }
  }
  return clip;
}

/** What the frame at `frame` (counted from the clip's start, looping) shows. */
export function segmentAtFrame(clip: FakeClip, frame: number): ClipSegment {
  const f = ((frame % clip.frameCount) + clip.frameCount) % clip.frameCount;
  const found = clip.segments.find((s) => f >= s.firstFrame && f < s.firstFrame + s.frames);
  if (!found) throw new Error(`no segment at frame ${frame}`);
  return found;
}

// ---- pixels ----

/** A frame with nobody in it: mid grey, no colour (I420). */
function emptyRoom(): Uint8Array {
  const frame = new Uint8Array((WIDTH * HEIGHT * 3) / 2);
  frame.fill(126, 0, WIDTH * HEIGHT);
  frame.fill(128, WIDTH * HEIGHT);
  return frame;
}

/** The photo at its moved-and-shrunk place in a mid-grey frame (packed RGB). */
function sittingBack(photo: Uint8Array, width: number, height: number, file: string): Uint8Array {
  const place = placementOf(file, width, height);
  const scaled = scaleRgb(photo, width, height, place.width, place.height);
  const frame = new Uint8Array(WIDTH * HEIGHT * 3).fill(OUTSIDE_GREY);
  for (let y = 0; y < place.height; y++) {
    const from = y * place.width * 3;
    frame.set(scaled.subarray(from, from + place.width * 3), ((place.y + y) * WIDTH + place.x) * 3);
  }
  return frame;
}

/** Bilinear resize of packed RGB (pixel centres aligned). */
export function scaleRgb(src: Uint8Array, sw: number, sh: number, dw: number, dh: number) {
  const out = new Uint8Array(dw * dh * 3);
  for (let y = 0; y < dh; y++) {
    const fy = Math.min(Math.max(((y + 0.5) * sh) / dh - 0.5, 0), sh - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, sh - 1);
    const wy = fy - y0;
    for (let x = 0; x < dw; x++) {
      const fx = Math.min(Math.max(((x + 0.5) * sw) / dw - 0.5, 0), sw - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, sw - 1);
      const wx = fx - x0;
      for (let c = 0; c < 3; c++) {
        const a = src[(y0 * sw + x0) * 3 + c] ?? 0;
        const b = src[(y0 * sw + x1) * 3 + c] ?? 0;
        const d = src[(y1 * sw + x0) * 3 + c] ?? 0;
        const e = src[(y1 * sw + x1) * 3 + c] ?? 0;
        const top = a + (b - a) * wx;
        const bottom = d + (e - d) * wx;
        out[(y * dw + x) * 3 + c] = Math.round(top + (bottom - top) * wy);
      }
    }
  }
  return out;
}

/**
 * Packed RGB (WIDTH x HEIGHT) to planar I420, BT.601 limited range (what ffmpeg writes for
 * `-pix_fmt yuv420p`), chroma as the mean of each 2x2 block (centred siting, 'C420jpeg').
 */
export function rgbToI420(rgb: Uint8Array): Uint8Array {
  const out = new Uint8Array((WIDTH * HEIGHT * 3) / 2);
  const uBase = WIDTH * HEIGHT;
  const vBase = uBase + (WIDTH * HEIGHT) / 4;
  for (let i = 0; i < WIDTH * HEIGHT; i++) {
    const r = rgb[i * 3] ?? 0;
    const g = rgb[i * 3 + 1] ?? 0;
    const b = rgb[i * 3 + 2] ?? 0;
    out[i] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
  }
  for (let y = 0; y < HEIGHT / 2; y++) {
    for (let x = 0; x < WIDTH / 2; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((2 * y + dy) * WIDTH + 2 * x + dx) * 3;
        r += (rgb[p] ?? 0) / 4;
        g += (rgb[p + 1] ?? 0) / 4;
        b += (rgb[p + 2] ?? 0) / 4;
      }
      const j = y * (WIDTH / 2) + x;
      out[uBase + j] = Math.round(128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255);
      out[vBase + j] = Math.round(128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255);
    }
  }
  return out;
}

export const Y4M_HEADER = `YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FPS}:1 Ip A1:1 C420jpeg XYSCSS=420JPEG\n`;

// ---- the barcode ----
//
// One column of 18 square-ish cells in the frame's left margin, top to bottom: a white and a
// black sync cell, 4 bits of segment index, 4 bits of tick (thirds of a second into the
// segment), then the same 8 bits inverted as a check. White is luma 235, black 16, chroma grey.

export const MAX_SEGMENTS = 16;
export const MAX_TICKS = 15;
const CELLS = 18;
const CELL_X0 = 16;
const CELL_X1 = 56;
const CELL_Y0 = 24;
const CELL_H = 24;

export interface Mark {
  segment: number;
  tick: number;
}

/** The 18 cell values (true = white) for a segment and tick. */
export function encodeMark(segment: number, tick: number): boolean[] {
  if (segment < 0 || segment >= MAX_SEGMENTS || tick < 0 || tick > MAX_TICKS) {
    throw new Error(`mark out of range: ${segment}/${tick}`);
  }
  const bits: boolean[] = [];
  for (let i = 3; i >= 0; i--) bits.push(((segment >> i) & 1) === 1);
  for (let i = 3; i >= 0; i--) bits.push(((tick >> i) & 1) === 1);
  return [true, false, ...bits, ...bits.map((bit) => !bit)];
}

/** Reads cell lumas (0-255, in cell order) back into a mark, or null when they do not check. */
export function decodeMark(lumas: readonly number[]): Mark | null {
  if (lumas.length !== CELLS) return null;
  const white = lumas[0] ?? 0;
  const black = lumas[1] ?? 255;
  if (white - black < 100) return null;
  const threshold = (white + black) / 2;
  const bits = lumas.map((luma) => luma > threshold);
  for (let i = 0; i < 8; i++) if (bits[2 + i] === bits[10 + i]) return null;
  const value = (from: number) => bits.slice(from, from + 4).reduce((n, b) => n * 2 + +b, 0);
  return { segment: value(2), tick: value(6) };
}

/** Cell centres in fractions of the frame's width and height, for reading from any size. */
export function markCellCentres(): { x: number; y: number }[] {
  return Array.from({ length: CELLS }, (_, i) => ({
    x: (CELL_X0 + CELL_X1) / 2 / WIDTH,
    y: (CELL_Y0 + i * CELL_H + CELL_H / 2) / HEIGHT,
  }));
}

/** Half a cell's size, in fractions of the frame, so a reader can average over its middle. */
export const MARK_CELL_HALF = { x: (CELL_X1 - CELL_X0) / 4 / WIDTH, y: CELL_H / 4 / HEIGHT };

function stampBarcode(frame: Uint8Array, cells: boolean[]): void {
  const uBase = WIDTH * HEIGHT;
  const vBase = uBase + (WIDTH * HEIGHT) / 4;
  // A grey surround keeps the photo's colours from bleeding into the cells when scaled.
  for (let y = CELL_Y0 - 8; y < CELL_Y0 + CELLS * CELL_H + 8; y++) {
    for (let x = CELL_X0 - 8; x < CELL_X1 + 8; x++) {
      const inside = x >= CELL_X0 && x < CELL_X1 && y >= CELL_Y0 && y < CELL_Y0 + CELLS * CELL_H;
      const cell = Math.floor((y - CELL_Y0) / CELL_H);
      frame[y * WIDTH + x] = inside ? (cells[cell] ? 235 : 16) : 126;
      if (x % 2 === 0 && y % 2 === 0) {
        frame[uBase + (y / 2) * (WIDTH / 2) + x / 2] = 128;
        frame[vBase + (y / 2) * (WIDTH / 2) + x / 2] = 128;
      }
    }
  }
}

// ---- reading a clip back (for checking the generator) ----

export interface Y4mInfo {
  header: string;
  width: number;
  height: number;
  fps: string;
  colourSpace: string;
  frameCount: number;
}

export function readY4mInfo(path: string): Y4mInfo {
  const fd = openSync(path, 'r');
  const start = Buffer.alloc(256);
  try {
    readSync(fd, start, 0, start.length, 0);
  } finally {
    closeSync(fd);
  }
  const end = start.indexOf(0x0a);
  const header = start.subarray(0, end).toString('latin1');
  const tokens = header.split(' ');
  if (end < 0 || tokens[0] !== 'YUV4MPEG2') throw new Error(`not a y4m file: ${header}`);
  const field = (key: string) => tokens.find((t) => t.startsWith(key))?.slice(1) ?? '';
  const width = Number(field('W'));
  const height = Number(field('H'));
  const frameBytes = 'FRAME\n'.length + (width * height * 3) / 2;
  const body = statSync(path).size - (end + 1);
  if (body % frameBytes !== 0) throw new Error(`y4m body ${body} is not whole frames`);
  return {
    header,
    width,
    height,
    fps: field('F'),
    colourSpace: field('C'),
    frameCount: body / frameBytes,
  };
}

/** The luma plane of frame `index` of a y4m file made here (reads only that frame). */
export function readY4mLuma(path: string, index: number): Uint8Array {
  const frameBytes = 'FRAME\n'.length + (WIDTH * HEIGHT * 3) / 2;
  const fd = openSync(path, 'r');
  try {
    const at = Y4M_HEADER.length + index * frameBytes;
    const frame = Buffer.alloc(6 + WIDTH * HEIGHT);
    readSync(fd, frame, 0, frame.length, at);
    if (frame.subarray(0, 6).toString('latin1') !== 'FRAME\n') {
      throw new Error(`no FRAME marker at frame ${index}`);
    }
    return frame.subarray(6);
  } finally {
    closeSync(fd);
  }
}
