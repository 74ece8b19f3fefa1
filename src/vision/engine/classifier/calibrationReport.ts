/**
 * "How good is my calibration?" answered from the shots alone: each shot is classified by the
 * others (leave-one-out, its mirror image left out with it), and the pair of poses most often
 * mistaken for each other becomes a sentence the player can act on.
 *
 * The game records a held pose ten times a second, so a shot's nearest other shot is nearly
 * always its neighbour in the same hold, a near copy of it: measured through the screen with a
 * player who looked straight when asked to turn left, "Left" still scored 75-80 % and the whole
 * check 88-92 % (passed as good), because each of those shots found its own neighbours before
 * any neutral shot. So a shot is also compared without its burst neighbours (the shots recorded
 * just before and after it, `burstNeighbours`): the same player's check falls to 35-40 % for
 * Left and 64-65 % overall, while good recordings keep 90-94 % (person01, two runs each).
 *
 * A shot is recognised only when its own pose is nearer than every other pose by at least
 * `RECOGNISED_MARGIN` (cosine similarity): a turn recorded while looking straight can hold
 * shots that are near copies of neutral's (the same straight face, a pixel of noise apart),
 * and which of two near copies is a hair nearer says nothing about the pose.
 */
import { cosineSimilarity, voteOfNearest } from './knnRule';
import { POSES, mirroredPose, perPose, type Pose } from '../../poses';
import type { PoseSamples } from '../../poseSamples';

export interface CalibrationReport {
  /** Share of all shots recognised correctly; null when no shot could be tested. */
  readonly accuracy: number | null;
  /** Per pose: share of its shots recognised; null when it has no shots to test. */
  readonly accuracyPerPose: Record<Pose, number | null>;
  /** confusion[truth][predicted]: how many shots of `truth` were taken for `predicted`. */
  readonly confusion: Record<Pose, Record<Pose, number>>;
  /** The two poses mistaken for each other most often (both ways counted), if any. */
  readonly mostConfused: {
    readonly poses: readonly [Pose, Pose];
    readonly mistakes: number;
  } | null;
  /** One sentence for the player, or null when every shot was recognised. */
  readonly advice: string | null;
}

/** What the player should do more of to make `pose` distinct. */
function moveFurther(pose: Pose): string {
  if (pose === 'neutral') return 'looking straight at the screen';
  if (pose === 'up' || pose === 'down') return 'tilting further';
  return 'turning further';
}

interface Example {
  readonly vector: Float32Array;
  readonly pose: Pose;
  /** Index of the shot it comes from: left out together. */
  readonly shot: number;
}

/** At most this many shots on each side of a shot, in its pose's recording order. */
export const BURST_NEIGHBOURS = 2;

/**
 * How much nearer its own pose a shot must be. Measured with
 * tools/studies/measure-quality-margins.ts on six hands-free recordings made through the screen
 * (person01, the following camera, exported): in the three good ones no shot had a margin in
 * [0, 1e-4) (lowest positive 7.6e-4, medians per pose 0.03-0.10), so this costs them nothing; in
 * the three where Left was shown straight, Left's and neutral's medians were -0.02. Only
 * near-ties change their verdict.
 */
export const RECOGNISED_MARGIN = 1e-4;

/**
 * How many shots on each side of a shot are its burst neighbours, among `count` shots of its
 * pose: fewer when the pose has few shots, so that each shot keeps at least half of its pose's
 * other shots to be compared with (shots recorded one press at a time are not a burst).
 */
export function burstNeighbours(count: number): number {
  return Math.max(0, Math.min(BURST_NEIGHBOURS, Math.floor((count - 1) / 4)));
}

/** One shot, and how similar it is to every shot it is compared with (and their poses). */
interface ShotAgainstOthers {
  readonly pose: Pose;
  readonly similarities: readonly number[];
  readonly labels: readonly Pose[];
}

/** Each shot against the others: not itself, its mirror image, nor its burst neighbours. */
function eachShotAgainstOthers(samples: PoseSamples, visit: (shot: ShotAgainstOthers) => void) {
  // The knn's examples, in the order PoseClassifier feeds them (so equal similarities break
  // the same way): each pose's own shots, then the mirror images that show it.
  const shots = POSES.flatMap((pose) =>
    samples[pose].map((sample, order) => ({ pose, sample, order })),
  );
  const shotIndex = new Map(shots.map((shot, index) => [shot.sample, index]));
  const examples: Example[] = [];
  for (const pose of POSES) {
    for (const sample of samples[pose]) {
      examples.push({ vector: sample.features, pose, shot: shotIndex.get(sample) as number });
    }
    for (const sample of samples[mirroredPose(pose)]) {
      if (sample.mirrored !== null) {
        examples.push({ vector: sample.mirrored, pose, shot: shotIndex.get(sample) as number });
      }
    }
  }
  for (const shot of shots) {
    const reach = burstNeighbours(samples[shot.pose].length);
    const others = examples.filter((example) => {
      const source = shots[example.shot] as (typeof shots)[number];
      return source.pose !== shot.pose || Math.abs(source.order - shot.order) > reach;
    });
    if (others.length === 0) continue;
    visit({
      pose: shot.pose,
      similarities: others.map((example) => cosineSimilarity(shot.sample.features, example.vector)),
      labels: others.map((example) => example.pose),
    });
  }
}

