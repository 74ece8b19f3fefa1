import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SILENT_CUES } from '../../../../src/ui/calibration/handsFreeCues';
import {
  COUNTDOWN_SECONDS,
  HANDS_FREE_MAX_COUNTDOWNS,
  HANDS_FREE_RECORD_MS,
} from '../../../../src/ui/calibration/handsFreeTiming';
import { TouchUpRun, whyNotKept } from '../../../../src/ui/touchUp/touchUpRun';
import { BURST_RETRIES } from '../../../../src/vision/engine/classifier/burstCheck';
import { POSES } from '../../../../src/vision/poses';
import { asDocument, FakeDocument } from './fakeDom';
import { FakeHead, verdict } from './fakeHead';

/** One pose's countdown and recording. */
const POSE_MS = COUNTDOWN_SECONDS * 1000 + HANDS_FREE_RECORD_MS;

function setUp() {
  const doc = new FakeDocument();
  const head = new FakeHead();
  const run = new TouchUpRun(asDocument(doc), head, SILENT_CUES);
  const ends: boolean[] = [];
  const countdown = doc.byTestId('touch-up-countdown');
  const caption = () => countdown?.querySelector('.cal-big-caption')?.textContent ?? null;
  const announcer = () => doc.body.children.find((e) => e.className === 'sr-only');
  const recorded = () => head.log.filter((line) => line.startsWith('record '));
  return { doc, head, run, ends, caption, announcer, recorded };
}

describe('the touch-up run', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('records each pose once as a burst, judges it against the shots from before the touch-up', () => {
    const { head, run, ends, recorded } = setUp();
    run.start((completed) => ends.push(completed));
    vi.advanceTimersByTime(POSES.length * POSE_MS + 100);
    expect(recorded()).toEqual(POSES.map((pose) => `record ${pose}`));
    expect(head.log).not.toContain('drop neutral');
    expect(head.judgedWith).toHaveLength(POSES.length);
    expect(head.judgedWith[0]).toEqual({ neutral: 5, left: 5, right: 5, up: 5, down: 5 });
    expect(ends).toEqual([true]);
    expect(run.keptAny).toBe(true);
    expect(run.running).toBe(false);
  });

  it('drops a burst that looked like another pose and asks for that pose again first, saying why', () => {
    const { head, run, ends, caption, announcer, recorded } = setUp();
    head.judge = (pose, attempt) =>
      pose === 'up' && attempt === 0 ? verdict(false, 'other-pose', 'neutral') : verdict(true);
    run.start((completed) => ends.push(completed));
    // neutral, left, right, up: then "up" is judged and dropped.
    vi.advanceTimersByTime(4 * POSE_MS);
    expect(head.log.slice(-2)).toEqual(['stop', 'drop up']);
    expect(announcer()?.textContent).toBe('Up again: it looked like Neutral.');
    // The countdown of "up" again: the big caption says why, then "Hold: Up" while recording.
    vi.advanceTimersByTime(1);
    expect(caption()).toBe('Up again: it looked like Neutral');
    expect(announcer()?.textContent).toBe('Up again: it looked like Neutral. Up in 3');
    vi.advanceTimersByTime(2000);
    expect(caption()).toBe('Up again: it looked like Neutral');
    vi.advanceTimersByTime(1000);
    expect(caption()).toBe('Hold: Up');
    vi.advanceTimersByTime(HANDS_FREE_RECORD_MS + 2 * POSE_MS);
    expect(recorded()).toEqual(
      ['neutral', 'left', 'right', 'up', 'up', 'down'].map((p) => `record ${p}`),
    );
    expect(ends).toEqual([true]);
  });

  it('says "no face seen" for a burst without a face', () => {
    const { head, run, caption } = setUp();
    head.judge = (pose, attempt) =>
      pose === 'neutral' && attempt === 0 ? verdict(false, 'no-face', null) : verdict(true);
    run.start(() => {});
    vi.advanceTimersByTime(POSE_MS + 1);
    expect(caption()).toBe('Neutral again: no face seen');
    expect(whyNotKept(verdict(false, 'other-pose', 'left'))).toBe('it looked like Left');
  });

  it(`asks for a pose at most ${BURST_RETRIES} times more, then goes on without it`, () => {
    const { head, run, ends, announcer, recorded } = setUp();
    head.judge = (pose) => (pose === 'down' ? verdict(false, 'other-pose', 'up') : verdict(true));
    run.start((completed) => ends.push(completed));
    vi.advanceTimersByTime((POSES.length + BURST_RETRIES) * POSE_MS + 100);
    expect(recorded().filter((line) => line === 'record down')).toHaveLength(1 + BURST_RETRIES);
    expect(head.log.filter((line) => line === 'drop down')).toHaveLength(1 + BURST_RETRIES);
    expect(announcer()?.textContent).toContain(
      'Down not kept: it looked like Up. Going on without it.',
    );
    expect(ends).toEqual([true]);
    expect(run.keptAny).toBe(true);
  });

  it("finishes even when every burst is thrown away (within the run's countdowns)", () => {
    const { head, run, ends, recorded } = setUp();
    head.judge = () => verdict(false, 'no-face', null);
    run.start((completed) => ends.push(completed));
    vi.advanceTimersByTime(HANDS_FREE_MAX_COUNTDOWNS * POSE_MS + 100);
    expect(recorded()).toHaveLength(POSES.length * (1 + BURST_RETRIES));
    expect(recorded().length).toBeLessThanOrEqual(HANDS_FREE_MAX_COUNTDOWNS);
    expect(ends).toEqual([true]);
    expect(run.keptAny).toBe(false);
  });

  it('stops when head control stops working, and on cancel', async () => {
    const { head, run, ends } = setUp();
    run.start((completed) => ends.push(completed));
    head.headState = { kind: 'off', note: null };
    vi.advanceTimersByTime(POSE_MS);
    await Promise.resolve();
    expect(ends).toEqual([false]);
    run.start((completed) => ends.push(completed));
    run.cancel();
    expect(ends).toEqual([false, false]);
  });
});
