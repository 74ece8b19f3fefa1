/**
 * The messages between the main thread (HeadControl) and the inference engine, which runs in
 * a module Web Worker (inferenceWorker.ts) or, where workers or OffscreenCanvas are missing, on
 * the main thread (enginePort.ts). Both sides speak only these messages, so the engine runs
 * the same code in both places.
 *
 *   main -> engine                               engine -> main
 *   init {models, faceModels, meshModels,     -> progress {stage, message}*
 *         backend, slowerBy}
 *                                                ready {backend, ...} | failed {stage, message}
 *   frame {id, frame, width, height, record}  -> result {id, ms, prediction, recorded, tensors}
 *   set-samples {samples}   (restore, import, forget: replaces every shot)
 *   remove-pose {pose}      (redo one pose)
 *   report {id}                          ->      report {id, report}
 *                                                backend-changed {from, backend, reason}
 *   camera {source}         (the worker reads the camera itself: see below)
 *                                         ->     camera {state: reading | failed, reason}
 *   camera-frame {frame}    (a VideoFrame, transferred, where the page posts them)
 *   feed {record, minIntervalMs}   (what the worker's own frame gate needs from the page)
 *   camera-stop
 *   dispose
 *
 * At most one frame is in flight: main sends the next frame only after the result of the last
 * (frames that arrive meanwhile are dropped, never queued). A frame is the video's own
 * frame wrapped in a VideoFrame where the browser has WebCodecs (the worker makes its picture:
 * no pixels copied on the page), else an ImageBitmap; either is transferred (not copied), and
 * the engine closes it. A recorded shot comes back with its vectors,
 * and the engine has already added it to its own classifier, so both sides hold the same shots
 * in the same order. Nothing here leaves the device.
 *
 * Where the browser can hand the camera to the worker ('camera'), the worker takes the frames
 * itself, so a page busy drawing no longer holds them back: where the page has a
 * MediaStreamTrackProcessor (Chromium), the page reads its VideoFrames as they come and
 * transfers each at once ('camera-frame', nothing else done with it on the page); where tracks
 * transfer (Safari), the worker gets the track. The worker keeps one frame in flight with its
 * own frame gate (recording and the rate governor's pace come by 'feed'), closes the frames
 * that arrive meanwhile but the newest, and answers each with a 'result' that says what it was
 * taken with (`taken`), since the page never saw it. (The processor's stream itself was once
 * transferred: Chromium then let a VideoFrame go unclosed now and then, on the page's side.)
 */
import type { CalibrationReport } from '../engine/classifier/calibrationReport';
import type { HeadAngles } from '../engine/features/faceMesh/headAngles';
import type { MeshOutline } from '../engine/features/faceMesh/meshOutline';
import type { PosePrediction } from '../engine/classifier/poseClassifier';
import type { PoseSample, PoseSamples } from '../poseSamples';
import type { Pose } from '../poses';
import type { FaceBox } from '../headView';
import type { ModelLocation } from './modelSource';

export type BackendName = 'wasm' | 'webgl' | 'cpu';

export interface BackendRequest {
  /** Use this backend without measuring (a remembered choice, or `?headBackend=`). */
  readonly use: BackendName | null;
  /** Candidates to measure when `use` is null or fails to start. */
  readonly candidates: readonly BackendName[];
  /**
   * Threads asked for the wasm backend (1: none; link/wasmThreads.ts); they start only where
   * the engine's realm is cross-origin isolated. Absent: 1.
   */
  readonly wasmThreads?: number;
}

export type ToEngine =
  | {
      readonly type: 'init';
      readonly models: readonly ModelLocation[];
      /** Where the face detector's files are. */
      readonly faceModels: readonly ModelLocation[];
      /** Where the face mesh's files are. */
      readonly meshModels: readonly ModelLocation[];
      readonly backend: BackendRequest;
      /** Behave as a device this many times slower (link/slowerDevice.ts; absent: 1). */
      readonly slowerBy?: number;
    }
  | {
      readonly type: 'frame';
      readonly id: number;
      readonly frame: CanvasImageSource;
      readonly width: number;
      readonly height: number;
      /** The pose to record this frame as, or null to only predict. */
      readonly record: Pose | null;
      /** Set on a frame the worker read from the camera itself; its result carries it back. */
      readonly taken?: TakenFrame;
    }
  | { readonly type: 'camera'; readonly source: CameraSource }
  /** One camera frame, transferred (source `posted`): the worker closes it. */
  | { readonly type: 'camera-frame'; readonly frame: VideoFrame }
  | { readonly type: 'camera-stop' }
  | {
      readonly type: 'feed';
      /** The pose being recorded, or null. */
      readonly record: Pose | null;
      /** The least time between two predictions (the rate governor's), ms. */
      readonly minIntervalMs: number;
    }
  | { readonly type: 'set-samples'; readonly samples: PoseSamples }
  | { readonly type: 'remove-pose'; readonly pose: Pose }
  | { readonly type: 'report'; readonly id: number }
  | { readonly type: 'dispose' };

/**
 * The camera for the worker: frames the page posts one by one as its MediaStreamTrackProcessor
 * gives them ('camera-frame'; Chromium), or the track itself for the worker to read (where
 * tracks transfer: Safari).
 */
export type CameraSource = { readonly posted: true } | { readonly track: MediaStreamTrack };

