// Hands-free calibration for a player who is not looking at the screen: the built game in a
// real Chromium whose camera is a clip of a real person (Pointing'04). The calibration screen
// opens with `?handsFreeAfter=<ms>` (what the menu's "Play with your head" door asks for with
// { handsFreeAfterMs }) and the run starts by itself. With no voice on the device, the tone cues
// play (AudioContext oscillators are logged; support/speechStandIn.ts). A tap cancels the start
// by itself. (Each step said by a local voice is checked on the first hands-free game,
// firstHandsFreeGame.test.ts, which records every pose with no key or tap after one press.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithFakeCamera, readLive, screenshot, waitForLive, watchErrors } from './chromium';
import { makeFakeCameraClip } from './support/fakeCamera';
import { CALIBRATION_CLIP } from './support/headClips';
import { readCounts, waitUntil } from './support/headUi';
import { instrument, oscillators, spoken } from './support/speechStandIn';

function isVisible(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).isVisible();
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchWithFakeCamera(makeFakeCameraClip(CALIBRATION_CLIP).path);
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh context on the game's menu, with `query` in the address. */
async function openGame(
  withVoices: boolean,
  query: string,
  device: { width: number; height: number; touch?: boolean },
) {
  const context = await browser.newContext({
    viewport: { width: device.width, height: device.height },
    hasTouch: device.touch === true,
    isMobile: device.touch === true,
  });
  await instrument(context, withVoices);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(query, inject('gameUrl')).href);
  await waitForLive(page, 'game-state', (s) => s === 'menu');
  return { context, page, errors };
}

describe('hands-free calibration that starts by itself', () => {
  it('with no voice, plays the tone cues; a tap cancels the start by itself, and says so', async () => {
    const phone = { width: 412, height: 915, touch: true };
    const { context, page, errors } = await openGame(false, '?handsFreeAfter=4000', phone);
    await page.getByTestId('open-calibration').tap();
    await expect.poll(() => isVisible(page, 'hands-free-notice')).toBe(true);
    await screenshot(page, 'hands-free-auto-start-notice-phone');
    // A tap anywhere (here on the title, which does nothing else).
    await page.locator('#calibration-title').tap();
    await expect
      .poll(() => page.getByTestId('hands-free-notice').textContent())
      .toMatch(/^Hands-free recording cancelled/);
    await screenshot(page, 'hands-free-cancelled-phone');
    // Well past the 4 seconds: no run started.
    await page.waitForTimeout(5_000);
    expect(await isVisible(page, 'big-countdown')).toBe(false);
    expect(await page.getByTestId('hands-free').isEnabled()).toBe(true);
    expect(await readCounts(page)).toEqual({ neutral: 0, left: 0, right: 0, up: 0, down: 0 });

    // Back to the menu and in again: this time nothing is touched.
    await page.keyboard.press('Escape');
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await page.getByTestId('open-calibration').tap();
    await waitUntil(
      page,
      'the big countdown',
      () => isVisible(page, 'big-countdown'),
      Boolean,
      90_000,
    );
    await screenshot(page, 'hands-free-big-countdown-phone');
    // The first pose's tone (neutral: one note, 523 Hz), the rising "turn now" and the chime.
    const heard = await waitUntil(
      page,
      'the pose tone, the rising tone and the chime',
      () => oscillators(page),
      (list) => list.some((o) => o.type === 'sine' && o.frequencies[0] === 1046.5),
      30_000,
    );
    expect(heard.some((o) => o.frequencies.length === 1 && o.frequencies[0] === 523.25)).toBe(true);
    expect(heard.some((o) => o.frequencies[0] === 300 && o.frequencies[1] === 1200)).toBe(true);
    expect(await spoken(page)).toEqual([]);
    expect(await readLive(page, 'game-state')).toBe('calibrating');
    expect(errors).toEqual([]);
    await context.close();
  });
});
