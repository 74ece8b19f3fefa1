// Launches the machine's real Chromium (Debian's package) through playwright-core, and reads
// the game's accessible live region, which mirrors score, lives, level, state and direction.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function chromiumPath(): string {
  const found = CANDIDATES.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian: `apt-get install chromium`) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

/** Flags that keep a headless Chromium quiet on a machine without internet. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...QUIET_FLAGS, ...extraArgs] });
}

/**
 * A Chromium whose only camera plays `clipPath` (an absolute path to a 4:2:0 y4m, looped from
 * the moment the page opens the camera), with camera permission granted without a prompt.
 */
export function launchWithFakeCamera(clipPath: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${clipPath}`,
  ]);
}

/** A Chromium with a camera present whose permission prompt is answered "block". */
export function launchWithCameraDenied(): Promise<Browser> {
  return launchChromium(['--use-fake-device-for-media-stream', '--deny-permission-prompts']);
}

export type LiveField =
  | 'score'
  | 'lives'
  | 'level'
  | 'game-state'
  | 'direction'
  | 'head-pose'
  | 'head-status'
  | 'dwell'
  | 'head-hint';

export async function readLive(page: Page, field: LiveField): Promise<string> {
  return (await page.getByTestId(field).textContent())?.trim() ?? '';
}

export async function readNumber(page: Page, field: 'score' | 'lives' | 'level'): Promise<number> {
  const text = await readLive(page, field);
  const value = Number(text.replace(/[^0-9-]/g, ''));
  if (!Number.isFinite(value) || text === '') throw new Error(`${field} is not a number: ${text}`);
  return value;
}

/** Waits until a live-region field satisfies a condition, polling the DOM. */
export async function waitForLive(
  page: Page,
  field: LiveField,
  accept: (value: string) => boolean,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await readLive(page, field);
    if (accept(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${field}; last value: "${last}"`);
}

/** Collects console errors and uncaught exceptions, so a test can insist there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/**
 * Records every Content-Security-Policy violation the pages of `context` report (the built
 * game carries a strict policy): read them with `readCspViolations`.
 */
export async function watchCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
}

export async function readCspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['not watched'],
  );
}
