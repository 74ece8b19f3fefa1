/**
 * Arrows and WASD steer; Enter/Space confirm, Escape/P pause, M mute, Backspace goes back.
 * Keys are read by `KeyboardEvent.code` (the physical key), so WASD sits in the same place on
 * AZERTY and other layouts.
 */
import type { Direction } from '../game/direction';
import type { GameAction, InputHub, InputSource } from './inputHub';

export type KeyBinding =
  | { readonly kind: 'direction'; readonly direction: Direction }
  | { readonly kind: 'action'; readonly action: GameAction };

const dir = (direction: Direction): KeyBinding => ({ kind: 'direction', direction });
const act = (action: GameAction): KeyBinding => ({ kind: 'action', action });

const BY_CODE: Readonly<Record<string, KeyBinding>> = {
  ArrowUp: dir('up'),
  ArrowLeft: dir('left'),
  ArrowDown: dir('down'),
  ArrowRight: dir('right'),
  KeyW: dir('up'),
  KeyA: dir('left'),
  KeyS: dir('down'),
  KeyD: dir('right'),
  Enter: act('confirm'),
  NumpadEnter: act('confirm'),
  Space: act('confirm'),
  Escape: act('pause'),
  KeyP: act('pause'),
  KeyM: act('mute'),
  Backspace: act('back'),
};

/** For the rare keyboards (some virtual ones) that send an empty `code`: layout-free keys only. */
const BY_KEY: Readonly<Record<string, KeyBinding>> = {
  ArrowUp: dir('up'),
  ArrowLeft: dir('left'),
  ArrowDown: dir('down'),
  ArrowRight: dir('right'),
  Enter: act('confirm'),
  ' ': act('confirm'),
  Escape: act('pause'),
  Backspace: act('back'),
};

/** What a key does, or null when the game does not use it. */
export function keyBinding(code: string, key = ''): KeyBinding | null {
  if (code !== '') return BY_CODE[code] ?? null;
  return BY_KEY[key] ?? null;
}

/** True for form fields and contenteditable elements: keys typed there are not game input. */
export function isEditableTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown };
  if (element.isContentEditable === true) return true;
  if (typeof element.tagName !== 'string') return false;
  const tag = element.tagName.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** The fields of KeyboardEvent this source reads (so tests can build one from a plain Event). */
type KeyEventLike = Event &
  Partial<
    Pick<
      KeyboardEvent,
      'code' | 'key' | 'repeat' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'
    >
  >;

export class KeyboardSource implements InputSource {
  readonly name = 'keyboard';
  private hub: InputHub | null = null;

  constructor(private readonly target: EventTarget = window) {}

  attach(hub: InputHub): void {
    this.detach();
    this.hub = hub;
    this.target.addEventListener('keydown', this.onKeyDown);
  }

  detach(): void {
    if (this.hub === null) return;
    this.target.removeEventListener('keydown', this.onKeyDown);
    this.hub = null;
  }

  private readonly onKeyDown = (event: Event): void => {
    const hub = this.hub;
    if (hub === null) return;
    const key = event as KeyEventLike;
    // Browser shortcuts (Ctrl+S, Cmd+D, Alt+Left...) and IME composition stay the browser's.
    if (key.ctrlKey === true || key.metaKey === true || key.altKey === true) return;
    if (key.isComposing === true) return;
    if (isEditableTarget(event.target)) return;
    const binding = keyBinding(key.code ?? '', key.key ?? '');
    if (binding === null) return;
    // Arrows and Space must not scroll the page, Backspace must not navigate back.
    event.preventDefault();
    if (binding.kind === 'direction') {
      // A held key keeps re-requesting: harmless, and it restores the request after a clear().
      hub.request(binding.direction, this.name);
    } else if (key.repeat !== true) {
      hub.trigger(binding.action, this.name);
    }
  };
}
