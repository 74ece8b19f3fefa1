// The built game on a phone-sized touch screen: tap to start, steer with swipes and the d-pad.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, readLive, screenshot, waitForLive, watchErrors } from './chromium';

const SCORE_WITHOUT_STEERING = 70;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(inject('gameUrl'));
  await waitForLive(page, 'game-state', (s) => s === 'menu');
});
afterEach(async () => {
  await context.close();
  expect(errors).toEqual([]);
});

async function tapToStart(): Promise<void> {
  const canvas = page.locator('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no game canvas');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await waitForLive(page, 'game-state', (s) => s === 'playing');
}

/** A real touch gesture through the browser's input pipeline (touchstart, moves, touchend). */
async function swipe(dx: number, dy: number): Promise<void> {
  const box = await page.locator('canvas').boundingBox();
  if (!box) throw new Error('no game canvas');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 6; i++) {
    const point = { x: x + (dx * i) / 6, y: y + (dy * i) / 6 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('phone play with touch', () => {
  it('shows the d-pad, starts with a tap and steers with the d-pad', async () => {
    await screenshot(page, 'phone-portrait-menu');
    for (const id of ['dpad-up', 'dpad-left', 'dpad-down', 'dpad-right']) {
      await expect.poll(() => page.getByTestId(id).isVisible()).toBe(true);
    }
    await tapToStart();
    // Past the dead-end corridor at column 12, "up" waits for the long corridor at column 6.
    await waitForLive(page, 'score', (s) => Number(s) >= 50, 20_000);
    await page.getByTestId('dpad-up').tap();
    expect(await readLive(page, 'direction')).toBe('up');
    await waitForLive(page, 'score', (s) => Number(s) > SCORE_WITHOUT_STEERING + 30, 20_000);
    await screenshot(page, 'phone-portrait-playing');
    await page.getByTestId('dpad-right').tap();
    expect(await readLive(page, 'direction')).toBe('right');
  });

  it('steers with swipes in every direction', async () => {
    await tapToStart();
    await swipe(0, -120);
    await waitForLive(page, 'direction', (s) => s === 'up', 5_000);
    await swipe(120, 0);
    await waitForLive(page, 'direction', (s) => s === 'right', 5_000);
    await swipe(0, 120);
    await waitForLive(page, 'direction', (s) => s === 'down', 5_000);
    await swipe(-120, 0);
    await waitForLive(page, 'direction', (s) => s === 'left', 5_000);
  });

  it('fits the maze in landscape too', async () => {
    await page.setViewportSize({ width: 844, height: 390 });
    await tapToStart();
    const box = await page.locator('canvas').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.height).toBeLessThanOrEqual(390 + 1);
    expect(box!.width).toBeLessThanOrEqual(844 + 1);
    await screenshot(page, 'phone-landscape-playing');
  });
});
