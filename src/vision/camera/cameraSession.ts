/**
 * The camera's life as head control sees it: asked for when head control starts, given up
 * when it stops or the page is hidden (the light goes off), asked for again when the page
 * comes back, and where it stands ('off', 'starting', 'on', 'paused' or a problem in words).
 */
import type { CameraPart } from '../headStatus';
import type { CameraDevice, CameraOpenResult, CameraProblem } from './camera';

/** What the session needs of the camera (camera.ts's Camera; a fake in unit tests). */
export interface CameraLike {
  readonly video: HTMLVideoElement;
  readonly running: boolean;
  readonly settings: MediaTrackSettings | null;
  onEnded: (problem: CameraProblem) => void;
  start(): Promise<CameraOpenResult>;
  stop(): void;
  choose(deviceId: string): Promise<CameraOpenResult>;
  cameras(): Promise<CameraDevice[]>;
  readonly chosenDevice: string | null;
}

export class CameraSession {
  part: CameraPart = 'off';

  constructor(
    readonly camera: CameraLike,
    /** Told of every change of `part`. */
    private readonly changed: () => void,
  ) {}

  get on(): boolean {
    return this.part === 'on';
  }

  /** Hear when the camera stops by itself (unplugged, taken by another app). */
  onEnded(listener: () => void): void {
    this.camera.onEnded = (problem) => {
      this.part = { problem };
      listener();
      this.changed();
    };
  }

  /** Hear when the page is hidden (give the camera up) and shown again. */
  watchPage(doc: Document, hidden: () => void, shown: () => void): void {
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'hidden') hidden();
      else shown();
    });
    doc.defaultView?.addEventListener('pagehide', hidden);
    doc.defaultView?.addEventListener('pageshow', () => {
      if (doc.visibilityState !== 'hidden') shown();
    });
  }

  /** Ask for the camera; false when it did not start or is no longer wanted meanwhile. */
  async open(stillWanted: () => boolean): Promise<boolean> {
    if (this.camera.running) {
      this.set('on');
      return true;
    }
    this.set('starting');
    const result = await this.camera.start();
    if (!stillWanted()) {
      this.close();
      return false;
    }
    return this.apply(result);
  }

  /** Switch to another camera (the picker). */
  async choose(deviceId: string): Promise<boolean> {
    this.set('starting');
    return this.apply(await this.camera.choose(deviceId));
  }

  /** Light off: head control stopped. */
  close(): void {
    this.camera.stop();
    this.set('off');
  }

  /** Light off until the page is shown again. */
  pause(): void {
    this.camera.stop();
    this.set('paused');
  }

  /** After a problem (the Retry button): the next open asks afresh. */
  forgetProblem(): void {
    if (typeof this.part === 'object') this.part = 'off';
  }

  private apply(result: CameraOpenResult): boolean {
    this.set(result.ok ? 'on' : { problem: result.problem });
    return result.ok;
  }

  private set(part: CameraPart): void {
    this.part = part;
    this.changed();
  }
}
