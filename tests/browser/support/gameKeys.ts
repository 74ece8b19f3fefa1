// Moving between the game's screens with keys. Every screen says its `game-state` from its own
// create, when it already hears keys, so a key sent once that state shows is never lost: no
// test sleeps before a key or presses it twice. (Two states used to come early: the page's
// static "menu" before the menu existed, and "paused" before the pause overlay did.)
import type { Page } from 'playwright-core';
import { screenshot, waitForLive } from '../chromium';

type GameState = 'menu' | 'playing' | 'paused' | 'over' | 'calibrating';

/** On screen `from`, presses `key` and waits for the screen it leads to. */
export async function pressOn(
  page: Page,
  from: GameState,
  key: string,
  to: GameState,
): Promise<void> {
  await waitForLive(page, 'game-state', (s) => s === from);
  await page.keyboard.press(key);
  try {
    await waitForLive(page, 'game-state', (s) => s === to, 10_000);
  } catch (error) {
    throw new Error(`${key} on ${from} did not lead to ${to}: ${await whereKeysWent(page)}`, {
      cause: error,
    });
  }
}

/** What had the keyboard and what the screen said, for a key that went nowhere. */
async function whereKeysWent(page: Page): Promise<string> {
  await screenshot(page, `key-lost-${Date.now()}`).catch(() => undefined);
  return page
    .evaluate(() => {
      const focused = document.activeElement;
      const name = focused
        ? `${focused.tagName.toLowerCase()}${focused.id ? `#${focused.id}` : ''}`
        : 'nothing';
      const live = [...document.querySelectorAll('[data-testid]')]
        .filter((e) => e.closest('#live-region') !== null || e.tagName === 'SPAN')
        .map((e) => `${e.getAttribute('data-testid')}=${(e.textContent ?? '').trim()}`)
        .join('; ');
      return `focus on ${name}, document ${document.hasFocus() ? 'focused' : 'not focused'}; ${live}`;
    })
    .catch((error: unknown) => `page not readable: ${String(error)}`);
}

/** From play or the pause screen, back to the menu: Escape (if playing), then Backspace. */
export async function quitToMenu(page: Page): Promise<void> {
  const state = await waitForLive(page, 'game-state', (s) => s === 'playing' || s === 'paused');
  if (state === 'playing') await pressOn(page, 'playing', 'Escape', 'paused');
  await pressOn(page, 'paused', 'Backspace', 'menu');
}
