/**
 * The calibration screen's hands-free part: the run (3-2-1, record, next pose; handsFreeRun.ts)
 * shown by the big countdown (bigCountdown.ts) and heard through the cues (handsFreeCues.ts),
 * and its optional start by itself after a notice (handsFreeAutoStart.ts). The screen lends
 * it the recording, the steps, the notice line and the announcer.
 */
import './handsFree.css';
import type { HeadControl } from '../../vision/headControl';
import type { Pose } from '../../vision/poses';
import { BigCountdown } from './bigCountdown';
import { HandsFreeAutoStart } from './handsFreeAutoStart';
import type { HandsFreeCues } from './handsFreeCues';
import { HandsFreeRun } from './handsFreeRun';
import type { ScreenFrame } from './screenFrame';

/** What the hands-free part is lent by the screen. */
export interface HandsFreeScreen {
  isOpen(): boolean;
  /** The first pose that needs shots, or null when every pose has enough. */
  poseToRecord(): Pose | null;
  goTo(step: Pose | 'test'): void;
  record(pose: Pose): void;
  stopRecording(): void;
}

export class HandsFree {
  /** The big countdown, over the whole screen. */
  readonly element: HTMLElement;
  private readonly run: HandsFreeRun;
  private readonly autoStart: HandsFreeAutoStart;

  constructor(
    doc: Document,
    frame: ScreenFrame,
    head: Pick<HeadControl, 'headState'>,
    screen: HandsFreeScreen,
    cues: HandsFreeCues,
  ) {
    const countdown = new BigCountdown(doc);
    this.element = countdown.element;
    this.run = new HandsFreeRun(
      {
        nextPose: () => screen.poseToRecord(),
        countingDown: (pose) => screen.goTo(pose),
        record: (pose) => screen.record(pose),
        recorded: () => screen.stopRecording(),
        mayGoOn: () => {
          const kind = head.headState.kind;
          return screen.isOpen() && kind !== 'camera-problem' && kind !== 'model-problem';
        },
        finished: (saidAloud) => {
          // Said once: by the cues' voice when it spoke, else by the announcer.
          if (!saidAloud) frame.announce('Every pose recorded. Try it, then Play.');
          screen.goTo('test');
        },
        display: (text, pose) => countdown.show(text, pose),
        announce: (text) => frame.announce(text),
      },
      cues,
    );
    this.autoStart = new HandsFreeAutoStart(
      doc,
      {
        ready: () => ['needs-calibration', 'on'].includes(head.headState.kind),
        start: () => {
          const pose = screen.poseToRecord();
          if (pose !== null) this.run.start(pose);
        },
        show: (text) => frame.showHandsFreeNotice(text),
        announce: (text) => frame.announce(text),
      },
      cues,
    );
  }

  /** A countdown (or its recording) is under way. */
  get running(): boolean {
    return this.run.running;
  }

  /** The Hands-free button: a run from `pose` on. */
  start(pose: Pose): void {
    this.autoStart.dismiss();
    this.run.start(pose);
  }

  /** A recording by hand, Forget me, or leaving: the run stops, and any notice goes. */
  cancel(): void {
    this.autoStart.dismiss();
    this.run.cancel();
  }

  /** The screen opens: a run starts by itself after `afterMs`, unless a key or tap comes. */
  startLater(afterMs: number): void {
    this.autoStart.arm(afterMs);
  }

  /** Camera or model news: a run waiting for them may start. */
  headChanged(): void {
    this.autoStart.headChanged();
  }
}
