// Hands-free with a real face, in the built game: Chromium's camera plays Pointing'04 photos
// of one person (support/fakeCamera.ts), and the game has that person's saved calibration
// (made from the same photo session, support/photoCalibration.ts, imported once). After a
// reload, as a returning player, the game must start from the menu with the head alone:
// holding `up` fills the dwell and starts a game, with no key, mouse or touch event at all.
// The whole loop after it (leave and pause, come back and resume, game over, play again) is
// played on a calibration recorded hands-free, in firstHandsFreeGame.test.ts.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchWithFakeCamera,
  readCspViolations,
  readLive,
  screenshot,
  waitForLive,
  watchCspViolations,
  watchErrors,
} from './chromium';
import { makeFakeCameraClip, type ClipSpec } from './support/fakeCamera';
import { PERSON } from './support/headClips';
import { importCalibration, waitUntil } from './support/headUi';
import { photoCalibration } from './support/photoCalibration';

/** Straight ahead, then up: the menu sees the start pose held for 5 s at a time. */
const LOOK_UP_CLIP: ClipSpec = {
  name: `${PERSON}-series1-neutral-up`,
  person: PERSON,
  segments: [
    { pose: 'neutral', series: 1, seconds: 5 },
    { pose: 'up', series: 1, seconds: 5 },
  ],
};

interface Watched {
  /** Trusted keyboard, mouse, pointer and touch events the page received. */
  inputs: string[];
  /** Every value the live region's dwell took, and every game-state, in order. */
  trail: string[];
}

/** Counts input events and records dwell and game-state from the page's first moment. */
async function watchThePage(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: Watched = { inputs: [], trail: [] };
    (window as unknown as { __handsFree: Watched }).__handsFree = seen;
    const kinds = ['keydown', 'keyup', 'mousedown', 'pointerdown', 'touchstart', 'click', 'wheel'];
    for (const kind of kinds) {
      window.addEventListener(
        kind,
        (event) => {
          if (event.isTrusted) seen.inputs.push(kind);
        },
        true,
      );
    }
    document.addEventListener('DOMContentLoaded', () => {
      for (const field of ['dwell', 'game-state']) {
        const span = document.querySelector(`[data-testid="${field}"]`);
        if (!span) continue;
        new MutationObserver(() => seen.trail.push(`${field}=${span.textContent}`)).observe(span, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      }
    });
  });
}

async function watched(page: Page): Promise<Watched> {
  return page.evaluate(() => (window as unknown as { __handsFree: Watched }).__handsFree);
}

interface Session {
  browser: Browser;
  page: Page;
  errors: string[];
}

/** A Chromium whose camera plays `spec`, the game open on the menu, the page watched. */
async function openWithCamera(spec: ClipSpec): Promise<Session> {
  const clip = makeFakeCameraClip(spec);
  const browser = await launchWithFakeCamera(clip.path);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await watchCspViolations(context);
  await watchThePage(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(inject('gameUrl'));
  await waitForLive(page, 'game-state', (s) => s === 'menu');
  return { browser, page, errors };
}

/** Reload as a returning player; head control comes back on by itself. */
async function comeBack(page: Page): Promise<void> {
  await page.reload();
  await waitForLive(page, 'game-state', (s) => s === 'menu');
  await waitForLive(page, 'head-status', (s) => /Head control on/.test(s), 90_000);
}

let calibration: string;

beforeAll(async () => {
  calibration = await photoCalibration(PERSON, 1);
}, 120_000);

describe('starting a game with the head alone', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openWithCamera(LOOK_UP_CLIP);
    await importCalibration(session.page, calibration);
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  it('a returning player holds up: the dwell fills and the game starts, no key, mouse or touch', async () => {
    const { page } = session;
    await comeBack(page);
    // Ready, and the menu says how to start with the head.
    const hint = await waitForLive(
      page,
      'head-hint',
      (s) => /Hold up for 1 second to play with your head/.test(s),
      10_000,
    );
    expect(hint).toMatch(/Turn left or right to move between choices/);
    expect(await page.getByTestId('choice-head').getAttribute('aria-current')).toBe('true');

    // The clip comes to "up": catch the ring on its way (for the screenshot), then the game.
    const filling = await waitUntil(
      page,
      'the dwell to be filling',
      () => readLive(page, 'dwell').then(Number),
      (fill) => fill >= 30 && fill < 100,
      30_000,
    ).catch(() => null);
    if (filling !== null) await screenshot(page, 'hands-free-dwell');
    await waitForLive(page, 'game-state', (s) => s === 'playing', 30_000);
    expect(await readLive(page, 'head-hint')).toMatch(/Playing with your head/);

    const { inputs, trail } = await watched(page);
    expect(inputs).toEqual([]);
    // The dwell rose through the values between 0 and 100 before the game started.
    const beforePlay = trail.slice(0, trail.indexOf('game-state=playing'));
    const fills = beforePlay.filter((t) => t.startsWith('dwell=')).map((t) => Number(t.slice(6)));
    expect(
      fills.some((fill) => fill > 0 && fill < 100),
      trail.join(' '),
    ).toBe(true);
    expect(Math.max(...fills), trail.join(' ')).toBeGreaterThanOrEqual(80);
  });

  it('logged no error and no CSP violation', async () => {
    expect(session.errors).toEqual([]);
    expect(await readCspViolations(session.page)).toEqual([]);
  });
});
