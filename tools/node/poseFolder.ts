/**
 * Any folder of head-pose photos with a labels.csv in the Pointing'04 columns
 * (file,subject,yaw_deg,pitch_deg,direction; or file,person,yaw,pitch,pose), so players and contributors can measure with their own photos.
 * The session ("series") of a photo comes from an optional `series` column (1 or 2), else from
 * a Pointing'04 style file name (person<PP><S>...).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isPose } from '../../src/vision/poses';
import { CACHE_DIR, CACHE_ROOT } from './embeddingCache';
import { POINTING04_DIR, readPointing04, type PosePhoto } from './pointing04';

export function readPoseFolder(folder: string): PosePhoto[] {
  const dir = resolve(folder);
  const labels = join(dir, 'labels.csv');
  if (!existsSync(labels)) throw new Error(`${labels} not found`);
  if (dir === resolve(POINTING04_DIR)) return readPointing04(dir);
  const [header = '', ...lines] = readFileSync(labels, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',').map((c) => c.trim());
  // Pointing'04's own names first, then the plain ones.
  const names: Record<string, string[]> = {
    file: ['file'],
    person: ['subject', 'person'],
    yaw: ['yaw_deg', 'yaw'],
    pitch: ['pitch_deg', 'pitch'],
    pose: ['direction', 'pose'],
    series: ['series'],
  };
  const at = (name: string): number =>
    Math.max(...(names[name] ?? [name]).map((n) => columns.indexOf(n)));
  for (const name of ['file', 'person', 'pose']) {
    if (at(name) < 0) {
      throw new Error(
        `labels.csv lacks a "${(names[name] ?? [name]).join('" or "')}" column (header: ${header})`,
      );
    }
  }
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split(',').map((c) => c.trim());
      const file = cells[at('file')] ?? '';
      const pose = cells[at('pose')];
      const fromName = /^person\d\d(\d)/.exec(file)?.[1];
      const series = Number(at('series') >= 0 ? cells[at('series')] : fromName);
      if (!isPose(pose) || !(series === 1 || series === 2)) {
        throw new Error(`labels.csv line needs a pose and a series 1 or 2: ${line}`);
      }
      return {
        file,
        path: join(dir, file),
        person: cells[at('person')] ?? '',
        series,
        pose,
        yaw: Number(cells[at('yaw')] ?? 0),
        pitch: Number(cells[at('pitch')] ?? 0),
      };
    });
}

/** A folder's own name in caches; null for Pointing'04 (it keeps the shared caches). */
function folderKey(folder: string): string | null {
  const dir = resolve(folder);
  if (dir === resolve(POINTING04_DIR)) return null;
  const hash = createHash('sha256')
    .update(dir)
    .update(readFileSync(join(dir, 'labels.csv')))
    .digest('hex')
    .slice(0, 12);
  return `folder-${hash}`;
}

/** The embedding cache of a folder: Pointing'04 keeps the shared one, others get their own. */
export function cacheDirFor(folder: string): string {
  const key = folderKey(folder);
  return key === null ? CACHE_DIR : join(CACHE_DIR, key);
}

/** A cache of another kind (framing, photo set, detections) for a folder, named by `kind`. */
export function cacheDirOfKind(folder: string, kind: string): string {
  const key = folderKey(folder);
  return key === null ? join(CACHE_ROOT, kind) : join(CACHE_ROOT, kind, key);
}
