// Head control when the player blocks the camera: the game says so plainly in the live
// region's head-status, and the keys still play.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchWithCameraDenied,
  readLive,
  readNumber,
  screenshot,
  waitForLive,
  watchErrors,
} from './chromium';
import { openCalibration } from './support/headUi';

// With no input the hero runs left along its starting row and eats 7 dots (70 points).
const SCORE_WITHOUT_STEERING = 70;

let browser: Browser;
let page: Page;
let errors: string[];
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchWithCameraDenied();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.on('request', (request) => requests.push(request.url()));
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(inject('gameUrl'));
  await waitForLive(page, 'game-state', (s) => s === 'menu');
});

afterAll(async () => {
  await browser?.close();
});

describe('camera permission denied', () => {
  it('says the camera is blocked in head-status, and the keys still play', async () => {
    // Asking for the camera happens on the way to head control: the calibration screen.
    await openCalibration(page).catch(() => undefined);
    const status = await waitForLive(
      page,
      'head-status',
      (s) => /denied|blocked|not allowed/i.test(s),
      20_000,
    );
    expect(status).toMatch(/camera/i);
    expect(status).toMatch(/keys/i);
    await screenshot(page, 'head-camera-denied');

    await page.keyboard.press('Escape');
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await page.keyboard.press('Enter');
    await waitForLive(page, 'game-state', (s) => s === 'playing');
    await waitForLive(page, 'score', (s) => Number(s) >= 50, 20_000);
    await page.keyboard.press('ArrowUp');
    expect(await readLive(page, 'direction')).toBe('up');
    await waitForLive(page, 'score', (s) => Number(s) > SCORE_WITHOUT_STEERING + 30, 20_000);
    expect(await readNumber(page, 'score')).toBeGreaterThan(SCORE_WITHOUT_STEERING);

    const origin = new URL(inject('gameUrl')).origin;
    expect(
      requests.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });
});
