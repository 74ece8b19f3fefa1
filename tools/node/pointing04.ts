/**
 * The Pointing'04 head-pose photos in the shared data (build/sharedDir.ts; read only, never copied into the project).
 * Gourier, Hall & Crowley, "Estimating Face Orientation from Robust Detection of Salient
 * Facial Features", Pointing 2004, ICPR workshop. Labels use the person's own left.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../build/sharedDir';
import { isPose, type Pose } from '../../src/vision/poses';

export const POINTING04_DIR = join(sharedDir(), 'headpose/pointing04');

export interface PosePhoto {
  readonly file: string;
  readonly path: string;
  /** 'pointing04_person01' ... 'pointing04_person15'. */
  readonly person: string;
  /** 1 or 2: each person was photographed in two sessions. */
  readonly series: number;
  readonly pose: Pose;
  readonly yaw: number;
  readonly pitch: number;
}

/** All labelled photos, in labels.csv order. */
export function readPointing04(dir: string = POINTING04_DIR): PosePhoto[] {
  const lines = readFileSync(join(dir, 'labels.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file, person, yaw, pitch, pose] = line.trim().split(',');
    // person<PP><S><NN>...: the third digit after "person" is the series.
    const series = Number(file?.slice('person'.length + 2, 'person'.length + 3));
    if (
      file === undefined ||
      person === undefined ||
      !isPose(pose) ||
      !(series === 1 || series === 2)
    ) {
      throw new Error(`unexpected labels.csv line: ${line}`);
    }
    return {
      file,
      path: join(dir, file),
      person,
      series,
      pose,
      yaw: Number(yaw),
      pitch: Number(pitch),
    };
  });
}

/** A labelled face box of face_boxes.csv, in photo pixels. */
export interface LabelledFaceBox {
  readonly cx: number;
  readonly cy: number;
  readonly width: number;
  readonly height: number;
}

/** face_boxes.csv by file name: the dataset's own face boxes (tighter than the detector's). */
export function readFaceBoxes(dir: string = POINTING04_DIR): Map<string, LabelledFaceBox> {
  const lines = readFileSync(join(dir, 'face_boxes.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(
    lines.map((line) => {
      const [file = '', , , cx, cy, width, height] = line.trim().split(',');
      return [
        file,
        { cx: Number(cx), cy: Number(cy), width: Number(width), height: Number(height) },
      ];
    }),
  );
}
