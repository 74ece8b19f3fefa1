/**
 * What comes after the recording, for a player who may have no hands: three choices under the
 * live test (Play, Record again, Menu) that the head reaches like the menu's (HeadChooser: the
 * navigation pair moves the highlight, holding the start pose 1 s, or the player's hold time,
 * chooses while a ring fills).
 * A good quality check highlights Play ("hold up 1 s to play"); a poor one names the pose to
 * record again and highlights that, to be recorded hands-free; poor again after that, it
 * names the weak pose and highlights Play (poorChecks.ts: no loop). Keys, taps and the mouse
 * press the same buttons. Shown only once every pose has enough shots and the check is known.
 */
import './headChoices.css';
import { HeadChooser } from '../../handsFree/headChooser';
import { holdSentence, schemeSentence } from '../../handsFree/headWords';
import { holdShort } from '../../handsFree/holdTime';
import { POSE_ARROWS, type StartPose } from '../../handsFree/startPose';
import type { Pose } from '../../vision/poses';
import { make, makeButton } from './dom';
import { POSE_WORDS } from './poseArt';
import { PoorChecks, type OfferedVerdict } from './poorChecks';
import type { QualityVerdict } from './qualityVerdict';

export type AfterChoice = 'play' | 'redo' | 'menu';
const CHOICES: readonly AfterChoice[] = ['play', 'redo', 'menu'];

export interface HeadChoicesHost {
  play(): void;
  /** Record `pose` again hands-free; null: every pose. */
  redo(pose: Pose | null): void;
  menu(): void;
}

export class HeadChoices {
  readonly element: HTMLElement;
  private readonly line: HTMLElement;
  private readonly buttons: Record<AfterChoice, HTMLButtonElement>;
  private readonly rings: Record<AfterChoice, HTMLElement>;
  private chooser: HeadChooser;
  private verdict: OfferedVerdict | null = null;
  private readonly poorChecks = new PoorChecks();
  private offered = false;

  constructor(
    doc: Document,
    private readonly host: HeadChoicesHost,
    private startPose: StartPose,
  ) {
    this.element = make(doc, 'div', 'cal-choices');
    this.element.dataset.testid = 'calibration-choices';
    this.element.hidden = true;
    this.line = make(doc, 'p', 'cal-choices-line');
    this.line.dataset.testid = 'calibration-choices-line';
    const row = make(doc, 'div', 'cal-choices-row');
    const made = CHOICES.map((choice) => {
      const button = makeButton(doc, '', 'cal-button cal-choice', () => this.choose(choice));
      button.dataset.testid = `calibration-choice-${choice}`;
      const ring = make(doc, 'span', 'cal-choice-ring');
      ring.setAttribute('aria-hidden', 'true');
      const words = make(doc, 'span', 'cal-choice-words');
      button.append(ring, words);
      row.append(button);
      return [choice, button, ring] as const;
    });
    this.buttons = Object.fromEntries(made.map(([c, b]) => [c, b])) as typeof this.buttons;
    this.rings = Object.fromEntries(made.map(([c, , r]) => [c, r])) as typeof this.rings;
    this.element.append(this.line, row);
    this.chooser = this.newChooser();
    this.render();
  }

  /**
   * The quality check of a complete calibration as it is now; null while it is not known (or
   * the calibration is not complete: a check between poses is not a check of the result).
   */
  setVerdict(checked: QualityVerdict | null): void {
    const verdict = checked === null ? null : this.poorChecks.judge(checked);
    const same = whatItAsks(verdict) === whatItAsks(this.verdict);
    this.verdict = verdict;
    // A new verdict highlights its own first choice, and a held pose must be let go first.
    if (!same) this.chooser = this.newChooser();
    this.render();
  }

  /** A new calibration run (the screen opens, Forget me, an import): no poor check yet. */
  startOver(): void {
    this.poorChecks.startOver();
  }

  /** Whether the choices are offered now (every pose recorded, nothing recording). */
  setOffered(offered: boolean): void {
    if (offered === this.offered) return;
    this.offered = offered;
    if (offered) this.chooser = this.newChooser();
    this.render();
  }

  /** Shown and answering the head: offered, with a quality check to go by. */
  get active(): boolean {
    return this.offered && this.verdict !== null;
  }

