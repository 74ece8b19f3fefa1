/**
 * The settings a player chooses in the settings panel and that outlive the page: voice cues
 * (spoken by the calibration screen), game speed, the start pose for hands-free choosing, how
 * long it is held to choose, and whether the first-visit explanation was seen. Sound and head control on/off are kept by their
 * owners (settings.ts's mute flag, head control's own key), so each has one truth.
 *
 * Stored as JSON under `headchomp.settings`. Anything may be there (an old version, an
 * extension, a hand-edited value): every field is checked on its own, a bad one falls back to
 * its default and the others are kept; reading never throws.
 */
import { DEFAULT_GAME_SPEED, isGameSpeed, type GameSpeed } from '../game/gameSpeed';
import { DEFAULT_HOLD_TIME, isHoldTime, type HoldTime } from '../handsFree/holdTime';
import { DEFAULT_START_POSE, isStartPose, type StartPose } from '../handsFree/startPose';
import type { KeyValueStore } from './safeStorage';

export const PLAYER_SETTINGS_KEY = 'headchomp.settings';
/** Longer stored text than this is not ours. */
const MAX_RAW_LENGTH = 2_048;

export interface PlayerSettings {
  /** The calibration screen speaks its cues ("look left", "3, 2, 1"). */
  readonly voiceCues: boolean;
  readonly gameSpeed: GameSpeed;
  readonly startPose: StartPose;
  /** How long the start pose is held to choose, in milliseconds. */
  readonly holdTime: HoldTime;
  /** The menu has shown its first-visit explanation and the player made a choice. */
  readonly introSeen: boolean;
}

export const DEFAULT_PLAYER_SETTINGS: PlayerSettings = {
  voiceCues: true,
  gameSpeed: DEFAULT_GAME_SPEED,
  startPose: DEFAULT_START_POSE,
  holdTime: DEFAULT_HOLD_TIME,
  introSeen: false,
};

type Checks = { readonly [K in keyof PlayerSettings]: (value: unknown) => boolean };

const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

/** What each field must be; one table for reading stored text and for changes. */
const CHECKS: Checks = {
  voiceCues: isBoolean,
  gameSpeed: isGameSpeed,
  startPose: isStartPose,
  holdTime: isHoldTime,
  introSeen: isBoolean,
};

const FIELDS = Object.keys(CHECKS) as (keyof PlayerSettings)[];

function ownField(object: object, key: string): unknown {
  // Own data properties only: a hostile "__proto__" or getter cannot reach us.
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/** `base` with every field of `source` that checks; the rest stay as in `base`. */
function merged(base: PlayerSettings, source: object): PlayerSettings {
  const out: Record<string, unknown> = { ...base };
  for (const field of FIELDS) {
    const value = ownField(source, field);
    if (value !== undefined && CHECKS[field](value)) out[field] = value;
  }
  return out as unknown as PlayerSettings;
}

/** Stored text -> settings; every field that does not check gets its default. */
export function parsePlayerSettings(raw: string | null | undefined): PlayerSettings {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RAW_LENGTH) {
    return DEFAULT_PLAYER_SETTINGS;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return DEFAULT_PLAYER_SETTINGS;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return DEFAULT_PLAYER_SETTINGS;
  }
  return merged(DEFAULT_PLAYER_SETTINGS, parsed);
}

/** The player's settings as stored now (defaults where nothing valid is stored). */
export function readPlayerSettings(store: KeyValueStore): PlayerSettings {
  let raw: string | null;
  try {
    raw = store.get(PLAYER_SETTINGS_KEY);
  } catch {
    raw = null;
  }
  return parsePlayerSettings(raw);
}

export function writePlayerSettings(store: KeyValueStore, settings: PlayerSettings): void {
  const clean = merged(DEFAULT_PLAYER_SETTINGS, settings);
  try {
    store.set(PLAYER_SETTINGS_KEY, JSON.stringify(clean));
  } catch {
    // Stores promise not to throw; if one does, the setting lasts for this visit only.
  }
}

/** The settings as the game uses them: read once, saved on every change, changes heard. */
export class PlayerSettingsStore {
  private current: PlayerSettings;
  private readonly listeners = new Set<(settings: PlayerSettings) => void>();

  constructor(private readonly store: KeyValueStore) {
    this.current = readPlayerSettings(store);
  }

  get value(): PlayerSettings {
    return this.current;
  }

  /** Changes some settings; an invalid value is ignored (that setting keeps its value). */
  update(patch: Partial<PlayerSettings>): void {
    const next = merged(this.current, patch);
    if (FIELDS.every((field) => next[field] === this.current[field])) return;
    this.current = next;
    writePlayerSettings(this.store, next);
    for (const listener of this.listeners) listener(next);
  }

  /** Hear every change; returns the unsubscriber. */
  onChange(listener: (settings: PlayerSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
