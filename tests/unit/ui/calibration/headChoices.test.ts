import { describe, expect, it } from 'vitest';
import { HeadChoices, type HeadChoicesHost } from '../../../../src/ui/calibration/headChoices';
import type { QualityVerdict } from '../../../../src/ui/calibration/qualityVerdict';
import type { Pose } from '../../../../src/vision/poses';
import { asDocument, FakeDocument, FakeElement } from '../touchUp/fakeDom';

/** The touch-up's fake DOM, with the style the choices' rings set. */
class StyledDocument extends FakeDocument {
  override createElement(tagName: string): FakeElement {
    return Object.assign(super.createElement(tagName), { style: { setProperty: () => {} } });
  }
}

const poor = (redo: Pose, recognised: number): QualityVerdict => ({
  kind: 'poor',
  redo,
  recognised,
});
const GOOD: QualityVerdict = { kind: 'good', weakest: 'left' };

/** The choices after a calibration, a host that logs what was chosen, and a head to hold. */
function rig() {
  const chosen: string[] = [];
  const host: HeadChoicesHost = {
    play: () => chosen.push('play'),
    redo: (pose) => chosen.push(`redo ${pose}`),
    menu: () => chosen.push('menu'),
  };
  const doc = new StyledDocument();
  const choices = new HeadChoices(asDocument(doc), host, 'up');
  const line = (choices.element as unknown as FakeElement).byTestId('calibration-choices-line');
  let now = 0;
  let hint = '';
  /** Shows `pose` for `ms`, a look every 50 ms. */
  const show = (pose: Pose, ms: number): void => {
    for (const end = now + ms; now < end; now += 50) {
      hint = choices.tick(true, pose, 'up', now).hint;
    }
  };
  /** The screen after a recording: the check of the new shots comes, the choices appear. */
  const checked = (verdict: QualityVerdict): void => {
    choices.setVerdict(null);
    choices.setVerdict(verdict);
    choices.setOffered(true);
    show('neutral', 200);
  };
  return {
    choices,
    chosen,
    checked,
    show,
    line: () => line?.textContent ?? '',
    hint: () => hint,
  };
}

describe('the choices after a hands-free calibration', () => {
  it('ask for a poor pose to be recorded again, and holding up records it', () => {
    const { chosen, checked, show, line, hint } = rig();
    checked(poor('left', 0.35));
    expect(line()).toBe(
      'Left was recognised in only 35 % of its shots. Hold ↑ 1 s to record left again.',
    );
    expect(hint()).toMatch(/Hold up for 1 second to record left again\./);
    show('up', 1100);
    expect(chosen).toEqual(['redo left']);
  });

  it('never loop: poor again after recording it again, they highlight Play and name the weak pose', () => {
    const { chosen, checked, show, line, hint } = rig();
    checked(poor('left', 0.35));
    show('up', 1100);
    expect(chosen).toEqual(['redo left']);
    checked(poor('left', 0.4));
    expect(line()).toBe(
      'Left is still weak (recognised 40 %): play now, and touch it up later if it steers ' +
        'badly. Hold ↑ 1 s to play.',
    );
    expect(hint()).toMatch(/^Left is still weak .* Hold up for 1 second to play\./);
    show('up', 1100);
    expect(chosen).toEqual(['redo left', 'play']);
  });

  it('are not moved by the weak pose itself: its shots may be straight ones', () => {
    const { chosen, checked, show, line } = rig();
    checked(poor('left', 0.0));
    // A straight head read as "left" now and then (Left's shots were straight ones).
    for (let i = 0; i < 4; i++) {
      show('left', 200);
      show('neutral', 200);
    }
    expect(line()).toMatch(/Hold ↑ 1 s to record left again\.$/);
    // The other way still moves it, and round to every choice.
    show('right', 200);
    expect(line()).toMatch(/Hold ↑ 1 s to go back to the menu\.$/);
    show('neutral', 200);
    show('right', 200);
    show('neutral', 200);
    show('up', 1100);
    expect(chosen).toEqual(['play']);
  });

  it('keep Record again and Menu reachable by head when the pose is still weak', () => {
    const { chosen, checked, show, line } = rig();
    checked(poor('down', 0.3));
    show('up', 1100);
    checked(poor('down', 0.3));
    // Right moves the highlight from Play to Record again, then to Menu; left comes back.
    show('right', 200);
    expect(line()).toMatch(/Hold ↑ 1 s to record down again\.$/);
    show('neutral', 200);
    show('right', 200);
    expect(line()).toMatch(/Hold ↑ 1 s to go back to the menu\.$/);
    show('neutral', 200);
    show('left', 200);
    show('neutral', 200);
    show('up', 1100);
    expect(chosen).toEqual(['redo down', 'redo down']);
    // Still poor a third time: still Play first.
    checked(poor('down', 0.3));
    show('up', 1100);
    expect(chosen).toEqual(['redo down', 'redo down', 'play']);
  });

  it('count poor checks in a row only: a good one, or a new run, starts over', () => {
    const { choices, chosen, checked, show } = rig();
    checked(poor('left', 0.35));
    show('up', 1100);
    checked(GOOD);
    choices.setOffered(false);
    checked(poor('left', 0.35));
    show('up', 1100);
    choices.startOver();
    checked(poor('right', 0.2));
    show('up', 1100);
    expect(chosen).toEqual(['redo left', 'redo left', 'redo right']);
  });
});