/** Nearest shot of its own pose minus the nearest of any other pose; -Infinity without one. */
function marginOf({ pose, similarities, labels }: ShotAgainstOthers): number {
  let own = -Infinity;
  let rival = -Infinity;
  similarities.forEach((similarity, i) => {
    if (labels[i] === pose) own = Math.max(own, similarity);
    else rival = Math.max(rival, similarity);
  });
  return own - rival;
}

/** Per pose, each shot's margin (marginOf), in recording order: for the tools. */
export function shotMargins(samples: PoseSamples): Record<Pose, number[]> {
  const margins = perPose((): number[] => []);
  eachShotAgainstOthers(samples, (shot) => margins[shot.pose].push(marginOf(shot)));
  return margins;
}

/** The other pose whose shot is nearest. */
function nearestRival({ pose, similarities, labels }: ShotAgainstOthers): Pose {
  let best = -Infinity;
  let rival: Pose = pose;
  similarities.forEach((similarity, i) => {
    const label = labels[i] as Pose;
    if (label !== pose && similarity > best) [best, rival] = [similarity, label];
  });
  return rival;
}

export function leaveOneOutReport(samples: PoseSamples, k: number): CalibrationReport {
  const confusion = perPose(() => perPose(() => 0));
  eachShotAgainstOthers(samples, (shot) => {
    const { pose } = voteOfNearest(shot.similarities, shot.labels, k);
    const recognised = pose === shot.pose && marginOf(shot) >= RECOGNISED_MARGIN;
    confusion[shot.pose][recognised || pose !== shot.pose ? pose : nearestRival(shot)]++;
  });

  const accuracyPerPose = perPose((pose) => {
    const tested = POSES.reduce((sum, predicted) => sum + confusion[pose][predicted], 0);
    return tested === 0 ? null : confusion[pose][pose] / tested;
  });
  let tested = 0;
  let correct = 0;
  for (const pose of POSES) {
    for (const predicted of POSES) tested += confusion[pose][predicted];
    correct += confusion[pose][pose];
  }

  let mostConfused: CalibrationReport['mostConfused'] = null;
  POSES.forEach((a, i) => {
    for (const b of POSES.slice(i + 1)) {
      const mistakes = confusion[a][b] + confusion[b][a];
      if (mistakes > 0 && (mostConfused === null || mistakes > mostConfused.mistakes)) {
        mostConfused = { poses: [a, b], mistakes };
      }
    }
  });

  return {
    accuracy: tested === 0 ? null : correct / tested,
    accuracyPerPose,
    confusion,
    mostConfused,
    advice: adviceFor(samples, accuracyPerPose, mostConfused),
  };
}

/**
 * The pose worth recording again: of the two poses mistaken for each other most often, the one
 * that is not neutral (neutral is the reference the others move away from; shots of a turn
 * that was not made look neutral, and neutral's shots then look like that turn); between two
 * directions, the one recognised less often. Without confusion, the pose recognised least, if
 * any shot of it was missed. Null when every shot was recognised.
 */
export function poseToRecordAgain(
  accuracyPerPose: Record<Pose, number | null>,
  mostConfused: CalibrationReport['mostConfused'],
): Pose | null {
  if (mostConfused !== null) {
    const [a, b] = mostConfused.poses;
    if (a === 'neutral') return b;
    if (b === 'neutral') return a;
    return (accuracyPerPose[a] ?? 0) <= (accuracyPerPose[b] ?? 0) ? a : b;
  }
  let worst: Pose | null = null;
  for (const pose of POSES) {
    const share = accuracyPerPose[pose];
    if (share !== null && share < 1 && (worst === null || share < (accuracyPerPose[worst] ?? 1)))
      worst = pose;
  }
  return worst;
}

function adviceFor(
  samples: PoseSamples,
  accuracyPerPose: Record<Pose, number | null>,
  mostConfused: CalibrationReport['mostConfused'],
): string | null {
  const missing = POSES.filter((pose) => samples[pose].length === 0);
  if (missing.length > 0)
    return `no shots of ${missing.join(', ')} yet: record ${missing.join(', ')}`;
  if (mostConfused === null) return null;
  const [a, b] = mostConfused.poses;
  const again = poseToRecordAgain(accuracyPerPose, mostConfused) as Pose;
  const other = again === a ? b : a;
  return `${again} and ${other} are confused: record ${again} again, ${moveFurther(again)}`;
}
