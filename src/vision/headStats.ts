/**
 * What the debug overlay (F2) shows of head control: the backend and why others were not
 * used, how fast predictions come, the engine's tensors, the rate governor, the latest
 * prediction and the camera's real settings.
 */
import type { HeadAngles } from './engine/features/faceMesh/headAngles';
import type { PosePrediction } from './engine/classifier/poseClassifier';
import type { EngineLink } from './link/engineLink';
import type { Pose } from './poses';

export interface HeadStatsView {
  readonly backend: string | null;
  readonly inWorker: boolean | null;
  /** The threaded wasm backend's pool size; null without threads or before the engine is ready. */
  readonly wasmThreads: number | null;
  readonly warmupMs: Readonly<Record<string, number>>;
  /** Backends that did not start or were not measured, with why. */
  readonly notUsed: Readonly<Record<string, string>>;
  readonly msPerPrediction: number | null;
  readonly predictionsPerSecond: number;
  readonly tensors: number;
  readonly dropped: number;
  /** What the rate governor is doing ('off' with ?headRate=full). */
  readonly rate: string;
  readonly prediction: PosePrediction | null;
  readonly smoothedPose: Pose | null;
  /** The head's angles in the latest frame (null: no mesh, or no face). */
  readonly angles: HeadAngles | null;
  /** Why the face mesh is off, or null. */
  readonly meshProblem: string | null;
  readonly model: string | null;
  readonly camera: string | null;
  readonly lastError: string | null;
}

export function describeStats(parts: {
  readonly link: EngineLink;
  readonly camera: MediaTrackSettings | null;
  readonly rate: string;
  readonly prediction: PosePrediction | null;
  readonly smoothedPose: Pose | null;
  readonly angles: HeadAngles | null;
  readonly now: number;
}): HeadStatsView {
  const { link, camera } = parts;
  const ready = link.ready;
  return {
    backend: ready?.backend ?? null,
    inWorker: ready?.inWorker ?? null,
    wasmThreads: ready?.wasmThreads ?? null,
    warmupMs: ready?.msPerRun ?? {},
    notUsed: ready?.failed ?? {},
    msPerPrediction: link.stats.msPerPrediction,
    predictionsPerSecond: link.stats.perSecond(parts.now),
    tensors: link.stats.tensors,
    dropped: link.gate.dropped,
    rate: parts.rate,
    prediction: parts.prediction,
    smoothedPose: parts.smoothedPose,
    angles: parts.angles,
    meshProblem: ready?.meshProblem ?? null,
    model:
      ready === null
        ? null
        : `${ready.model.kind} (${ready.files.fromCache} cached, ${ready.files.fromNetwork} fetched)`,
    camera:
      camera === null
        ? null
        : `${camera.width ?? '?'}x${camera.height ?? '?'} @ ${Math.round(camera.frameRate ?? 0)} fps`,
    lastError: link.stats.lastError,
  };
}
