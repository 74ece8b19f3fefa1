// Hands-free calibration on a phone: a Pixel-sized touch screen whose front camera is a clip of
// a real person (Pointing'04). One tap on the head button and one on "Hands-free" — then
// nothing touches the screen while the countdown records every pose in turn, until Play is
// offered. Then the switch-camera button (with a stand-in second camera), the calibration
// screen in landscape, and Play.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithFakeCamera, readLive, screenshot, waitForLive, watchErrors } from './chromium';
import { makeFakeCameraClip } from './support/fakeCamera';
import { CALIBRATION_CLIP } from './support/headClips';
import { POSES, readCounts, waitUntil } from './support/headUi';

const PIXEL = { width: 412, height: 915 };
const MIN_SHOTS = 5;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const clip = makeFakeCameraClip(CALIBRATION_CLIP);
  browser = await launchWithFakeCamera(clip.path);
  context = await browser.newContext({
    viewport: PIXEL,
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
  });
  // Chromium's fake device is one camera; a phone has a front and a back one. A stand-in back
  // camera joins the list and opens the same fake picture, and each request is logged.
  await context.addInitScript(() => {
    const media = navigator.mediaDevices;
    const requested: string[] = [];
    (window as unknown as { __cameraRequests: string[] }).__cameraRequests = requested;
    const enumerate = media.enumerateDevices.bind(media);
    const open = media.getUserMedia.bind(media);
    media.enumerateDevices = async () => {
      const devices = await enumerate();
      const camera = devices.find((d) => d.kind === 'videoinput');
      if (camera === undefined || camera.deviceId === '') return devices;
      const back = {
        deviceId: 'back-camera',
        groupId: 'back',
        kind: 'videoinput',
        label: 'Back camera',
        toJSON: () => ({}),
      } as MediaDeviceInfo;
      return [...devices, back];
    };
    media.getUserMedia = async (constraints) => {
      const video = constraints?.video;
      const id =
        typeof video === 'object' && video.deviceId !== undefined
          ? String((video.deviceId as ConstrainDOMStringParameters).exact ?? video.deviceId)
          : 'default';
      requested.push(id);
      if (id === 'back-camera') return open({ video: true, audio: false });
      return open(constraints);
    };
  });
  page = await context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await browser?.close();
});

async function inViewport(testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width
  );
}

describe('hands-free calibration on a phone', () => {
  it('completes every pose after one tap, without touching the screen again', async () => {
    await page.goto(inject('gameUrl'));
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await page.getByTestId('open-calibration').tap();
    await expect.poll(() => page.getByTestId('hands-free').isVisible()).toBe(true);
    // Reachable without scrolling, on an upright phone.
    expect(await inViewport('hands-free')).toBe(true);
    await waitUntil(
      page,
      'camera and model ready',
      () => readLive(page, 'head-status'),
      (status) => /Camera and model ready/.test(status),
      90_000,
    );
    await page.getByTestId('hands-free').tap();
    await page.waitForTimeout(1_500);
    await screenshot(page, 'pixel-portrait-hands-free-countdown');
    // No more touches: 5 poses x (3 s countdown + 2 s recording), with room for a slow machine.
    const counts = await waitUntil(
      page,
      'every pose recorded hands-free',
      () => readCounts(page),
      (c) => POSES.every((pose) => c[pose] >= MIN_SHOTS),
      120_000,
    );
    for (const pose of POSES) expect(counts[pose]).toBeGreaterThanOrEqual(MIN_SHOTS);
    await expect.poll(() => page.getByTestId('calibration-done').isEnabled()).toBe(true);
    // The last recording ends, and the live test takes the guide's place.
    await expect
      .poll(() => page.locator('.cal-guide-title').textContent(), { timeout: 15_000 })
      .toBe('Try it');
    await screenshot(page, 'pixel-portrait-calibrated');
    expect(errors).toEqual([]);
  });

  it('switches between cameras, shows the screen in landscape, and plays', async () => {
    await expect.poll(() => page.getByTestId('switch-camera').isVisible()).toBe(true);
    await page.getByTestId('switch-camera').tap();
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __cameraRequests: string[] }).__cameraRequests),
      )
      .toContain('back-camera');
    await waitUntil(
      page,
      'head control back on the other camera',
      () => readLive(page, 'head-status'),
      (status) => /Head control on|Camera and model ready/.test(status),
      30_000,
    );

    await page.setViewportSize({ width: PIXEL.height, height: PIXEL.width });
    await page.waitForTimeout(500);
    await screenshot(page, 'pixel-landscape-calibration');
    const play = page.getByTestId('calibration-done');
    await play.scrollIntoViewIfNeeded();
    await play.tap();
    await waitForLive(page, 'game-state', (s) => s === 'playing', 30_000);
    await page.waitForTimeout(1_000);
    await screenshot(page, 'pixel-landscape-playing-head');
    expect(await page.locator('#head-preview').isVisible()).toBe(true);
    expect(await offScreen(page)).toEqual([]);
    await page.setViewportSize(PIXEL);
    await page.waitForTimeout(500);
    await screenshot(page, 'pixel-portrait-playing-head');
    expect(await offScreen(page)).toEqual([]);
    expect(await readLive(page, 'game-state')).toBe('playing');
    expect(errors).toEqual([]);
  });
});

/** The preview and the head indicator, each named where any of it lies off the screen. */
async function offScreen(page: Page): Promise<string[]> {
  const viewport = page.viewportSize();
  const outside: string[] = [];
  for (const name of ['#head-preview', '[data-testid="head-indicator"]']) {
    const box = await page.locator(name).boundingBox();
    if (box === null || viewport === null) {
      outside.push(`${name} (not shown)`);
      continue;
    }
    const inside =
      box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= viewport.width &&
      box.y + box.height <= viewport.height;
    if (!inside) outside.push(`${name} at ${JSON.stringify(box)}`);
  }
  return outside;
}
