/**
 * The head-tracking debug overlay, toggled with F2 or the backquote key (`): which backend
 * runs the model, how long a prediction takes and how many happen per second, how many
 * tensors are alive (a number that keeps growing is a leak), and the current label with how
 * sure the tracker is (the margin confidence), how near the calibration the frame is, the
 * share of the knn's votes, and the head's angles from the face mesh with a dial for the turn
 * (and whether the angle gate held a turn back). Updated four times a second while shown;
 * costs nothing hidden.
 */
import type { HeadAngles } from '../vision/engine/features/faceMesh/headAngles';
import type { HeadStatsView } from '../vision/headControl';
import { POSES } from '../vision/poses';

export interface DebugSource {
  statsView(): HeadStatsView;
}

function format(value: number | null, digits = 1): string {
  return value === null ? '–' : value.toFixed(digits);
}

const degrees = (radians: number): string => {
  const value = Math.round((radians * 180) / Math.PI);
  return `${value > 0 ? '+' : ''}${value}°`;
};

/** The turn on a dial of 21 cells from -60° to +60° (the middle one is straight ahead). */
export function yawDial(yaw: number): string {
  const cells = 21;
  const at = Math.round(
    ((Math.max(-60, Math.min(60, (yaw * 180) / Math.PI)) + 60) / 120) * (cells - 1),
  );
  return Array.from({ length: cells }, (_, i) => (i === at ? 'o' : i === 10 ? '|' : '-')).join('');
}

function anglesLine(angles: HeadAngles | null, meshProblem: string | null, gated: boolean): string {
  if (meshProblem !== null) return `off: ${meshProblem}`;
  if (angles === null) return '–';
  return (
    `yaw ${degrees(angles.yaw)} pitch ${degrees(angles.pitch)} roll ${degrees(angles.roll)}  ` +
    `[${yawDial(angles.yaw)}]${gated ? '  turn held back (not far enough)' : ''}`
  );
}

/** The overlay's text for one moment (pure: tested without a DOM). */
export function debugText(stats: HeadStatsView): string {
  const warmup = Object.entries(stats.warmupMs)
    .map(([backend, ms]) => `${backend} ${ms.toFixed(1)}`)
    .join(', ');
  const prediction = stats.prediction;
  const votes =
    prediction === null
      ? '–'
      : POSES.filter((pose) => prediction.confidences[pose] > 0)
          .map((pose) => `${pose} ${Math.round(prediction.confidences[pose] * 100)}%`)
          .join('  ');
  const sure =
    prediction === null
      ? '–'
      : `${Math.round(prediction.confidence * 100)}%   nearest shot ${prediction.nearest.toFixed(3)}${prediction.far ? ' (far: calibration does not fit)' : ''}`;
  const where = stats.inWorker === null ? '' : stats.inWorker ? ' (worker)' : ' (main thread)';
  const threads = stats.wasmThreads === null ? '' : `, threaded (pool of ${stats.wasmThreads})`;
  return [
    `backend      ${stats.backend ?? '–'}${where}${threads}`,
    `warm-up ms   ${warmup || '–'}`,
    ...Object.entries(stats.notUsed).map(([backend, why]) => `not used     ${backend}: ${why}`),
    `ms/predict   ${format(stats.msPerPrediction)}`,
    `predict/s    ${stats.predictionsPerSecond}`,
    `tensors      ${stats.tensors}`,
    `dropped      ${stats.dropped}`,
    `rate         ${stats.rate}`,
    `label        ${prediction?.pose ?? '–'}   smoothed ${stats.smoothedPose ?? '–'}`,
    `confidence   ${sure}`,
    `votes        ${votes}`,
    `head angles  ${anglesLine(stats.angles, stats.meshProblem, prediction?.gated ?? false)}`,
    `model        ${stats.model ?? '–'}`,
    `camera       ${stats.camera ?? 'off'}`,
    ...(stats.lastError === null ? [] : [`last error   ${stats.lastError}`]),
  ].join('\n');
}

export function isDebugToggle(event: Pick<KeyboardEvent, 'code' | 'key'>): boolean {
  return event.code === 'F2' || event.code === 'Backquote' || event.key === 'F2';
}

export class DebugOverlay {
  private readonly element: HTMLPreElement;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    doc: Document,
    private readonly source: DebugSource,
  ) {
    const element = doc.createElement('pre');
    element.id = 'debug-overlay';
    element.dataset.testid = 'debug-overlay';
    element.hidden = true;
    element.setAttribute('aria-label', 'Head tracking debug information');
    Object.assign(element.style, {
      position: 'fixed',
      left: '8px',
      bottom: '8px',
      zIndex: '50',
      margin: '0',
      padding: '8px 10px',
      maxWidth: 'calc(100vw - 16px)',
      overflow: 'hidden',
      font: '12px/1.35 ui-monospace, monospace',
      color: '#c4f03a',
      background: 'rgba(0, 0, 0, 0.8)',
      border: '1px solid #2b3566',
      borderRadius: '6px',
      pointerEvents: 'none',
      whiteSpace: 'pre-wrap',
    });
    doc.body.append(element);
    this.element = element;
    doc.defaultView?.addEventListener(
      'keydown',
      (event) => {
        if (!isDebugToggle(event) || event.repeat) return;
        event.preventDefault();
        this.toggle();
      },
      true,
    );
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  toggle(): void {
    if (this.visible) this.hide();
    else this.show();
  }

  show(): void {
    this.element.hidden = false;
    this.update();
    this.timer ??= setInterval(() => this.update(), 250);
  }

  hide(): void {
    this.element.hidden = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private update(): void {
    this.element.textContent = debugText(this.source.statsView());
  }
}
