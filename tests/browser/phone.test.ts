// The built game on phone-sized touch screens (a Pixel-sized and an iPhone-sized viewport, with
// their device scale factors): tap to start, steer with swipes and the d-pad, the portrait and
// landscape layouts (nothing overlaps the maze, nothing scrolls), a rotation mid-game keeps the
// game, and the screen is kept awake while playing, released on pause.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, readLive, screenshot, waitForLive, watchErrors } from './chromium';

const SCORE_WITHOUT_STEERING = 70;

export const PHONES = [
  { name: 'pixel', width: 412, height: 915, deviceScaleFactor: 2.625 },
  { name: 'iphone', width: 390, height: 844, deviceScaleFactor: 3 },
] as const;

type Box = { x: number; y: number; width: number; height: number };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

/** A fake Screen Wake Lock that logs what the game asks for (headless has no screen to keep). */
function fakeWakeLock(): void {
  const log: string[] = [];
  (window as unknown as { __wakeLog: string[] }).__wakeLog = log;
  const wakeLock = {
    request: async (type: string) => {
      log.push(`request ${type}`);
      let released = false;
      return {
        get released() {
          return released;
        },
        release: async () => {
          released = true;
          log.push('release');
        },
      };
    },
  };
  Object.defineProperty(Navigator.prototype, 'wakeLock', { get: () => wakeLock });
}

async function wakeLog(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __wakeLog: string[] }).__wakeLog);
}

async function tapToStart(): Promise<void> {
  const box = await boxOf('canvas');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await waitForLive(page, 'game-state', (s) => s === 'playing');
}

