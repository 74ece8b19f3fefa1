/**
 * Reaction time in the speed bench: from a pose change in the fake camera's clip (read from
 * the barcode of each camera frame the page saw) to the game's new direction, or to the
 * demo's first prediction on a frame of the new pose.
 */
import type { FakeClip } from '../../tests/browser/support/fakeCamera';
import { p50, p95 } from '../stats';
import type { BenchState, CameraFrameEvent } from './pageProbe';

export interface Reaction {
  changes: number;
  framesP50: number;
  framesP95: number;
  msP50: number;
  msP95: number;
  missed: number;
}

/** What the demo's loop records of each prediction (bench/demo/demoLoop.js). */
export interface DemoPredictions {
  msPerPrediction: number[];
  /** performance.now() at the end of each prediction. */
  predictionTimes: number[];
}

interface PoseChange {
  /** The first camera frame of the new pose. */
  frame: CameraFrameEvent;
  pose: string;
  /** The new pose's segment ends here (performance.now() ms). */
  deadline: number;
}

/** The clip's clean pose changes the page saw: the first tick of a new pose's segment. */
function poseChanges(bench: BenchState, clip: FakeClip): PoseChange[] {
  const frames = bench.cameraFrames;
  const changes: PoseChange[] = [];
  for (let i = 1; i < frames.length; i++) {
    const before = frames[i - 1];
    const now = frames[i];
    if (!before || !now || now.segment === before.segment) continue;
    const segment = clip.segments[now.segment];
    const previous = clip.segments[before.segment];
    if (!segment || !previous || segment.pose === previous.pose) continue;
    // Only a clean change: the first tick of the next segment, seen within a few frames.
    if (now.tick !== 0 || now.presentedFrames - before.presentedFrames > 3) continue;
    changes.push({ frame: now, pose: segment.pose, deadline: now.t + segment.seconds * 1000 });
  }
  return changes;
}

/** p50 / p95 of the frames and ms each change took (`taken`: null for a change missed). */
function reactionFigures(
  changes: PoseChange[],
  taken: (change: PoseChange) => { frames: number; ms: number } | null,
): Reaction | null {
  const frames: number[] = [];
  const ms: number[] = [];
  let missed = 0;
  for (const change of changes) {
    const hit = taken(change);
    if (hit === null) {
      missed++;
      continue;
    }
    frames.push(hit.frames);
    ms.push(hit.ms);
  }
  return {
    changes: changes.length,
    framesP50: p50(frames),
    framesP95: p95(frames),
    msP50: p50(ms),
    msP95: p95(ms),
    missed,
  };
}

/** The game: from a pose change to the live region's `direction` showing that pose. */
export function reactionOf(bench: BenchState, clip: FakeClip): Reaction | null {
  return reactionFigures(poseChanges(bench, clip), ({ frame, pose, deadline }) => {
    const hit = bench.directions.find(
      (d) => d.t >= frame.t && d.t < deadline && d.direction === pose,
    );
    return hit ? { frames: hit.frame - frame.presentedFrames, ms: hit.t - frame.t } : null;
  });
}

/**
 * The demo, measured the same way up to its arg max: from a pose change to the end of its
 * first prediction on a frame captured after it (the demo steers on every arg max, with no
 * smoother, so that is when its direction could change at the earliest; its dense head is
 * untrained here, so its arg max itself says nothing).
 */
export function demoReactionOf(
  bench: BenchState,
  clip: FakeClip,
  demo: DemoPredictions,
): Reaction | null {
  return reactionFigures(poseChanges(bench, clip), ({ frame, deadline }) => {
    const i = demo.predictionTimes.findIndex(
      (done, k) => done - (demo.msPerPrediction[k] ?? 0) >= frame.t,
    );
    const done = demo.predictionTimes[i];
    if (i < 0 || done === undefined || done >= deadline) return null;
    const seen = bench.cameraFrames.filter((f) => f.t <= done).at(-1);
    return {
      frames: (seen?.presentedFrames ?? frame.presentedFrames) - frame.presentedFrames,
      ms: done - frame.t,
    };
  });
}

/**
 * Where the game's reaction time goes, p50 over the changes it took (ms after the change):
 * the first answer on a frame read after the change began (its start is the answer's arrival
 * less the engine's own ms), that answer's arrival, the first answer naming the new pose, and
 * the direction; and how many answers arrived up to the direction. Answers that begin before
 * the change are on an old frame: their time is the wait for a free engine.
 */
export interface ReactionParts {
  changes: number;
  firstReadBeginsP50: number;
  firstReadAnsweredP50: number;
  newPoseAnsweredP50: number;
  directionP50: number;
  answersToDirectionP50: number;
  /** The first few changes in full: each answer as "+ms pose confidence (engine ms)". */
  examples: string[];
}

export function reactionParts(bench: BenchState, clip: FakeClip): ReactionParts | null {
  const begins: number[] = [];
  const answered: number[] = [];
  const named: number[] = [];
  const directions: number[] = [];
  const counts: number[] = [];
  const examples: string[] = [];
  for (const { frame, pose, deadline } of poseChanges(bench, clip)) {
    const hit = bench.directions.find(
      (d) => d.t >= frame.t && d.t < deadline && d.direction === pose,
    );
    if (!hit) continue;
    const answers = bench.results.filter((r) => r.t >= frame.t && r.t <= hit.t);
    const fresh = answers.find((r) => r.t - r.ms >= frame.t);
    const first = answers.find((r) => r.pose === pose);
    if (fresh) {
      begins.push(fresh.t - fresh.ms - frame.t);
      answered.push(fresh.t - frame.t);
    }
    if (first) named.push(first.t - frame.t);
    directions.push(hit.t - frame.t);
    counts.push(answers.length);
    if (examples.length < 6) {
      const steps = answers.map(
        (r) =>
          `+${Math.round(r.t - frame.t)} ${r.pose ?? '-'} ${r.confidence?.toFixed(2) ?? '-'} (${Math.round(r.ms)})`,
      );
      examples.push(`${pose}: ${steps.join(', ')} -> direction +${Math.round(hit.t - frame.t)}`);
    }
  }
  if (directions.length === 0) return null;
  return {
    changes: directions.length,
    firstReadBeginsP50: p50(begins),
    firstReadAnsweredP50: p50(answered),
    newPoseAnsweredP50: p50(named),
    directionP50: p50(directions),
    answersToDirectionP50: p50(counts),
    examples,
  };
}
