// Moving between the game's screens with keys. Every screen says its `game-state` from its own
// create, when it already hears keys, so a key sent once that state shows is never lost: no
// test sleeps before a key or presses it twice. (Two states used to come early: the page's
// static "menu" before the menu existed, and "paused" before the pause overlay did.)
import type { Page } from 'playwright-core';
import { waitForLive } from '../chromium';

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
  await waitForLive(page, 'game-state', (s) => s === to, 10_000);
}

/** From play or the pause screen, back to the menu: Escape (if playing), then Backspace. */
export async function quitToMenu(page: Page): Promise<void> {
  const state = await waitForLive(page, 'game-state', (s) => s === 'playing' || s === 'paused');
  if (state === 'playing') await pressOn(page, 'playing', 'Escape', 'paused');
  await pressOn(page, 'paused', 'Backspace', 'menu');
}
