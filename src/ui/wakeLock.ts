/**
 * Keeps the screen awake while a game is being played (Screen Wake Lock API): a phone propped
 * up in front of the player has nobody touching it, and would otherwise dim and lock mid-game.
 * The lock is taken when the game state becomes 'playing' and released on pause, game over or
 * the menu. The browser drops the lock when the page is hidden; it is taken again when the
 * page comes back while still playing. Feature-detected: without the API (or when the request
 * is refused, e.g. battery saver) nothing happens and nothing throws.
 */

interface SentinelLike {
  readonly released: boolean;
  release(): Promise<void>;
}

export interface WakeLockLike {
  request(type: 'screen'): Promise<SentinelLike>;
}

export class ScreenAwake {
  private sentinel: SentinelLike | null = null;
  private wanted = false;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly wakeLock: WakeLockLike | undefined = (
      doc.defaultView?.navigator as { wakeLock?: WakeLockLike } | undefined
    )?.wakeLock,
  ) {
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'visible' && this.wanted) void this.acquire();
    });
  }

  /** Whether the screen is being kept awake right now. */
  get held(): boolean {
    return this.sentinel !== null && !this.sentinel.released;
  }

  get supported(): boolean {
    return this.wakeLock !== undefined && typeof this.wakeLock.request === 'function';
  }

  /** true while playing, false otherwise. */
  set(wanted: boolean): void {
    this.wanted = wanted;
    if (wanted) void this.acquire();
    else void this.release();
  }

  private async acquire(): Promise<void> {
    if (!this.supported || this.held || this.doc.visibilityState !== 'visible') return;
    if (this.pending !== null) return this.pending;
    this.pending = (async () => {
      try {
        const sentinel = await this.wakeLock!.request('screen');
        if (this.wanted) this.sentinel = sentinel;
        else await sentinel.release();
      } catch {
        // Refused (battery saver, no permission, not visible): the game goes on.
      } finally {
        this.pending = null;
      }
    })();
    return this.pending;
  }

  private async release(): Promise<void> {
    await this.pending;
    const sentinel = this.sentinel;
    this.sentinel = null;
    if (sentinel === null || sentinel.released) return;
    try {
      await sentinel.release();
    } catch {
      // Already gone.
    }
  }
}
