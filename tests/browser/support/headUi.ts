// Driving the head-control UI the way a player does: the calibration screen's controls (by the
// data-testids the head-control issue names) and the live region's head fields.
import type { Page } from 'playwright-core';
import { readLive, waitForLive } from '../chromium';
import { POSES, type Pose } from './fakeCamera';

export { POSES, type Pose };

/** The direction a pose asks for; neutral asks for nothing. */
export function directionOf(pose: Pose): string | null {
  return pose === 'neutral' ? null : pose;
}

export async function readCount(page: Page, pose: Pose): Promise<number> {
  const text = (await page.getByTestId(`count-${pose}`).textContent()) ?? '';
  const match = /\d+/.exec(text);
  if (!match) throw new Error(`count-${pose} shows no number: "${text}"`);
  return Number(match[0]);
}

export async function readCounts(page: Page): Promise<Record<Pose, number>> {
  const counts = {} as Record<Pose, number>;
  for (const pose of POSES) counts[pose] = await readCount(page, pose);
  return counts;
}

/** Polls until `read` satisfies `accept`; the failure names what was seen last. */
export async function waitUntil<T>(
  page: Page,
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) {
      const status = await readLive(page, 'head-status').catch(() => '?');
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}; ` +
          `head-status: "${status}"`,
      );
    }
    await page.waitForTimeout(100);
    last = await read();
  }
  return last;
}

export async function isCalibrationOpen(page: Page): Promise<boolean> {
  return page
    .getByTestId('record-neutral')
    .isVisible()
    .catch(() => false);
}

/** Opens the calibration screen from the menu with its key (C). */
export async function openCalibration(page: Page): Promise<void> {
  if (await isCalibrationOpen(page)) return;
  await waitForLive(page, 'game-state', (s) => s === 'menu');
  await page.keyboard.press('KeyC');
  await waitUntil(page, 'the calibration screen', () => isCalibrationOpen(page), Boolean, 10_000);
}

/**
 * Holds a control down with the mouse (pointerdown ... pointerup on it) for `ms`, calling
 * `during` once it is down.
 */
export async function hold(
  page: Page,
  testId: string,
  ms: number,
  during?: () => Promise<void>,
): Promise<void> {
  const control = page.getByTestId(testId);
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const started = Date.now();
  await page.mouse.down();
  try {
    await during?.();
    await page.waitForTimeout(Math.max(0, ms - (Date.now() - started)));
  } finally {
    await page.mouse.up();
  }
}

/**
 * Imports a calibration file's text through the calibration screen and waits for head
 * control to come on with it, then back to the menu (Escape).
 */
export async function importCalibration(page: Page, text: string): Promise<void> {
  await openCalibration(page);
  await page.getByTestId('import-calibration').setInputFiles({
    name: 'calibration.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await waitForLive(page, 'head-status', (s) => /Head control on/.test(s), 90_000);
  await page.keyboard.press('Escape');
  await waitForLive(page, 'game-state', (s) => s === 'menu');
}
