// Installable and offline, in a real Chromium with a Pixel-sized touch screen and a fake
// camera: the manifest has what installing needs (Chromium's own parse of it, and our icons);
// after one visit the service worker is active, and with the network gone a reload still
// starts the game and head control (camera and MobileNet, from the precache); a new version
// deployed while the game is open shows the update prompt, and "Reload" brings it in.
import {
  cpSync,
  createReadStream,
  existsSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchWithFakeCamera, readLive, screenshot, waitForLive, watchErrors } from './chromium';
import { makeFakeCameraClip } from './support/fakeCamera';
import { CALIBRATION_CLIP } from './support/headClips';
import { openCalibration, waitUntil } from './support/headUi';

const PIXEL = { width: 412, height: 915 };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const clip = makeFakeCameraClip(CALIBRATION_CLIP);
  browser = await launchWithFakeCamera(clip.path);
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({
    viewport: PIXEL,
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
  });
  page = await context.newPage();
  errors = watchErrors(page);
});
afterEach(async () => {
  await context.close();
  // Offline, the page may log failed requests for things it does not need; nothing else.
  expect(
    errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)),
  ).toEqual([]);
});

/** Waits until a service worker is active and controls the page. */
async function waitForServiceWorker(): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller === null) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
    return registration.active?.scriptURL ?? '';
  });
}

async function precacheNames(): Promise<string[]> {
  return page.evaluate(async () =>
    (await caches.keys()).filter((key) => key.startsWith('headchomp-precache-')),
  );
}

describe('installable', () => {
  it('has a manifest with a name, icons, start_url, standalone display and colours', async () => {
    await page.goto(inject('gameUrl'));
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: Array<{ message: string; critical: number }>;
      data?: string;
    };
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    const data = JSON.parse(manifest.data ?? '{}') as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(data).toMatchObject({
      name: 'HEADCHOMP',
      short_name: 'HEADCHOMP',
      start_url: './',
      display: 'standalone',
      theme_color: '#05060f',
      background_color: '#05060f',
    });
    // Chromium's own installability check (it runs without a network request of its own).
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    // A Playwright context is an incognito profile: the one error that cannot be avoided.
    const blocking = installability.installabilityErrors
      .map((e) => e.errorId)
      .filter((id) => id !== 'in-incognito');
    expect(blocking).toEqual([]);
    await cdp.detach();

    // Our icons: real PNGs of the sizes they claim, a maskable one among them.
    const sizes = new Set<string>();
    for (const icon of data.icons) {
      const response = await page.request.get(new URL(icon.src, manifest.url).href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('image/png');
      const png = PNG.sync.read(await response.body());
      expect(`${png.width}x${png.height}`).toBe(icon.sizes);
      sizes.add(`${icon.sizes} ${icon.purpose ?? 'any'}`);
    }
    expect([...sizes]).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    // The page links it, with an iOS home-screen icon and theme colour beside it.
    expect(await page.locator('link[rel="apple-touch-icon"]').count()).toBe(1);
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#05060f');
  });
});

describe('offline', () => {
  it('after one visit, the game and head control start with no network', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(inject('gameUrl'));
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    expect(await waitForServiceWorker()).toMatch(/\/sw\.js$/);
    expect(await precacheNames()).toHaveLength(1);

    await context.setOffline(true);
    // Really offline: a file that is not precached cannot be fetched.
    const reachable = await page.evaluate(() =>
      fetch(`./not-precached-${Date.now()}.txt`).then(
        () => true,
        () => false,
      ),
    );
    expect(reachable).toBe(false);

    await page.reload();
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // Head control: the camera opens and MobileNet loads from the precache.
    await openCalibration(page);
    await waitUntil(
      page,
      'camera and model ready, offline',
      () => readLive(page, 'head-status'),
      (status) => /Camera and model ready/.test(status),
      90_000,
    );
    await screenshot(page, 'pixel-offline-calibration');
    await page.keyboard.press('Escape');
    // The game itself.
    const canvas = await page.locator('canvas').boundingBox();
    if (!canvas) throw new Error('no game canvas');
    await page.touchscreen.tap(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await waitForLive(page, 'game-state', (s) => s === 'playing');
    await waitForLive(page, 'score', (s) => Number(s) > 0, 20_000);
    // Every request of the session stayed on the page's own origin.
    const origin = new URL(inject('gameUrl')).origin;
    expect(
      requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin),
    ).toEqual([]);
  });
});

/**
 * A plain static server for a copy of dist/ (no caching, so a changed sw.js is seen). While
 * `cutShort(path)` says so, a file is sent cut to half its length, as a broken proxy or an
 * interrupted download would.
 */
