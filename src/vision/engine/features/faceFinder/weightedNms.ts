/**
 * Weighted non-maximum suppression, as MediaPipe runs it after this detector: neighbouring
 * anchors all see the same face, so their boxes are merged into one instead of keeping only
 * the best (a mean of several boxes jitters less from frame to frame than any single one).
 *
 * Best first: the highest-scoring face and every remaining candidate overlapping it by
 * IoU > 0.3 become one face whose box and keypoints are the score-weighted mean of theirs and
 * whose score is the best one's. Repeat with what is left.
 */
import { KEYPOINT_COUNT, intersectionOverUnion, type Face, type Point } from './face';

/** MediaPipe's min_suppression_threshold for this model. */
export const MERGE_OVERLAP = 0.3;

function weightedMean(group: readonly Face[]): Face {
  // A face alone stays exactly as found.
  if (group.length === 1) return group[0] as Face;
  let total = 0;
  let cx = 0;
  let cy = 0;
  let width = 0;
  let height = 0;
  const xs = new Float64Array(KEYPOINT_COUNT);
  const ys = new Float64Array(KEYPOINT_COUNT);
  for (const face of group) {
    const w = face.score;
    total += w;
    cx += w * face.box.cx;
    cy += w * face.box.cy;
    width += w * face.box.width;
    height += w * face.box.height;
    face.keypoints.forEach((point, k) => {
      xs[k] = (xs[k] as number) + w * point.x;
      ys[k] = (ys[k] as number) + w * point.y;
    });
  }
  const best = group[0] as Face;
  if (total <= 0) return best;
  const keypoints: Point[] = Array.from({ length: KEYPOINT_COUNT }, (_, k) => ({
    x: (xs[k] as number) / total,
    y: (ys[k] as number) / total,
  }));
  return {
    box: { cx: cx / total, cy: cy / total, width: width / total, height: height / total },
    keypoints,
    score: best.score,
  };
}

/** The merged faces, best score first. The input is not changed. */
export function weightedNonMaxSuppression(
  candidates: readonly Face[],
  overlap: number = MERGE_OVERLAP,
): Face[] {
  // Stable sort: equal scores keep the anchors' order, so the result is reproducible.
  let remaining = [...candidates].sort((a, b) => b.score - a.score);
  const merged: Face[] = [];
  while (remaining.length > 0) {
    const best = remaining[0] as Face;
    const group: Face[] = [];
    const rest: Face[] = [];
    for (const face of remaining) {
      if (face === best || intersectionOverUnion(best.box, face.box) > overlap) group.push(face);
      else rest.push(face);
    }
    merged.push(weightedMean(group));
    remaining = rest;
  }
  return merged;
}
