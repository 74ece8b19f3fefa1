// The touch-up, in the built game with a fake camera of real faces: the saved calibration is
// person01's (support/photoCalibration.ts), but person02 sits in front of the camera, which no
// shot looks like. Head control says the calibration doesn't match what the camera sees; in a
// game played with the head the touch-up starts by itself, records each pose once more while
// the game waits paused, and the game goes on; the calibration fits again.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithFakeCamera, readLive, screenshot, waitForLive, watchErrors } from './chromium';
import { makeFakeCameraClip, poseScript } from './support/fakeCamera';
import { importCalibration, waitUntil } from './support/headUi';
import { photoCalibration } from './support/photoCalibration';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const calibration = await photoCalibration('person01', 1);
  const clip = makeFakeCameraClip({
    name: 'person02-series1',
    person: 'person02',
    segments: poseScript(1, 5),
  });
  browser = await launchWithFakeCamera(clip.path);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = watchErrors(page);
  await page.goto(inject('gameUrl'));
  await waitForLive(page, 'game-state', (s) => s === 'menu');
  await importCalibration(page, calibration);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('when the calibration stops fitting', () => {
  it('says so, touches up hands-free without leaving the game, and fits again', async () => {
    await page.keyboard.press('KeyH');
    await waitForLive(page, 'game-state', (s) => s === 'playing');
    await waitForLive(
      page,
      'head-status',
      (s) => /doesn't match what the camera sees/.test(s),
      30_000,
    );
    const notice = page.getByTestId('fit-notice');
    await expect.poll(() => notice.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await notice.textContent()).toMatch(/Touch-up starts in \d s/);
    await screenshot(page, 'touch-up-notice');

    // A game played with the head: the touch-up starts by itself, the game waits paused.
    await waitForLive(page, 'game-state', (s) => s === 'paused', 15_000);
    expect(await readLive(page, 'head-hint')).toMatch(/Touch-up/);
    await expect
      .poll(() => page.getByTestId('touch-up-countdown').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await screenshot(page, 'touch-up-countdown');
    // Five poses, 3-2-1 and two seconds each, then 3-2-1: the game goes on.
    await waitForLive(page, 'game-state', (s) => s === 'playing', 60_000);
    await waitUntil(
      page,
      'the calibration to fit again',
      () => readLive(page, 'head-status'),
      (s) => /steer by turning your head/.test(s),
      30_000,
    );
    expect(await notice.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});
