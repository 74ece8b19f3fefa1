import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SILENT_CUES } from '../../../../src/ui/calibration/handsFreeCues';
import {
  COUNTDOWN_SECONDS,
  HANDS_FREE_MAX_COUNTDOWNS,
  HANDS_FREE_RECORD_MS,
} from '../../../../src/ui/calibration/handsFreeTiming';
import { TouchUp } from '../../../../src/ui/touchUp/touchUp';
import { POSES } from '../../../../src/vision/poses';
import { asDocument, FakeDocument } from './fakeDom';
import { FakeHead, verdict } from './fakeHead';

const POSE_MS = COUNTDOWN_SECONDS * 1000 + HANDS_FREE_RECORD_MS;

function setUp() {
  const doc = new FakeDocument();
  const head = new FakeHead();
  const touchUp = new TouchUp(asDocument(doc), head, SILENT_CUES);
  const notice = doc.byTestId('fit-notice');
  const shown = (): boolean => notice?.hidden === false;
  /** A game as PlayScene runs it: subscribed while it lasts, played with keys. */
  const newGame = () => {
    const requests: number[] = [];
    const off = touchUp.onRequest(() => requests.push(1));
    touchUp.setPlaying('keys');
    return { requests, off };
  };
  /** The touch-up as PauseScene runs it: the game pauses (setPlaying(null)), then resumes. */
  const touchUpNow = (recordings: number = POSES.length): boolean[] => {
    const ends: boolean[] = [];
    touchUp.setPlaying(null);
    touchUp.start((completed) => ends.push(completed));
    vi.advanceTimersByTime(recordings * POSE_MS + 100);
    touchUp.setPlaying('keys');
    return ends;
  };
  return { doc, head, touchUp, shown, newGame, touchUpNow };
}

describe('the touch-up offer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('offers a touch-up while the calibration does not fit', () => {
    const { head, shown, newGame } = setUp();
    newGame();
    expect(shown()).toBe(false);
    head.setFits(false);
    expect(shown()).toBe(true);
    head.setFits(true);
    expect(shown()).toBe(false);
  });

  it('keeps quiet for the rest of the game once a touch-up kept shots, even through pauses', () => {
    const { head, touchUp, shown, newGame, touchUpNow } = setUp();
    newGame();
    head.setFits(false);
    expect(shown()).toBe(true);
    expect(touchUpNow()).toEqual([true]);
    expect(touchUp.quietForThisGame).toBe(true);
    // The fit watch judges afresh and flips again: no notice.
    head.setFits(true);
    head.setFits(false);
    expect(shown()).toBe(false);
    // A pause by the player and a resume: still the same game, still quiet.
    touchUp.setPlaying(null);
    touchUp.setPlaying('keys');
    head.setFits(false);
    expect(shown()).toBe(false);
  });

  it('speaks up again in the next game', () => {
    const { head, touchUp, shown, newGame, touchUpNow } = setUp();
    const first = newGame();
    head.setFits(false);
    touchUpNow();
    expect(shown()).toBe(false);
    // Game over: the game stops playing and unsubscribes; a new game starts.
    touchUp.setPlaying(null);
    first.off();
    expect(touchUp.quietForThisGame).toBe(false);
    newGame();
    expect(shown()).toBe(true);
  });

  it('does not keep quiet after a touch-up that kept nothing or was stopped', () => {
    const { head, touchUp, shown, newGame, touchUpNow } = setUp();
    newGame();
    head.setFits(false);
    head.judge = () => verdict(false, 'no-face', null);
    expect(touchUpNow(HANDS_FREE_MAX_COUNTDOWNS)).toEqual([true]);
    expect(touchUp.quietForThisGame).toBe(false);
    head.setFits(false);
    expect(shown()).toBe(true);

    head.judge = () => verdict(true);
    const ends: boolean[] = [];
    touchUp.setPlaying(null);
    touchUp.start((completed) => ends.push(completed));
    vi.advanceTimersByTime(1000);
    touchUp.cancel();
    touchUp.setPlaying('keys');
    expect(ends).toEqual([false]);
    expect(touchUp.quietForThisGame).toBe(false);
    expect(shown()).toBe(true);
  });
});
