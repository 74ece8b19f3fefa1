import { describe, expect, it } from 'vitest';
import { HeadChooser } from '../../../src/handsFree/headChooser';
import { navigationPoses } from '../../../src/handsFree/startPose';
import type { Pose } from '../../../src/vision/poses';

/** Holds `pose` from `from` for `ms`, a look every 50 ms; returns the first choice made. */
function hold(chooser: HeadChooser, pose: Pose | null, from: number, ms: number): number | null {
  for (let t = from; t <= from + ms; t += 50) {
    const chosen = chooser.update(pose, t);
    if (chosen !== null) return chosen;
  }
  return null;
}

describe('HeadChooser', () => {
  it('moves one step per held turn, wrapping round, and chooses with a 1 s hold of up', () => {
    const chooser = new HeadChooser({ count: 3, startPose: 'up' });
    hold(chooser, 'neutral', 0, 100);
    hold(chooser, 'right', 200, 2000); // held long: still one step
    expect(chooser.highlighted).toBe(1);
    hold(chooser, 'neutral', 2300, 100);
    hold(chooser, 'right', 2500, 100);
    hold(chooser, 'neutral', 2700, 100);
    hold(chooser, 'right', 2900, 100);
    expect(chooser.highlighted).toBe(0);
    hold(chooser, 'left', 3100, 100);
    expect(chooser.highlighted).toBe(2);
    expect(hold(chooser, 'up', 3300, 900)).toBeNull();
    expect(chooser.fill).toBeGreaterThan(0.8);
    expect(hold(chooser, 'up', 4250, 500)).toBe(2);
  });

  it('takes a turn already held when the choices appear as where the player starts', () => {
    const chooser = new HeadChooser({ count: 3, startPose: 'up' });
    // The tail of a "left" recording, read once the choices came up: no step.
    hold(chooser, 'left', 0, 300);
    expect(chooser.highlighted).toBe(0);
    hold(chooser, 'neutral', 400, 100);
    hold(chooser, 'left', 600, 100);
    expect(chooser.highlighted).toBe(2);
  });

  it('uses the chosen start pose, and the other pair to move when it is left or right', () => {
    expect(navigationPoses('up')).toEqual({ previous: 'left', next: 'right' });
    expect(navigationPoses('down')).toEqual({ previous: 'left', next: 'right' });
    expect(navigationPoses('left')).toEqual({ previous: 'up', next: 'down' });
    expect(navigationPoses('right')).toEqual({ previous: 'up', next: 'down' });

    const chooser = new HeadChooser({ count: 4, startPose: 'left' });
    hold(chooser, 'neutral', 0, 100);
    expect(hold(chooser, 'up', 200, 1500)).toBeNull(); // up only moves now
    expect(chooser.highlighted).toBe(3);
    hold(chooser, 'down', 1800, 100);
    hold(chooser, 'neutral', 2000, 100);
    hold(chooser, 'down', 2200, 100);
    expect(chooser.highlighted).toBe(1);
    expect(hold(chooser, 'left', 2400, 1500)).toBe(1);
  });

  it('starts the fill over when the highlight moves, by head or by keys', () => {
    const chooser = new HeadChooser({ count: 2, startPose: 'up' });
    hold(chooser, 'neutral', 0, 0);
    hold(chooser, 'up', 50, 600);
    expect(chooser.fill).toBeGreaterThan(0.5);
    chooser.highlight(1);
    expect(chooser.fill).toBe(0);
    // A full second more of up, counted from the moment the highlight moved (650).
    expect(hold(chooser, 'up', 700, 900)).toBeNull();
    expect(hold(chooser, 'up', 1650, 200)).toBe(1);
  });

  it('skips and never chooses what the head may not reach', () => {
    const chooser = new HeadChooser({ count: 3, startPose: 'up', byHead: (i) => i !== 1 });
    hold(chooser, 'neutral', 0, 0);
    hold(chooser, 'right', 50, 100);
    expect(chooser.highlighted).toBe(2);
    chooser.highlight(1); // keys may go there
    hold(chooser, 'neutral', 300, 0);
    expect(hold(chooser, 'up', 350, 3000)).toBeNull();
  });

  it('asks for a let-go after a new start pose is chosen', () => {
    const chooser = new HeadChooser({ count: 2, startPose: 'up' });
    hold(chooser, 'down', 0, 0);
    chooser.setStartPose('down');
    expect(chooser.pose).toBe('down');
    expect(hold(chooser, 'down', 50, 2000)).toBeNull();
    hold(chooser, 'neutral', 2100, 0);
    expect(hold(chooser, 'down', 2150, 1100)).toBe(0);
  });
});

describe('the one-line scheme the screens show', () => {
  it('names the navigation pair and the start pose, and fits the pixel-font screen', async () => {
    const { schemeLine, schemeSentence, holdSentence } =
      await import('../../../src/handsFree/headWords');
    expect(schemeLine('up')).toBe('HEAD: ← → MOVE, HOLD ↑ 1 SEC: CHOOSE');
    expect(schemeLine('right')).toBe('HEAD: ↑ ↓ MOVE, HOLD → 1 SEC: CHOOSE');
    for (const pose of ['up', 'down', 'left', 'right'] as const) {
      expect(schemeLine(pose).length).toBeLessThanOrEqual(37);
    }
    expect(schemeSentence('left')).toBe(
      'Turn up or down to move between choices; hold left for 1 second to choose.',
    );
    expect(holdSentence('up', 'play again')).toBe('Hold up for 1 second to play again.');
  });
});
