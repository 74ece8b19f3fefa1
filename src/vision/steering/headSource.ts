/**
 * The head pose as an input source of the game's InputHub, named 'head'. The smoother
 * (smoother.ts) decides when a pose becomes a request; this source passes those requests on,
 * and nothing else: neutral or unsure frames request nothing, so the hero keeps going, as
 * with a joystick let go.
 *
 * One addition: when the hub forgets its request (a new life, a new game) while the player is
 * still holding a direction, the held direction is requested again, as a held key would be.
 */
import type { Direction } from '../../game/direction';
import type { InputHub, InputSource } from '../../input/inputHub';

export const HEAD_SOURCE_NAME = 'head';

export class HeadSource implements InputSource {
  readonly name = HEAD_SOURCE_NAME;
  private hub: InputHub | null = null;
  private unsubscribe: (() => void) | null = null;
  private held: Direction | null = null;

  attach(hub: InputHub): void {
    this.detach();
    this.hub = hub;
    this.unsubscribe = hub.onDirection((direction, source) => {
      if (direction !== null || source !== null || this.held === null) return;
      // Not inside the hub's notification: request on the next turn of the event loop.
      const again = this.held;
      queueMicrotask(() => {
        if (this.hub === hub && this.held === again && hub.requestedDirection === null) {
          hub.request(again, this.name);
        }
      });
    });
  }

  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.hub = null;
  }

  get attached(): boolean {
    return this.hub !== null;
  }

  /**
   * One smoothed frame: `request` is the smoother's output (a direction on the frame it
   * became held, else null) and `heldDirection` the direction held now (null for neutral or
   * undecided).
   */
  update(request: Direction | null, heldDirection: Direction | null): void {
    this.held = heldDirection;
    if (request !== null) this.hub?.request(request, this.name);
  }

  /** Forget the held direction (camera stopped, calibration changed). */
  release(): void {
    this.held = null;
  }
}