/** What a frame the worker read itself was taken with. */
export interface TakenFrame {
  /** When the worker took it: ms since the epoch (performance.timeOrigin + now there). */
  readonly at: number;
  readonly width: number;
  readonly height: number;
  /**
   * How many 'set-samples' and 'remove-pose' messages the worker had heard when it took the
   * frame: a shot recorded from it belongs to the shots the page had after as many.
   */
  readonly shotMessages: number;
  /** How the worker's reading had gone when it took the frame (for the overlay, the bench). */
  readonly counts?: CameraCounts;
}

/**
 * Frames the worker's camera reading has seen since it started, and what became of them
 * (engine/runtime/cameraReader.ts). The frames that came before the rate governor's turn are
 * looked at cheaply (stillHead.ts) and predicted at once unless the head holds still:
 * looked = moved + settling + still + blind.
 */
export interface CameraCounts {
  /** Frames read from the camera. */
  readonly read: number;
  /** Frames given to the engine. */
  readonly predicted: number;
  /** Frames that came before the governor's turn. */
  readonly looked: number;
  /** Of those, predicted at once: the face's square had changed since the last prediction. */
  readonly moved: number;
  /** Of those, predicted at once: alike, but the head has not been seen there often enough. */
  readonly settling: number;
  /** Of those, let go: the head holds still. */
  readonly still: number;
  /** Of those, let go: nothing to compare them with (no face yet, or planes not readable). */
  readonly blind: number;
}

export interface EngineReady {
  readonly type: 'ready';
  readonly backend: BackendName;
  /** Milliseconds per embedding measured during the warm-up, per backend that started. */
  readonly msPerRun: Readonly<Record<string, number>>;
  /** Backends that failed to start, with why. */
  readonly failed: Readonly<Record<string, string>>;
  /** True when the backend was measured now (false: a remembered choice was used). */
  readonly measured: boolean;
  readonly model: ModelLocation;
  /** How many model files came from Cache Storage, and how many from the network. */
  readonly files: { readonly fromCache: number; readonly fromNetwork: number };
  /** Whether the engine runs in a Web Worker. */
  readonly inWorker: boolean;
  /** The threaded wasm backend's pool size, or null: no threads (engine/runtime/wasmThreadPool.ts). */
  readonly wasmThreads: number | null;
  /** Why the face finder is off (frames are then read at their centre), or null when it runs. */
  readonly faceFinderProblem: string | null;
  /** Why the face mesh is off (no head angles: compared without them), or null when it runs. */
  readonly meshProblem: string | null;
}

export interface FrameResult {
  readonly type: 'result';
  readonly id: number;
  /** Milliseconds the engine spent on this frame (framing + embedding + classifier). */
  readonly ms: number;
  /** null before any shot is recorded, or when the frame could not be used. */
  readonly prediction: PosePrediction | null;
  readonly recorded: { readonly pose: Pose; readonly sample: PoseSample } | null;
  /** A shot asked for and not kept, and why: no face in that frame. */
  readonly skipped: 'no-face' | null;
  /**
   * How the frame was read: 'face' around the face found, 'no-face' not at all (nothing to
   * classify: no prediction), 'centre' the centre square (the face finder is not loaded).
   */
  readonly framing: 'face' | 'no-face' | 'centre';
  /** The face found, in the frame's own pixels; null when none was found or looked for. */
  readonly face: FaceBox | null;
  /** The head's angles from the face mesh (radians); null without the mesh or a face. */
  readonly angles: HeadAngles | null;
  /** The mesh's outline of the face, in the frame's pixels (for the preview). */
  readonly outline: MeshOutline | null;
  /** tf.memory().numTensors after the frame: a steady number means no leak. */
  readonly tensors: number;
  readonly error: string | null;
  /** For a frame the worker read itself: what it was taken with. */
  readonly taken?: TakenFrame;
}

export type FromEngine =
  | { readonly type: 'progress'; readonly stage: 'backend' | 'model'; readonly message: string }
  | EngineReady
  | { readonly type: 'failed'; readonly stage: 'backend' | 'model'; readonly message: string }
  | FrameResult
  | { readonly type: 'report'; readonly id: number; readonly report: CalibrationReport }
  | BackendChanged
  | CameraReading;

/**
 * The worker reads the camera (its first frame came), or cannot (and why); 'next': where the
 * page posts the frames, the worker is free for the next one (the page holds the newest until
 * then, so a frame never waits in the worker's queue while a newer one exists).
 */
export interface CameraReading {
  readonly type: 'camera';
  readonly state: 'reading' | 'failed' | 'next';
  readonly reason: string | null;
}

/** The backend stopped working mid-session (a lost WebGL context); another one runs now. */
export interface BackendChanged {
  readonly type: 'backend-changed';
  readonly from: BackendName;
  readonly backend: BackendName;
  readonly reason: string;
}

/** Objects to transfer with a message rather than copy (the frame's bitmap, the camera). */
export function transferablesOf(message: ToEngine): Transferable[] {
  if (message.type === 'camera') {
    const source = message.source;
    // A track transfers where the browser allows it (TypeScript's DOM types do not say so).
    return 'posted' in source ? [] : [source.track as unknown as Transferable];
  }
  if (message.type === 'camera-frame') return [message.frame];
  if (message.type !== 'frame') return [];
  const frame = message.frame as unknown;
  if (typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame) return [frame];
  return typeof ImageBitmap !== 'undefined' && frame instanceof ImageBitmap ? [frame] : [];
}