function serveFolder(
  dir: string,
  cutShort: (path: string) => boolean = () => false,
): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.webmanifest': 'application/manifest+json',
    '.png': 'image/png',
    '.svg': 'image/svg+xml',
    '.wasm': 'application/wasm',
  };
  const server = createServer((req, res) => {
    let path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-store');
    if (cutShort(path)) {
      const whole = readFileSync(file);
      res.end(whole.subarray(0, Math.floor(whole.length / 2)));
      return;
    }
    res.setHeader('Content-Length', String(statSync(file).size));
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe('a damaged download', () => {
  it('is never precached: Retry loads the model once the server is fixed, and the worker installs', async () => {
    const dir = resolve('test-results/dist-damaged');
    rmSync(dir, { recursive: true, force: true });
    cpSync(resolve('dist'), dir, { recursive: true });
    let broken = true;
    const server = await serveFolder(
      dir,
      (path) => broken && /\/models\/mobilenet\/group1-shard/.test(path),
    );
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      await page.goto(url);
      await waitForLive(page, 'game-state', (s) => s === 'menu');
      await openCalibration(page);
      const status = await waitForLive(
        page,
        'head-status',
        (s) => /could not be loaded/.test(s),
        60_000,
      );
      expect(status).toMatch(/shard.*(truncated|corrupted)/i);
      // The worker's install has ended, and failed: no precache, no worker in control.
      const install = await page.evaluate(async () => {
        // Polled for 2 s at least: the registration may not have begun at first.
        for (let i = 0; i < 150; i++) {
          const registration = await navigator.serviceWorker.getRegistration();
          if (registration?.active) return 'a worker is active';
          const busy = registration?.installing ?? registration?.waiting ?? null;
          if (busy === null && i >= 10) return 'failed';
          await new Promise((done) => setTimeout(done, 200));
        }
        return 'still installing';
      });
      expect(install).toBe('failed');
      expect(await precacheNames()).toEqual([]);
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

      broken = false;
      await page.getByTestId('head-retry').tap();
      await waitForLive(page, 'head-status', (s) => /Camera and model ready/.test(s), 90_000);
      // Next visit the worker installs, with the whole shard.
      await page.reload();
      await waitForLive(page, 'game-state', (s) => s === 'menu');
      await waitForServiceWorker();
      const shardBytes = await page.evaluate(async () => {
        const [name] = (await caches.keys()).filter((key) => key.startsWith('headchomp-precache-'));
        const cache = await caches.open(name ?? '');
        const keys = await cache.keys();
        const shard = keys.find((request) => /group1-shard/.test(request.url));
        return shard ? (await (await cache.match(shard))?.arrayBuffer())?.byteLength : -1;
      });
      expect(shardBytes).toBe(statSync(join(dir, 'models/mobilenet/group1-shard1of1')).size);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('updates', () => {
  it('offers a new version with a prompt; Reload brings it in', async () => {
    const dir = resolve('test-results/dist-update');
    rmSync(dir, { recursive: true, force: true });
    cpSync(resolve('dist'), dir, { recursive: true });
    const server = await serveFolder(dir);
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      await page.goto(url);
      await waitForLive(page, 'game-state', (s) => s === 'menu');
      await waitForServiceWorker();
      const [first] = await precacheNames();
      expect(page.getByTestId('update-prompt')).toBeDefined();
      expect(await page.getByTestId('update-prompt').count()).toBe(0);

      // Deploy a new version: the worker's version changes.
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      const next = sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "0000$1"');
      expect(next).not.toBe(sw);
      writeFileSync(join(dir, 'sw.js'), next);
      // The browser is asked to look for a new version from a second, still page of the game's
      // origin. Asked from the game's own page, Chromium held the check for up to 60 s: while a
      // page draws every frame (the menu animates) on a busy two-core machine the check waited,
      // and it ran within 2 s once that page stopped drawing, or from a page that does not draw.
      // The prompt under test still appears in the game's page, from its own registration.
      writeFileSync(join(dir, 'still.html'), '<!doctype html><title>still</title>');
      const still = await context.newPage();
      await still.goto(`${url}still.html`);
      await still.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await still.close();
      await expect
        .poll(() => page.getByTestId('update-prompt').isVisible(), { timeout: 60_000 })
        .toBe(true);
      await screenshot(page, 'pixel-update-prompt');
      // The game keeps running untouched until the player says so.
      expect(await readLive(page, 'game-state')).toBe('menu');
      await page.evaluate(() => {
        (window as unknown as { __beforeUpdate: boolean }).__beforeUpdate = true;
      });
      await page.getByTestId('update-reload').tap();
      // The reload waits for the new worker to take over (it drops the old precache first):
      // over a second now and then while another test file plays beside this one (CI, 2 cores).
      await expect
        .poll(
          () =>
            page
              .evaluate(() => !(window as unknown as { __beforeUpdate?: boolean }).__beforeUpdate)
              .catch(() => false),
          { timeout: 20_000 },
        )
        .toBe(true);
      await waitForLive(page, 'game-state', (s) => s === 'menu');
      const names = await precacheNames();
      expect(names).toHaveLength(1);
      expect(names[0]).not.toBe(first);
      expect(names[0]).toMatch(/^headchomp-precache-0000/);
      expect(await page.getByTestId('update-prompt').count()).toBe(0);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
