/**
 * The guided steps of the calibration screen: one pose at a time ("Step 1 of 6"), with the
 * pose's drawing, its name and shot count, what to do, a big hold-to-record button (the R key
 * does the same, see the screen), the hands-free button, and Back / Next. The last step is the
 * live test, which the screen moves into the guide's place (before Back / Next).
 */
import { MIN_SHOTS_PER_POSE } from '../../vision/headControl';
import { POSES, type Pose } from '../../vision/poses';
import { make, makeButton } from './dom';
import { bindHold } from './holdToRecord';
import { drawPose, POSE_WORDS } from './poseArt';

export type Step = Pose | 'test';
export const STEPS: readonly Step[] = [...POSES, 'test'];

export interface GuideHandlers {
  /** The big button went down (pointer, Space or Enter). */
  holdStart(): void;
  holdStop(): void;
  /** "Hands-free: 3, 2, 1, every pose". */
  handsFree(): void;
  /** Back (-1) or Next (+1). */
  move(by: number): void;
}

/** What the guide shows. */
export interface GuideView {
  readonly step: Step;
  readonly counts: Record<Pose, number>;
  readonly recordingPose: Pose | null;
  readonly complete: boolean;
  /** A hands-free countdown is under way: its button waits. */
  readonly countingDown: boolean;
}

export class GuidedSteps {
  readonly element: HTMLElement;
  private readonly stepText: HTMLElement;
  private readonly art: HTMLElement;
  private readonly title: HTMLElement;
  private readonly instruction: HTMLElement;
  private readonly hold: HTMLButtonElement;
  private readonly handsFree: HTMLButtonElement;
  private readonly back: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly nav: HTMLElement;

  constructor(
    private readonly doc: Document,
    handlers: GuideHandlers,
  ) {
    this.element = make(doc, 'div', 'cal-guide');
    this.stepText = make(doc, 'p', 'cal-step');
    this.art = make(doc, 'div', 'cal-art');
    this.title = make(doc, 'h3', 'cal-guide-title');
    this.instruction = make(doc, 'p', 'cal-instruction');
    this.hold = makeButton(doc, 'Hold to record', 'cal-hold');
    this.hold.title = 'Hold the button (or the R key) while you hold the pose';
    bindHold(this.hold, { start: () => handlers.holdStart(), stop: () => handlers.holdStop() });
    this.handsFree = makeButton(doc, 'Hands-free: 3, 2, 1, every pose', 'cal-handsfree', () =>
      handlers.handsFree(),
    );
    this.handsFree.dataset.testid = 'hands-free';
    this.nav = make(doc, 'div', 'cal-nav');
    this.back = makeButton(doc, '← Back', 'cal-back', () => handlers.move(-1));
    this.next = makeButton(doc, 'Next →', 'cal-next', () => handlers.move(1));
    this.nav.append(this.back, this.next);
    const actions = make(doc, 'div', 'cal-guide-actions');
    actions.append(this.hold, this.handsFree);
    this.element.append(this.stepText, this.art, this.title, this.instruction, actions, this.nav);
  }

  /** Puts `element` (the live test) in the guide, just above Back / Next. */
  showInPlace(element: HTMLElement): void {
    this.nav.before(element);
  }

  render(view: GuideView): void {
    const { step } = view;
    const index = STEPS.indexOf(step);
    this.stepText.textContent = `Step ${index + 1} of ${STEPS.length}`;
    this.back.disabled = index === 0;
    this.next.disabled = index === STEPS.length - 1;
    this.art.hidden = step === 'test';
    if (step === 'test') {
      this.art.replaceChildren();
      this.art.dataset.pose = '';
      this.title.textContent = 'Try it';
      this.instruction.textContent = view.complete
        ? 'Move between the poses and watch the bars follow. Happy? Play, by head or by hand.'
        : `Some poses need more shots (at least ${MIN_SHOTS_PER_POSE} each).`;
      this.hold.hidden = true;
      this.handsFree.hidden = true;
      return;
    }
    const words = POSE_WORDS[step];
    if (this.art.dataset.pose !== step) {
      this.art.replaceChildren(drawPose(this.doc, step, 120));
      this.art.dataset.pose = step;
    }
    this.title.textContent = `${words.name} (${view.counts[step]} shots)`;
    this.instruction.textContent = `${words.instruction} Hold the button or the R key while you hold the pose (2 seconds is plenty), or use the hands-free countdown (it records every pose in turn).`;
    this.hold.hidden = false;
    this.handsFree.hidden = false;
    this.hold.textContent =
      view.recordingPose === step ? 'Recording…' : `Hold to record ${words.name}`;
    this.handsFree.disabled = view.countingDown;
  }
}
