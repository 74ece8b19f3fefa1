/**
 * Swipes on the play surface steer (touch, pen, and mouse drags); a short tap confirms.
 * The direction is decided as soon as the finger has travelled far enough, not at lift-off,
 * and then the gesture re-anchors where the finger is, so one long touch can steer
 * continuously: right, then up, then left, without lifting.
 */
import type { Direction } from '../game/direction';
import type { InputHub, InputSource } from './inputHub';

export const DEFAULT_MIN_SWIPE_PX = 24;
export const DEFAULT_TAP_MAX_MS = 250;

/** Elements on the surface that handle their own presses (d-pad, menu buttons) are no swipes. */
const IGNORED_TARGETS = 'button, a, input, select, textarea, [data-swipe-ignore]';

/**
 * The swipe a movement of (dx, dy) CSS pixels makes (y grows downwards): the dominant axis,
 * once it has travelled at least `minDistancePx`; null when too short or exactly diagonal.
 */
export function swipeDirection(dx: number, dy: number, minDistancePx: number): Direction | null {
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  if (Math.max(ax, ay) < minDistancePx || ax === ay) return null;
  if (ax > ay) return dx > 0 ? 'right' : 'left';
  return dy > 0 ? 'down' : 'up';
}

export interface SwipeOptions {
  /** Travel that makes a swipe, in CSS pixels. Default 24. */
  readonly minDistancePx?: number;
  /** A touch lifted sooner than this without swiping is a tap ('confirm'). Default 250 ms. */
  readonly tapMaxMs?: number;
  /** Clock in milliseconds; default `performance.now()`. */
  readonly now?: () => number;
}

/** The fields of PointerEvent this source reads (so tests can build one from a plain Event). */
type PointerEventLike = Event &
  Partial<
    Pick<PointerEvent, 'pointerId' | 'pointerType' | 'isPrimary' | 'button' | 'clientX' | 'clientY'>
  >;

interface Gesture {
  readonly pointerId: number;
  readonly startMs: number;
  anchorX: number;
  anchorY: number;
  swiped: boolean;
}

const POINTER_EVENTS = ['pointerdown', 'pointermove', 'pointerup', 'pointercancel'] as const;

export class SwipeSource implements InputSource {
  readonly name = 'swipe';
  private hub: InputHub | null = null;
  private gesture: Gesture | null = null;
  private previousTouchAction = '';
  private readonly minDistancePx: number;
  private readonly tapMaxMs: number;
  private readonly now: () => number;

  constructor(
    private readonly surface: HTMLElement,
    options: SwipeOptions = {},
  ) {
    this.minDistancePx = options.minDistancePx ?? DEFAULT_MIN_SWIPE_PX;
    this.tapMaxMs = options.tapMaxMs ?? DEFAULT_TAP_MAX_MS;
    this.now = options.now ?? (() => performance.now());
  }

  attach(hub: InputHub): void {
    this.detach();
    this.hub = hub;
    // The browser must not turn the gesture into a scroll or a zoom.
    this.previousTouchAction = this.surface.style.touchAction;
    this.surface.style.touchAction = 'none';
    for (const type of POINTER_EVENTS) this.surface.addEventListener(type, this.onPointer);
  }

  detach(): void {
    if (this.hub === null) return;
    for (const type of POINTER_EVENTS) this.surface.removeEventListener(type, this.onPointer);
    this.surface.style.touchAction = this.previousTouchAction;
    this.hub = null;
    this.gesture = null;
  }

  private readonly onPointer = (event: Event): void => {
    const pointer = event as PointerEventLike;
    switch (event.type) {
      case 'pointerdown':
        this.down(pointer);
        break;
      case 'pointermove':
        this.move(pointer);
        break;
      case 'pointerup':
        this.up(pointer);
        break;
      default: // pointercancel: the browser took the gesture; no tap
        if (this.gesture?.pointerId === (pointer.pointerId ?? 0)) this.gesture = null;
    }
  };

  private down(event: PointerEventLike): void {
    if (event.isPrimary === false) return; // a second finger does not start a gesture
    if (event.pointerType === 'mouse' && (event.button ?? 0) !== 0) return;
    if (isIgnoredTarget(event.target)) return;
    const pointerId = event.pointerId ?? 0;
    this.gesture = {
      pointerId,
      startMs: this.now(),
      anchorX: event.clientX ?? 0,
      anchorY: event.clientY ?? 0,
      swiped: false,
    };
    // Keep receiving the moves when the finger leaves the surface.
    try {
      this.surface.setPointerCapture?.(pointerId);
    } catch {
      // Not capturable (e.g. already released): moves over the surface still arrive.
    }
  }

  private move(event: PointerEventLike): void {
    const gesture = this.gesture;
    if (gesture === null || gesture.pointerId !== (event.pointerId ?? 0)) return;
    this.steer(gesture, event);
  }

  private up(event: PointerEventLike): void {
    const gesture = this.gesture;
    if (gesture === null || gesture.pointerId !== (event.pointerId ?? 0)) return;
    this.gesture = null;
    this.steer(gesture, event); // the last stretch may not have had its own move event
    if (!gesture.swiped && this.now() - gesture.startMs < this.tapMaxMs) {
      this.hub?.trigger('confirm', this.name);
    }
  }

  private steer(gesture: Gesture, event: PointerEventLike): void {
    const x = event.clientX ?? gesture.anchorX;
    const y = event.clientY ?? gesture.anchorY;
    const direction = swipeDirection(x - gesture.anchorX, y - gesture.anchorY, this.minDistancePx);
    if (direction === null) return;
    gesture.swiped = true;
    gesture.anchorX = x;
    gesture.anchorY = y;
    this.hub?.request(direction, this.name);
  }
}

function isIgnoredTarget(target: EventTarget | null): boolean {
  const element = target as { closest?: (selector: string) => unknown } | null;
  return typeof element?.closest === 'function' && element.closest(IGNORED_TARGETS) !== null;
}
