// The built game in a real Chromium on a desktop-sized window, played with the keyboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from 'vitest';
import {
  launchChromium,
  readLive,
  readNumber,
  screenshot,
  waitForLive,
  watchErrors,
} from './chromium';

// With no input the hero runs left along its starting row, eats 7 dots (70 points) and stops
// against the wall: any score beyond that proves the player's steering reached the hero.
const SCORE_WITHOUT_STEERING = 70;

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = watchErrors(page);
  await page.goto(inject('gameUrl'));
  await waitForLive(page, 'game-state', (s) => s === 'menu');
});
afterEach(async () => {
  await page.close();
  expect(errors).toEqual([]);
});

async function startWithKeyboard(): Promise<void> {
  await page.keyboard.press('Enter');
  await waitForLive(page, 'game-state', (s) => s === 'playing');
}

describe('desktop play with the keyboard', () => {
  it('starts from the menu with Enter, steers with arrows and WASD, and the score rises', async () => {
    await screenshot(page, 'desktop-menu');
    expect(await readNumber(page, 'score')).toBe(0);
    expect(await readNumber(page, 'lives')).toBe(3);
    expect(await readNumber(page, 'level')).toBe(1);
    await startWithKeyboard();

    // The hero runs left on its own. Once it has passed the short dead-end corridor at column
    // 12, ask for "up": the request is buffered until the long corridor at column 6 opens.
    await waitForLive(page, 'score', (s) => Number(s) >= 50, 20_000);
    await page.keyboard.press('ArrowUp');
    expect(await readLive(page, 'direction')).toBe('up');
    const score = await waitForLive(
      page,
      'score',
      (s) => Number(s) > SCORE_WITHOUT_STEERING + 30,
      20_000,
    );
    expect(Number(score)).toBeGreaterThan(SCORE_WITHOUT_STEERING);
    await screenshot(page, 'desktop-playing');

    await page.keyboard.press('KeyD');
    expect(await readLive(page, 'direction')).toBe('right');
    await page.keyboard.press('KeyS');
    expect(await readLive(page, 'direction')).toBe('down');
  });

  it('pauses with Esc and P, and freezes the score while paused', async () => {
    await startWithKeyboard();
    await page.keyboard.press('Escape');
    await waitForLive(page, 'game-state', (s) => s === 'paused');
    const frozen = await readNumber(page, 'score');
    await page.waitForTimeout(1500);
    expect(await readNumber(page, 'score')).toBe(frozen);
    await screenshot(page, 'desktop-paused');
    await page.keyboard.press('KeyP');
    await waitForLive(page, 'game-state', (s) => s === 'playing');
  });

  it('pauses by itself when the tab is hidden or the window loses focus', async () => {
    await startWithKeyboard();
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitForLive(page, 'game-state', (s) => s === 'paused');
    const frozen = await readNumber(page, 'score');
    await page.waitForTimeout(1000);
    expect(await readNumber(page, 'score')).toBe(frozen);

    // Coming back does not throw the player into play: they resume when ready.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      Object.defineProperty(document, 'hidden', { value: false, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(300);
    expect(await readLive(page, 'game-state')).toBe('paused');
    await page.keyboard.press('KeyP');
    await waitForLive(page, 'game-state', (s) => s === 'playing');

    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await waitForLive(page, 'game-state', (s) => s === 'paused');
  });

  it('loses every life with no input and reaches game over with the score kept', async () => {
    await startWithKeyboard();
    await waitForLive(page, 'lives', (s) => Number(s) === 2, 60_000);
    await waitForLive(page, 'game-state', (s) => s === 'over', 150_000);
    expect(await readNumber(page, 'lives')).toBe(0);
    const finalScore = await readNumber(page, 'score');
    expect(finalScore).toBeGreaterThan(0);
    await screenshot(page, 'desktop-game-over');

    // The score made it into the high-score table, which survives a reload.
    await page.reload();
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    const table = await page.evaluate(() => localStorage.getItem('headchomp.highScores') ?? '');
    expect(table).toContain(String(finalScore));
  });
});
