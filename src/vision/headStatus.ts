/**
 * Head control's state, in words for the player (the page's live region, `head-status`) and
 * as a kind for code. Every sentence that reports a problem says that keys and touch still
 * work: the game never depends on the camera or the model.
 */
import type { EnginePart } from './link/engineLink';
import type { BackendName } from './link/headProtocol';

export type HeadState =
  | { readonly kind: 'off'; readonly note: string | null }
  | { readonly kind: 'starting-camera' }
  | { readonly kind: 'camera-problem'; readonly message: string }
  | { readonly kind: 'loading-model'; readonly message: string }
  | { readonly kind: 'model-problem'; readonly message: string }
  | {
      readonly kind: 'needs-calibration';
      readonly backend: BackendName;
      readonly posesReady: number;
    }
  | {
      readonly kind: 'on';
      readonly backend: BackendName;
      /** False while the camera cannot see the player's face. */
      readonly faceSeen: boolean;
      /** Why the face finder is off (frames are read at their centre), or null when it runs. */
      readonly finderProblem: string | null;
      /** Why the face mesh is off (no head angles: turns read from the picture), or null. */
      readonly meshProblem: string | null;
      /** False once what the camera sees no longer matches the calibration's shots. */
      readonly calibrationFits: boolean;
    }
  | { readonly kind: 'paused' };

export type HeadStateKind = HeadState['kind'];

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function describeHeadState(state: HeadState, poseCount = 5): string {
  switch (state.kind) {
    case 'off':
      return state.note === null
        ? 'Head control off. Press C on the menu to calibrate it.'
        : `${sentence(state.note)} Head control off.`;
    case 'starting-camera':
      return 'Starting the camera…';
    case 'camera-problem':
      return sentence(state.message);
    case 'loading-model':
      return `${capitalised(state.message)}…`;
    case 'model-problem':
      return `The head-tracking model could not be loaded (${state.message}). Head control is off; keys and touch still work.`;
    case 'needs-calibration':
      return `Camera and model ready (${state.backend}). Record your poses: ${state.posesReady} of ${poseCount} have enough shots.`;
    case 'on':
      if (state.finderProblem !== null) {
        return `Head control on (${state.backend}), reading the middle of the picture: sit centred, the face finder did not load (${state.finderProblem}).`;
      }
      if (!state.faceSeen) {
        return `Head control on (${state.backend}), but the camera cannot see your face: sit where it can see you. Keys and touch still work.`;
      }
      if (!state.calibrationFits) {
        return `Head control on (${state.backend}), but it is misreading you: your calibration no longer matches how you look now. Touch it up (T), or calibrate again.`;
      }
      if (state.meshProblem !== null) {
        return `Head control on (${state.backend}): steer by turning your head. Your head's angles are not measured (the face mesh did not load: ${state.meshProblem}), so small nods may read as turns.`;
      }
      return `Head control on (${state.backend}): steer by turning your head.`;
    case 'paused':
      return 'Camera off while the game is hidden; it comes back when you return.';
  }
}

/** Where the camera stands, as the coordinator tracks it. */
export type CameraPart =
  'off' | 'starting' | 'on' | 'paused' | { readonly problem: { readonly message: string } };

/** What the parts add up to, for the player: the first thing that stands in the way wins. */
export function headStateOf(parts: {
  readonly wanted: boolean;
  readonly offNote: string | null;
  readonly camera: CameraPart;
  readonly engine: EnginePart;
  readonly backend: BackendName | null;
  readonly posesReady: number;
  readonly complete: boolean;
  readonly faceSeen: boolean;
  readonly finderProblem: string | null;
  readonly meshProblem: string | null;
  readonly calibrationFits: boolean;
}): HeadState {
  if (!parts.wanted) return { kind: 'off', note: parts.offNote };
  const { camera, engine } = parts;
  if (camera === 'paused') return { kind: 'paused' };
  if (typeof camera === 'object')
    return { kind: 'camera-problem', message: camera.problem.message };
  if (typeof engine === 'object' && 'problem' in engine) {
    return { kind: 'model-problem', message: engine.problem };
  }
  if (camera === 'starting' || camera === 'off') return { kind: 'starting-camera' };
  if (typeof engine === 'object') return { kind: 'loading-model', message: engine.loading };
  if (engine === 'none')
    return { kind: 'loading-model', message: 'loading the head-tracking model' };
  const backend = parts.backend ?? 'cpu';
  if (!parts.complete) return { kind: 'needs-calibration', backend, posesReady: parts.posesReady };
  return {
    kind: 'on',
    backend,
    faceSeen: parts.faceSeen,
    finderProblem: parts.finderProblem,
    // Said once: without the finder the mesh has nothing to measure, and the finder's words cover it.
    meshProblem: parts.finderProblem === null ? parts.meshProblem : null,
    calibrationFits: parts.calibrationFits,
  };
}
