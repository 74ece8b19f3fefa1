// The fault tests' game (faults.test.ts: what the keys survive; headFaults.test.ts: what head
// control survives): a Chromium with its own synthetic camera, a fresh context per test, and
// the steps both files take (start a keys game, check the keys still play, read the alert,
// import a synthetic calibration, fake a failing camera).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { readCspViolations, readLive, readNumber, waitForLive } from '../chromium';
import { pressOn } from './gameKeys';
import { openCalibration, readCounts, waitUntil } from './headUi';
import { launchWithSyntheticCamera, openGameSession, type GameSession } from './gameSession';
import { syntheticCalibration } from './syntheticCalibration';

export const READY = /Camera and model ready|Head control on/;

export type Game = GameSession;

/**
 * One Chromium for a file's fault tests (launched before them, closed after), and the game in a
 * fresh context of it (its own storage), with `setup` (routes, init scripts) before it loads.
 */
export function faultGames(): {
  openGame(
    setup?: (context: BrowserContext) => Promise<void>,
    serviceWorkers?: 'allow' | 'block',
    query?: string,
  ): Promise<Game>;
} {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchWithSyntheticCamera();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    openGame: (setup = async () => {}, serviceWorkers = 'allow', query = '') =>
      openGameSession(browser, { path: query, setup, serviceWorkers }),
  };
}

/**
 * A game with keys (K), never Enter: once head control steers, the menu highlights "Play with
 * your head" and Enter would start a head game, which pauses itself 2 s later because
 * Chromium's own camera shows no face (the cause of a red clean-machine run: the arrows then
 * moved the pause screen's choices, and `direction` kept the head's "right").
 */
export async function startGame(page: Page): Promise<void> {
  await pressOn(page, 'menu', 'KeyK', 'playing');
}

export async function closeGame(game: Game, allowedErrors: RegExp | null = null): Promise<void> {
  const errors = game.errors.filter((e) => allowedErrors === null || !allowedErrors.test(e));
  expect(errors).toEqual([]);
  expect(await readCspViolations(game.page)).toEqual([]);
  await game.context.close();
}

/** From the menu or the calibration screen: start a game and steer it with the arrow keys. */
export async function keysStillPlay(page: Page): Promise<void> {
  if ((await readLive(page, 'game-state')) !== 'playing') {
    if (await page.getByTestId('record-neutral').isVisible()) await page.keyboard.press('Escape');
    await startGame(page);
  }
  const before = await readNumber(page, 'score');
  // Every direction the hub passes on from now: head control may be steering too and
  // overwrite `up` at once (seen on a clean machine: the live value read "right" each poll).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __directions: string[] }).__directions = seen;
    const span = document.querySelector('[data-testid="direction"]');
    if (span) seen.push(span.textContent ?? '');
    if (span) {
      new MutationObserver(() => seen.push(span.textContent ?? '')).observe(span, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    }
  });
  await page.keyboard.press('ArrowUp');
  await waitUntil(
    page,
    'the up arrow to reach the hub',
    () => page.evaluate(() => (window as unknown as { __directions: string[] }).__directions),
    (seen) => seen.includes('up'),
    5_000,
  );
  // After a long wait (a fault handled) the hero may stand against a wall with `up` closed
  // too: turn another way every 1.5 s until the score rises, as a player would.
  const turns = ['ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowUp'];
  for (let i = 0; i < 16; i++) {
    const deadline = Date.now() + 1_500;
    while (Date.now() < deadline) {
      if ((await readNumber(page, 'score')) > before) return;
      await page.waitForTimeout(100);
    }
    await page.keyboard.press(turns[i % turns.length] as string);
  }
  throw new Error(
    `the score stayed at ${before} while the arrows turned the hero every way; ` +
      `game-state: ${await readLive(page, 'game-state')}, direction: ${await readLive(page, 'direction')}`,
  );
}

/** The banner's Retry is offered (and says what went wrong). */
export async function alertText(page: Page): Promise<string> {
  const alert = page.getByTestId('head-alert');
  await alert.waitFor({ state: 'visible', timeout: 20_000 });
  expect(await page.getByTestId('head-retry').isVisible()).toBe(true);
  return (await alert.textContent()) ?? '';
}

export async function importText(
  page: Page,
  text: string,
  name = 'calibration.json',
): Promise<void> {
  await page.getByTestId('import-calibration').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/**
 * On the calibration screen: import five synthetic shots per pose, wait until head-status
 * says `status`, then play. Returns the shot counts the screen showed.
 */
export async function calibrateAndPlay(
  page: Page,
  status = /Head control on/,
  timeoutMs = 60_000,
  mode: 'head' | 'keys' = 'head',
): Promise<Record<string, number>> {
  await openCalibration(page);
  await importText(page, syntheticCalibration(5));
  await waitForLive(page, 'head-status', (s) => status.test(s), timeoutMs);
  const counts = await readCounts(page);
  if (mode === 'head') {
    await page.getByTestId('calibration-done').click();
  } else {
    await page.keyboard.press('Escape');
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await page.keyboard.press('KeyK');
  }
  await waitForLive(page, 'game-state', (s) => s === 'playing');
  return counts;
}

/** getUserMedia (and the device list) replaced by a failure of the DOMException `name`. */
export function failingCamera(name: string, message: string) {
  return async (context: BrowserContext): Promise<void> => {
    await context.addInitScript(
      ([errorName, errorMessage]) => {
        const devices = navigator.mediaDevices;
        devices.getUserMedia = () =>
          Promise.reject(new DOMException(errorMessage ?? '', errorName ?? 'Error'));
        if (errorName === 'NotFoundError') devices.enumerateDevices = () => Promise.resolve([]);
      },
      [name, message],
    );
  };
}
