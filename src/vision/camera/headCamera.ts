/**
 * The camera around the engine, as head control runs it: the camera session (asked for, chosen,
 * given up, a problem in words), the page watched so that the light goes off while the page is
 * hidden and the camera is asked for again when it comes back, and the frames fed to the engine
 * (frameFeed.ts) only while both the camera and the engine are on.
 */
import type { CameraPart } from '../headStatus';
import type { EngineLink } from '../link/engineLink';
import { CameraSession, type CameraLike } from './cameraSession';
import { FrameFeed } from './frameFeed';

/** What the camera tells head control, and asks of it. */
export interface HeadCameraHooks {
  /** The camera's part changed: the state's words may too. */
  changed(): void;
  /** Whether head control is on: only then does a hidden page pause it and a shown one resume. */
  wanted(): boolean;
  /** Whether a prediction is worth making (nothing to predict before the first shot). */
  worthPredicting(): boolean;
  /** The shots' version a frame goes out under. */
  version(): number;
  /** The camera stopped by itself (unplugged, taken by another app): nobody is seen any more. */
  ended(): void;
  /** The page is being hidden: let go of the head before the light goes off. */
  hiding(): void;
  /** The page is shown again after a pause: start head control again. */
  shown(): void;
}

export class HeadCamera {
  private readonly session: CameraSession;
  private readonly feed: FrameFeed;

  constructor(
    private readonly camera: CameraLike,
    private readonly link: EngineLink,
    page: { readonly doc: Document; readonly pageUrl: string },
    private readonly hooks: HeadCameraHooks,
  ) {
    this.feed = new FrameFeed(link, page.pageUrl);
    this.session = new CameraSession(camera, hooks.changed);
    this.session.onEnded(() => {
      this.stopFrames();
      hooks.ended();
    });
    this.session.watchPage(
      page.doc,
      () => {
        if (!hooks.wanted() || this.session.part === 'paused') return;
        hooks.hiding();
        this.pause();
      },
      () => {
        if (hooks.wanted() && this.session.part === 'paused') hooks.shown();
      },
    );
  }

  get part(): CameraPart {
    return this.session.part;
  }

  get on(): boolean {
    return this.session.on;
  }

  /** Ask for the camera; false when it did not start or is no longer wanted meanwhile. */
  open(stillWanted: () => boolean): Promise<boolean> {
    return this.session.open(stillWanted);
  }

  /** Switch to another camera (the picker); the frames follow it. */
  async choose(deviceId: string): Promise<void> {
    this.stopFrames();
    await this.session.choose(deviceId);
    this.startFrames();
  }

  /** Light off until the page is shown again. */
  pause(): void {
    this.stopFrames();
    this.session.pause();
  }

  /** Light off: head control stopped. */
  close(): void {
    this.stopFrames();
    this.session.close();
  }

  /** After a problem (the Retry button): the next open asks afresh. */
  forgetProblem(): void {
    this.stopFrames();
    this.session.forgetProblem();
  }

  /** Feed the engine the camera's frames, once both are on (again: a no-op while feeding). */
  startFrames(): void {
    if (this.link.part !== 'ready' || !this.session.on) return;
    this.feed.start(
      this.camera.video,
      () => this.link.isReady && this.session.on && this.hooks.worthPredicting(),
      this.hooks.version,
    );
  }

  stopFrames(): void {
    this.feed.stop();
  }

  /** What the rate governor is doing and who reads the frames, for the debug overlay. */
  describeRate(now: number): string {
    return this.feed.describeRate(now);
  }
}
