/**
 * The one place every way of steering meets. Sources (keyboard, swipe, on-screen d-pad,
 * gamepad, later the head pose) push direction requests and actions into the hub; the game
 * reads `requestedDirection` each tick and scenes subscribe to actions.
 */
import { isDirection, type Direction } from '../game/direction';

export type GameAction = 'confirm' | 'pause' | 'mute' | 'back';

export interface InputSource {
  /** 'keyboard' | 'swipe' | 'dpad' | 'gamepad' | later 'head'. Unique within a hub. */
  readonly name: string;
  /** Start listening. */
  attach(hub: InputHub): void;
  /** Stop listening; remove the listeners and the DOM it created. */
  detach(): void;
  /** For polled sources (gamepad): called once per frame through `InputHub.poll`. */
  poll?(nowMs: number): void;
}

export type ActionListener = (action: GameAction, source: string) => void;
export type DirectionListener = (direction: Direction | null, source: string | null) => void;

/** One subscription; a wrapper so the same function subscribed twice is two subscriptions. */
interface Subscription<F> {
  readonly fn: F;
  failed: boolean;
}

export class InputHub {
  private direction: Direction | null = null;
  private source: string | null = null;
  private readonly sources = new Map<string, InputSource>();
  private readonly actionListeners = new Set<Subscription<ActionListener>>();
  private readonly directionListeners = new Set<Subscription<DirectionListener>>();
  private readonly failedPolls = new Set<InputSource>();

  /**
   * The one requested direction: the latest request from any source, kept until replaced or
   * cleared (the rules buffer it until the turn is possible).
   */
  get requestedDirection(): Direction | null {
    return this.direction;
  }

  /** The source of the latest request, or null after `clear()`. */
  get lastSource(): string | null {
    return this.source;
  }

  /** Every request notifies the direction listeners, even one repeating the current direction. */
  request(direction: Direction, source: string): void {
    if (!isDirection(direction)) return;
    this.direction = direction;
    this.source = source;
    this.notify(this.directionListeners, (fn) => fn(direction, source));
  }

  /** Forget the request (e.g. at a new life). Notifies (null, null) only if there was one. */
  clear(): void {
    if (this.direction === null && this.source === null) return;
    this.direction = null;
    this.source = null;
    this.notify(this.directionListeners, (fn) => fn(null, null));
  }

  trigger(action: GameAction, source: string): void {
    this.notify(this.actionListeners, (fn) => fn(action, source));
  }

  /** Returns the unsubscribe function. */
  onAction(listener: ActionListener): () => void {
    return this.subscribe(this.actionListeners, listener);
  }

  /** Returns the unsubscribe function. */
  onDirection(listener: DirectionListener): () => void {
    return this.subscribe(this.directionListeners, listener);
  }

  /** Attaches the source; a source already added under the same name is detached first. */
  add(source: InputSource): void {
    this.remove(source.name);
    this.sources.set(source.name, source);
    source.attach(this);
  }

  /** Detaches the source with that name, if any. */
  remove(name: string): void {
    const source = this.sources.get(name);
    if (source === undefined) return;
    this.sources.delete(name);
    this.failedPolls.delete(source);
    source.detach();
  }

  /** Whether a source with that name is attached. */
  has(name: string): boolean {
    return this.sources.has(name);
  }

  /** Polls every source that has `poll`; one failing source neither stops the others nor throws. */
  poll(nowMs: number): void {
    for (const source of [...this.sources.values()]) {
      if (source.poll === undefined) continue;
      try {
        source.poll(nowMs);
      } catch (error) {
        if (!this.failedPolls.has(source)) {
          this.failedPolls.add(source);
          console.error(`InputHub: source '${source.name}' failed to poll`, error);
        }
      }
    }
  }

  /** Detaches every source and drops every listener. */
  destroy(): void {
    for (const name of [...this.sources.keys()]) this.remove(name);
    this.actionListeners.clear();
    this.directionListeners.clear();
    this.direction = null;
    this.source = null;
  }

  private subscribe<F>(set: Set<Subscription<F>>, fn: F): () => void {
    const subscription: Subscription<F> = { fn, failed: false };
    set.add(subscription);
    return () => {
      set.delete(subscription);
    };
  }

  /** A throwing listener is logged once (its first error) and never breaks the others. */
  private notify<F>(set: Set<Subscription<F>>, call: (fn: F) => void): void {
    for (const subscription of [...set]) {
      if (!set.has(subscription)) continue; // unsubscribed by an earlier listener
      try {
        call(subscription.fn);
      } catch (error) {
        if (!subscription.failed) {
          subscription.failed = true;
          console.error('InputHub: an input listener threw', error);
        }
      }
    }
  }
}