  /**
   * One frame of the head (from the scene): moves and chooses. Returns how full the hold is
   * (0 to 1) and what holding the start pose does now, in words for the live region.
   */
  tick(
    steering: boolean,
    pose: Pose | null,
    startPose: StartPose,
    now: number,
  ): { fill: number; hint: string } {
    if (startPose !== this.startPose) {
      this.startPose = startPose;
      this.chooser.setStartPose(startPose);
      this.render();
    }
    if (!this.active) return { fill: 0, hint: '' };
    const before = this.chooser.highlighted;
    const chosen = this.chooser.update(steering ? this.trusted(pose) : null, now);
    if (this.chooser.highlighted !== before) this.render();
    const fill = steering ? this.chooser.fill : 0;
    for (const choice of CHOICES) {
      const value = choice === this.highlighted ? fill : 0;
      this.rings[choice].style.setProperty('--fill', value.toFixed(3));
    }
    if (chosen !== null) this.choose(CHOICES[chosen] as AfterChoice);
    const hint = steering
      ? `${this.verdictSentence()}${holdSentence(this.startPose, this.actionOf(this.highlighted))} ${schemeSentence(this.startPose)}`
      : '';
    return { fill, hint };
  }

  /**
   * The pose as the choices take it: the pose the check names as weak reads as straight
   * unless it is the start pose. Its shots may be straight ones (a player who looked straight
   * when asked to turn left): a straight head then reads as that turn now and then, and each
   * time moved the highlight off "Record Left again" (seen in a browser test: Play was chosen).
   */
  private trusted(pose: Pose | null): Pose | null {
    const verdict = this.verdict;
    const weak = verdict === null || verdict.kind === 'good' ? null : this.poseToRedoOf(verdict);
    return pose !== null && pose === weak && pose !== this.startPose ? 'neutral' : pose;
  }

  private get highlighted(): AfterChoice {
    return CHOICES[this.chooser.highlighted] ?? 'play';
  }

  private newChooser(): HeadChooser {
    return new HeadChooser({
      count: CHOICES.length,
      startPose: this.startPose,
      initial: this.verdict?.kind === 'poor' ? CHOICES.indexOf('redo') : 0,
    });
  }

  private choose(choice: AfterChoice): void {
    if (!this.active && choice !== 'menu') return;
    this.setOffered(false);
    if (choice === 'play') this.host.play();
    else if (choice === 'menu') this.host.menu();
    else this.host.redo(this.poseToRedo);
  }

  /** What Record again records: the pose the check names, or every pose when it names none. */
  private get poseToRedo(): Pose | null {
    return this.verdict === null ? null : this.poseToRedoOf(this.verdict);
  }

  private poseToRedoOf(verdict: OfferedVerdict): Pose | null {
    if (verdict.kind === 'poor') return verdict.redo;
    return verdict.kind === 'still-weak' ? verdict.weak : verdict.weakest;
  }

  private actionOf(choice: AfterChoice): string {
    if (choice === 'play') return 'play';
    if (choice === 'menu') return 'go back to the menu';
    const pose = this.poseToRedo;
    return pose === null ? 'record every pose again' : `record ${pose} again`;
  }

  private verdictSentence(): string {
    const verdict = this.verdict;
    if (verdict === null || verdict.kind === 'good') return 'Good enough to play. ';
    const share = Math.round(verdict.recognised * 100);
    if (verdict.kind === 'still-weak') {
      return (
        `${POSE_WORDS[verdict.weak].name} is still weak (recognised ${share} %): play now, ` +
        'and touch it up later if it steers badly. '
      );
    }
    return `${POSE_WORDS[verdict.redo].name} was recognised in only ${share} % of its shots. `;
  }

  private render(): void {
    this.element.hidden = !this.active;
    const redo = this.poseToRedo;
    const words: Record<AfterChoice, string> = {
      play: 'Play',
      redo: redo === null ? 'Record again' : `Record ${POSE_WORDS[redo].name} again`,
      menu: 'Menu',
    };
    for (const choice of CHOICES) {
      const button = this.buttons[choice];
      const label = button.querySelector('.cal-choice-words');
      if (label) label.textContent = words[choice];
      button.classList.toggle('is-highlighted', choice === this.highlighted);
    }
    const arrow = POSE_ARROWS[this.startPose];
    this.line.textContent = `${this.verdictSentence()}Hold ${arrow} ${holdShort()} to ${this.actionOf(this.highlighted)}.`;
  }
}

/** A verdict in short, to tell whether a new one asks something else of the player. */
function whatItAsks(verdict: OfferedVerdict | null): string {
  if (verdict === null || verdict.kind === 'good') return verdict?.kind ?? 'unknown';
  return `${verdict.kind} ${verdict.kind === 'poor' ? verdict.redo : verdict.weak}`;
}
