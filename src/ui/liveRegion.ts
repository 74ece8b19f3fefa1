/**
 * The accessible mirror of the game: a visually hidden role="status" region whose spans
 * (data-testid score, lives, level, game-state, direction) hold the current values. Screen
 * readers announce changes politely and browser tests read the same spans. Head control adds
 * `head-pose` (the smoothed pose: up, down, left, right, neutral or none) and `head-status`
 * (camera and model state in words). Hands-free play adds `dwell` (how full the hold of the
 * start pose is, in percent, 0 when nothing is held) and `head-hint` (what the head can do on
 * this screen now, e.g. what holding the start pose will do). Each value is
 * written only when it changes, so a steady game causes no DOM work and no chatter.
 * The dwell line is marked aria-live="off": it changes many times a second while a pose is
 * held, which a screen reader should not read out; the hint says the same in words.
 */
/**
 * 'loading' until the menu runs: the page's static text said 'menu' from the first byte, so a
 * key pressed on "menu" before the menu scene existed was lost (a red desktop test, Enter).
 */
export type GameState = 'loading' | 'menu' | 'calibrating' | 'playing' | 'paused' | 'over';

export interface LiveValues {
  score: number;
  lives: number;
  level: number;
  'game-state': GameState;
  /** The requested direction, or 'none'. */
  direction: string;
  /** The smoothed head pose, or 'none'. */
  'head-pose': string;
  /** Head control's camera and model state, in words. */
  'head-status': string;
  /** The fill of the start-pose hold, in percent (0 to 100). */
  dwell: number;
  /** What the head can do on this screen now, in words ('' when nothing). */
  'head-hint': string;
}

export type LiveField = keyof LiveValues;

export const LIVE_FIELDS: readonly LiveField[] = [
  'score',
  'lives',
  'level',
  'game-state',
  'direction',
  'head-pose',
  'head-status',
  'dwell',
  'head-hint',
];

/** Fields that change too often to be read out as they change. */
const QUIET_FIELDS: ReadonlySet<LiveField> = new Set<LiveField>(['dwell']);

/** What a span needs to be for us: something with text. */
export interface TextSink {
  textContent: string | null;
}

const LABELS: Record<LiveField, string> = {
  score: 'Score',
  lives: 'Lives',
  level: 'Level',
  'game-state': 'State',
  direction: 'Direction',
  'head-pose': 'Head pose',
  'head-status': 'Head control',
  dwell: 'Hold',
  'head-hint': 'Hands-free',
};

const INITIAL: LiveValues = {
  score: 0,
  lives: 3,
  level: 1,
  'game-state': 'loading',
  direction: 'none',
  'head-pose': 'none',
  'head-status': 'Head control off.',
  dwell: 0,
  'head-hint': '',
};

export class LiveRegion {
  private readonly shown = new Map<LiveField, string>();
  private readonly listeners = new Set<(field: LiveField, text: string) => void>();

  constructor(private readonly sinks: Record<LiveField, TextSink>) {
    for (const field of LIVE_FIELDS) this.shown.set(field, sinks[field].textContent ?? '');
  }

  set<F extends LiveField>(field: F, value: LiveValues[F]): void {
    const text = String(value);
    if (this.shown.get(field) === text) return;
    this.shown.set(field, text);
    this.sinks[field].textContent = text;
    for (const listener of this.listeners) listener(field, text);
  }

  /** Hear every change (the wake lock follows 'game-state'); returns the unsubscriber. */
  onChange(listener: (field: LiveField, text: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(values: Partial<LiveValues>): void {
    for (const field of LIVE_FIELDS) {
      const value = values[field];
      if (value !== undefined) this.set(field, value);
    }
  }

  get(field: LiveField): string {
    return this.shown.get(field) ?? '';
  }
}

/**
 * Finds the region in the page (index.html ships it) or builds it, creating any span that
 * is missing, and returns the writer for it.
 */
export function mountLiveRegion(doc: Document, id = 'live'): LiveRegion {
  let root = doc.getElementById(id);
  if (!root) {
    root = doc.createElement('div');
    root.id = id;
    root.className = 'sr-only';
    doc.body.appendChild(root);
  }
  root.setAttribute('role', 'status');
  root.setAttribute('aria-live', 'polite');
  const sinks = {} as Record<LiveField, TextSink>;
  for (const field of LIVE_FIELDS) {
    let span = root.querySelector<HTMLElement>(`[data-testid="${field}"]`);
    if (!span) {
      const line = doc.createElement('p');
      line.append(`${LABELS[field]}: `);
      span = doc.createElement('span');
      span.dataset.testid = field;
      span.textContent = String(INITIAL[field]);
      line.append(span);
      root.append(line);
    }
    if (QUIET_FIELDS.has(field)) span.parentElement?.setAttribute('aria-live', 'off');
    sinks[field] = span;
  }
  return new LiveRegion(sinks);
}
