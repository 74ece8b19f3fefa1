/**
 * A desktop game session for the browser tests that need a camera but no clip: Chromium's own
 * synthetic camera, a fresh context (its own storage), CSP violations, page errors and every
 * request watched, and the game open on its menu, ready for keys.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium, waitForLive, watchCspViolations, watchErrors } from '../chromium';

/** A Chromium whose synthetic camera is granted without a prompt. */
export function launchWithSyntheticCamera(): Promise<Browser> {
  return launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
}

export interface GameSession {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

export interface SessionOptions {
  /** Appended to the game's address: a query such as '?headBackend=webgl'. */
  readonly path?: string;
  /** Routes and init scripts, before the game loads. */
  readonly setup?: (context: BrowserContext) => Promise<void>;
  readonly serviceWorkers?: 'allow' | 'block';
}

export async function openGameSession(
  browser: Browser,
  { path = '', setup, serviceWorkers = 'allow' }: SessionOptions = {},
): Promise<GameSession> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers,
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await watchCspViolations(context);
  await setup?.(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(path, inject('gameUrl')).href);
  // The menu hears keys from the moment it says "menu" (see gameKeys.ts).
  await waitForLive(page, 'game-state', (s) => s === 'menu');
  return { context, page, errors, requests };
}
