/**
 * The top-10 table. Stored as JSON under `headchomp.highScores`, which anything (an old
 * version, an extension, a curious player) may have overwritten, so reading validates every
 * field and quietly drops what does not fit; it never throws and never trusts the shape.
 * Each score keeps the game speed it was made at (100, 80 or 60 %): one table for all
 * speeds, as a slower game is the same game, and the speed beside the score says how it was
 * played. Scores saved before speeds existed have no speed and read as 100 %.
 */
import { DEFAULT_GAME_SPEED, isGameSpeed, type GameSpeed } from '../game/gameSpeed';
import type { KeyValueStore } from './safeStorage';

export const HIGH_SCORES_KEY = 'headchomp.highScores';
export const MAX_HIGH_SCORES = 10;
/** Longer stored text than this is not ours: skip parsing it at all. */
const MAX_RAW_LENGTH = 16_384;
/** Never look at more entries than this, whatever the array's length. */
const MAX_SCANNED = 100;
const MAX_SCORE = 99_999_990;
const MAX_LEVEL = 9_999;

export interface HighScore {
  readonly score: number;
  readonly level: number;
  /** When it was set, as an ISO 8601 timestamp. */
  readonly date: string;
  /** The game speed it was made at. */
  readonly speed: GameSpeed;
}

/** What a finished game hands in; an entry without a speed was made at 100 %. */
export type HighScoreInput = Omit<HighScore, 'speed'> & { readonly speed?: GameSpeed };

/** A clean copy of `value` if it is a valid entry, else null. */
export function sanitizeHighScore(value: unknown): HighScore | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  // Read own data properties only: a hostile "__proto__" or getter cannot reach us.
  const score = ownField(value, 'score');
  const level = ownField(value, 'level');
  const date = ownField(value, 'date');
  const speed = ownField(value, 'speed');
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > MAX_SCORE) {
    return null;
  }
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > MAX_LEVEL) {
    return null;
  }
  if (typeof date !== 'string' || date.length > 40 || !Number.isFinite(Date.parse(date))) {
    return null;
  }
  // No speed: saved before game speeds existed, at the only speed there was. A speed that is
  // there but not one of ours is not our entry.
  if (speed !== undefined && !isGameSpeed(speed)) return null;
  return {
    score,
    level,
    date: new Date(date).toISOString(),
    speed: speed ?? DEFAULT_GAME_SPEED,
  };
}

function ownField(object: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/** Higher score first; on a tie the older entry keeps its place, as arcades do. */
function compare(a: HighScore, b: HighScore): number {
  return b.score - a.score;
}

/** Parses stored text into a sorted, valid top-10 list. Bad input gives an empty list. */
export function parseHighScores(raw: string | null | undefined): HighScore[] {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RAW_LENGTH) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const entries: HighScore[] = [];
  const count = Math.min(parsed.length, MAX_SCANNED);
  for (let i = 0; i < count; i++) {
    const entry = sanitizeHighScore(parsed[i]);
    if (entry) entries.push(entry);
  }
  // Array.prototype.sort is stable, so equal scores keep their stored order.
  return entries.sort(compare).slice(0, MAX_HIGH_SCORES);
}

/** Whether `score` would enter the table. A zero never does. */
export function qualifies(list: readonly HighScore[], score: number): boolean {
  if (!(score > 0)) return false;
  if (list.length < MAX_HIGH_SCORES) return true;
  const last = list[list.length - 1];
  return last === undefined || score > last.score;
}

/**
 * A new list with `entry` placed below every equal or better score; rank is its 0-based
 * place, or -1 when it did not make the table (the list comes back unchanged then).
 */
export function insertHighScore(
  list: readonly HighScore[],
  entry: HighScoreInput,
): { list: HighScore[]; rank: number } {
  const clean = sanitizeHighScore(entry);
  if (!clean || !qualifies(list, clean.score)) return { list: [...list], rank: -1 };
  let rank = list.findIndex((existing) => existing.score < clean.score);
  if (rank === -1) rank = list.length;
  const next = [...list.slice(0, rank), clean, ...list.slice(rank)].slice(0, MAX_HIGH_SCORES);
  return { list: next, rank };
}

/** The table as the game uses it: loaded once, saved on each new entry. */
export class HighScoreTable {
  private list: HighScore[];

  constructor(private readonly store: KeyValueStore) {
    // Stores promise not to throw; a table that still cannot read simply starts empty.
    let raw: string | null;
    try {
      raw = store.get(HIGH_SCORES_KEY);
    } catch {
      raw = null;
    }
    this.list = parseHighScores(raw);
  }

  get entries(): readonly HighScore[] {
    return this.list;
  }

  /** The best score so far, 0 when the table is empty. */
  get best(): number {
    return this.list[0]?.score ?? 0;
  }

  /** Records a finished game; returns its 0-based rank, or -1 if it did not place. */
  submit(entry: HighScoreInput): number {
    const result = insertHighScore(this.list, entry);
    if (result.rank >= 0) {
      this.list = result.list;
      try {
        this.store.set(HIGH_SCORES_KEY, JSON.stringify(this.list));
      } catch {
        // Kept in memory for this visit.
      }
    }
    return result.rank;
  }
}
