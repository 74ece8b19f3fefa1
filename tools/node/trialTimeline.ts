/**
 * The in-play trial's clock in the page: what the game showed, and when, beside what the camera
 * showed, and when (the following camera's `__camera.paints`), both in page time
 * (performance.now()), so the game's answer is timed from the frame that showed the change to
 * the live region's change, with no round trip to Node in between.
 *
 * A MutationObserver over the page notes, on every change, the pose the game acts on
 * (`head-pose`), the game state and whether a touch-up's countdown shows. From the two logs:
 *  - the answer: for each pose the camera showed in play, the time from its first frame to
 *    `head-pose` becoming it (straight: straight or no pose), within that hold; a hold that
 *    never got there is a miss; and the same for the turns alone (what steers the hero);
 *  - wrong turns: `head-pose` taking up a turn the camera was not showing, in play;
 *  - touch-ups: a touch-up's countdown appearing (its poses' countdowns come one after another,
 *    a few ms hidden between them: one touch-up);
 *  - seconds played: the game in `playing` with no touch-up under way.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** The game as the observer saw it after a change. */
export interface Moment {
  readonly at: number;
  readonly pose: string;
  readonly state: string;
  readonly touchUp: boolean;
}

export interface Paint {
  readonly shown: string;
  readonly photo: number;
  readonly at: number;
}

export interface Timeline {
  readonly moments: readonly Moment[];
  readonly paints: readonly Paint[];
  readonly end: number;
}

/** Starts the observer with the page (call before it loads). */
export async function watchTimeline(context: BrowserContext): Promise<void> {
  // Methods, not named arrows: tsx wraps a named function in a helper the page lacks.
  await context.addInitScript(() => {
    const watch = {
      moments: [] as Moment[],
      text(id: string): string {
        return document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
      },
      note(): void {
        const touchUp = [
          ...document.querySelectorAll<HTMLElement>('[data-testid="touch-up-countdown"]'),
        ].some((e) => !e.hidden);
        const pose = watch.text('head-pose');
        const state = watch.text('game-state');
        const last = watch.moments.at(-1);
        if (last?.pose === pose && last.state === state && last.touchUp === touchUp) return;
        watch.moments.push({ at: performance.now(), pose, state, touchUp });
      },
      start(): void {
        watch.note();
        new MutationObserver(() => watch.note()).observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['hidden'],
        });
      },
    };
    (window as unknown as { __moments: Moment[] }).__moments = watch.moments;
    if (document.body) watch.start();
    else document.addEventListener('DOMContentLoaded', () => watch.start());
  });
}

export async function readTimeline(page: Page): Promise<Timeline> {
  return page.evaluate(() => ({
    moments: (window as unknown as { __moments: Moment[] }).__moments,
    paints: (window as unknown as { __camera: { paints: Paint[] } }).__camera.paints,
    end: performance.now(),
  }));
}

const TURNS: readonly string[] = ['left', 'right', 'up', 'down'];

/** The acted pose `acted` is what `shown` asks for (a straight head: straight or none). */
export const actsOn = (shown: string, acted: string): boolean =>
  shown === 'neutral' ? acted === 'neutral' || acted === 'none' : acted === shown;

/** Touch-up countdowns less than this apart are one touch-up's. */
const ONE_TOUCH_UP_MS = 1500;

export interface TimelineCounts {
  /** The game's answers to the camera's changes in play, ms. */
  readonly answers: number[];
  /**
   * Those to a turn alone: what steers. A return to straight asks the hero for nothing (it
   * keeps going), and the turn held before lets go only after its hysteresis (smoother.ts).
   */
  readonly turnAnswers: number[];
  /** Changes the game never answered within the hold. */
  readonly missed: number;
  readonly wrongTurns: number;
  readonly touchUps: number;
  readonly playedSeconds: number;
  readonly gameOvers: number;
}

/** The moment in force at `at` (the last one noted at or before it). */
function momentAt(moments: readonly Moment[], at: number): Moment | undefined {
  let found: Moment | undefined;
  for (const moment of moments) {
    if (moment.at > at) break;
    found = moment;
  }
  return found;
}

const inPlay = (moment: Moment | undefined): boolean =>
  moment !== undefined && moment.state === 'playing' && !moment.touchUp;

/** What the logs come to from `from` (page time: play began) on. */
export function countTimeline(timeline: Timeline, from: number): TimelineCounts {
  const moments = timeline.moments;
  const paints = timeline.paints.filter((p) => p.at >= from);
  const answers: number[] = [];
  const turnAnswers: number[] = [];
  let missed = 0;
  for (const [i, paint] of paints.entries()) {
    const previous = i > 0 ? paints[i - 1] : undefined;
    if (previous?.shown === paint.shown) continue;
    const then = momentAt(moments, paint.at);
    if (!inPlay(then) || then === undefined || actsOn(paint.shown, then.pose)) continue;
    const until = paints[i + 1]?.at ?? timeline.end;
    const answer = moments.find(
      (m) => m.at > paint.at && m.at <= until && actsOn(paint.shown, m.pose),
    );
    if (answer) {
      answers.push(answer.at - paint.at);
      if (TURNS.includes(paint.shown)) turnAnswers.push(answer.at - paint.at);
    } else missed++;
  }

  let wrongTurns = 0;
  let touchUps = 0;
  let gameOvers = 0;
  let playedMs = 0;
  let touchUpSeenAt = -Infinity;
  for (const [i, moment] of moments.entries()) {
    if (moment.at < from) continue;
    const before = moments[i - 1];
    const next = moments[i + 1]?.at ?? timeline.end;
    if (inPlay(moment)) playedMs += next - moment.at;
    if (moment.touchUp && !before?.touchUp && moment.at - touchUpSeenAt > ONE_TOUCH_UP_MS)
      touchUps++;
    if (moment.touchUp) touchUpSeenAt = next;
    if (moment.state === 'over' && before?.state !== 'over') gameOvers++;
    const tookUp = TURNS.includes(moment.pose) && before?.pose !== moment.pose;
    if (tookUp && inPlay(moment)) {
      const shown = [...paints].reverse().find((p) => p.at <= moment.at)?.shown;
      if (shown !== moment.pose) wrongTurns++;
    }
  }
  const playedSeconds = playedMs / 1000;
  return { answers, turnAnswers, missed, wrongTurns, touchUps, playedSeconds, gameOvers };
}

/** The `q` quantile (0..1) of `values`, or NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