async function boxOf(selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

/** A real touch gesture through the browser's input pipeline (touchstart, moves, touchend). */
async function swipe(dx: number, dy: number): Promise<void> {
  const box = await boxOf('canvas');
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

function overlaps(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 &&
    b.x < a.x + a.width - 0.5 &&
    a.y < b.y + b.height - 0.5 &&
    b.y < a.y + a.height - 0.5
  );
}

/** The page neither scrolls nor is zoomed, and the maze is whole on screen. */
async function expectFixedPage(width: number, height: number): Promise<void> {
  const page_ = await page.evaluate(() => ({
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    zoom: window.visualViewport?.scale ?? 1,
    overscroll: getComputedStyle(document.body).overscrollBehaviorY,
    touchAction: getComputedStyle(document.getElementById('game')!).touchAction,
  }));
  expect(page_).toMatchObject({ scrollX: 0, scrollY: 0, zoom: 1, overscroll: 'none' });
  expect(page_.touchAction).toBe('none');
  expect(page_.scrollWidth).toBeLessThanOrEqual(width);
  expect(page_.scrollHeight).toBeLessThanOrEqual(height);
  const canvas = await boxOf('canvas');
  expect(canvas.x).toBeGreaterThanOrEqual(-0.5);
  expect(canvas.y).toBeGreaterThanOrEqual(-0.5);
  expect(canvas.x + canvas.width).toBeLessThanOrEqual(width + 0.5);
  expect(canvas.y + canvas.height).toBeLessThanOrEqual(height + 0.5);
}

/** No control lies over the maze: the d-pad, pause and the buttons sit beside it. */
async function expectControlsBesideMaze(): Promise<void> {
  const canvas = await boxOf('canvas');
  for (const id of ['dpad-up', 'dpad-left', 'dpad-down', 'dpad-right', 'dpad-pause']) {
    const control = await boxOf(`[data-testid="${id}"]`);
    expect(overlaps(control, canvas), `${id} overlaps the maze`).toBe(false);
  }
}

describe.each(PHONES)('on a $name-sized phone ($width x $height)', (phone) => {
  // A browser per phone: many large WebGL canvases in one software-rendered browser slow it.
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      viewport: { width: phone.width, height: phone.height },
      deviceScaleFactor: phone.deviceScaleFactor,
      isMobile: true,
      hasTouch: true,
    });
    await context.addInitScript(fakeWakeLock);
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto(inject('gameUrl'));
    await waitForLive(page, 'game-state', (s) => s === 'menu');
  });
  afterEach(async () => {
    await context.close();
    expect(errors).toEqual([]);
  });

  it('portrait: maze on top, d-pad below; starts with a tap and steers with the d-pad', async () => {
    await screenshot(page, `${phone.name}-portrait-menu`);
    for (const id of ['dpad-up', 'dpad-left', 'dpad-down', 'dpad-right', 'dpad-pause']) {
      await expect.poll(() => page.getByTestId(id).isVisible()).toBe(true);
    }
    await expectFixedPage(phone.width, phone.height);
    await expectControlsBesideMaze();
    const canvas = await boxOf('canvas');
    const cross = await boxOf('.hc-dpad__cross');
    expect(cross.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 0.5);
    // The maze gets the full width.
    expect(canvas.width).toBeGreaterThan(phone.width - 2);
    // Each menu choice is a finger's target: 44 CSS px high or more, one under the other.
    const rows: Box[] = [];
    for (const id of ['choice-head', 'choice-keys', 'choice-settings'])
      rows.push(await boxOf(`[data-testid="${id}"]`));
    for (const [i, row] of rows.entries()) {
      expect(row.height, `${phone.name} menu row ${i}`).toBeGreaterThanOrEqual(44);
      if (i > 0)
        expect(row.y).toBeGreaterThanOrEqual(
          (rows[i - 1] as Box).y + (rows[i - 1] as Box).height - 0.5,
        );
    }

    await tapToStart();
    // Past the dead-end corridor at column 12, "up" waits for the long corridor at column 6.
    await waitForLive(page, 'score', (s) => Number(s) >= 50, 20_000);
    await page.getByTestId('dpad-up').tap();
    expect(await readLive(page, 'direction')).toBe('up');
    await waitForLive(page, 'score', (s) => Number(s) > SCORE_WITHOUT_STEERING + 30, 20_000);
    await screenshot(page, `${phone.name}-portrait-playing`);
    await page.getByTestId('dpad-right').tap();
    expect(await readLive(page, 'direction')).toBe('right');
    await expectFixedPage(phone.width, phone.height);
  });

  it('steers with swipes in every direction, and the page never moves', async () => {
    await tapToStart();
    await swipe(0, -120);
    await waitForLive(page, 'direction', (s) => s === 'up', 5_000);
    await swipe(120, 0);
    await waitForLive(page, 'direction', (s) => s === 'right', 5_000);
    await swipe(0, 120);
    await waitForLive(page, 'direction', (s) => s === 'down', 5_000);
    await swipe(-120, 0);
    await waitForLive(page, 'direction', (s) => s === 'left', 5_000);
    // A long downward drag (the pull-to-refresh gesture) neither scrolls nor reloads the page.
    await swipe(0, 300);
    await expectFixedPage(phone.width, phone.height);
    expect(await readLive(page, 'game-state')).toBe('playing');
  });

  it('landscape: side by side; a rotation mid-game keeps the game', async () => {
    await tapToStart();
    await waitForLive(page, 'score', (s) => Number(s) >= 30, 45_000);
    const before = {
      score: Number(await readLive(page, 'score')),
      lives: await readLive(page, 'lives'),
      level: await readLive(page, 'level'),
    };
    // Rotate: the viewport turns, the game goes on where it was.
    await page.setViewportSize({ width: phone.height, height: phone.width });
    await page.waitForTimeout(300);
    expect(await readLive(page, 'game-state')).toBe('playing');
    expect(await readLive(page, 'lives')).toBe(before.lives);
    expect(await readLive(page, 'level')).toBe(before.level);
    // Nothing was reset: the score is where it was or beyond (without steering the hero stops
    // at a wall after 70 points, so it need not rise).
    expect(Number(await readLive(page, 'score'))).toBeGreaterThanOrEqual(before.score);
    await expectFixedPage(phone.height, phone.width);
    await expectControlsBesideMaze();
    const canvas = await boxOf('canvas');
    const cross = await boxOf('.hc-dpad__cross');
    const pause = await boxOf('[data-testid="dpad-pause"]');
    expect(cross.x).toBeGreaterThanOrEqual(canvas.x + canvas.width - 0.5);
    expect(pause.x + pause.width).toBeLessThanOrEqual(canvas.x + 0.5);
    expect(canvas.height).toBeGreaterThan(phone.width - 2);
    await page.getByTestId('dpad-up').tap();
    expect(await readLive(page, 'direction')).toBe('up');
    await screenshot(page, `${phone.name}-landscape-playing`);
    // And back to portrait.
    await page.setViewportSize({ width: phone.width, height: phone.height });
    await page.waitForTimeout(300);
    expect(await readLive(page, 'game-state')).toBe('playing');
    expect(await readLive(page, 'lives')).toBe(before.lives);
    await expectFixedPage(phone.width, phone.height);
  });

  it('keeps the screen awake while playing and lets it sleep on pause', async () => {
    expect(await wakeLog()).toEqual([]);
    await tapToStart();
    await expect.poll(wakeLog).toEqual(['request screen']);
    await page.getByTestId('dpad-pause').tap();
    await waitForLive(page, 'game-state', (s) => s === 'paused');
    await expect.poll(wakeLog).toEqual(['request screen', 'release']);
    await screenshot(page, `${phone.name}-portrait-paused`);
    // The pause screen's choices take a tap on their row: Resume (Quit sits under it).
    await page.getByTestId('choice-resume').tap();
    await waitForLive(page, 'game-state', (s) => s === 'playing');
    await expect.poll(wakeLog).toEqual(['request screen', 'release', 'request screen']);
  });
});
