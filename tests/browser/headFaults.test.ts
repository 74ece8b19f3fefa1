// Faults that head control survives while it steers, one test each, in the built game: the
// camera ending mid-game, the face finder missing, head tracking's WebGL context lost, a slow
// device. The player reads a clear message and head control goes on (or the keys play). These
// run one file at a time (vitest.config.ts): they time how head control answers. The faults
// the keys survive are in faults.test.ts.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readLive, screenshot, waitForLive } from './chromium';
import { quitToMenu } from './support/gameKeys';
import { openCalibration, readCounts, waitUntil } from './support/headUi';
import {
  alertText,
  calibrateAndPlay,
  closeGame,
  faultGames,
  importText,
  keysStillPlay,
} from './support/faultGame';
import { syntheticCalibration } from './support/syntheticCalibration';

const { openGame } = faultGames();

describe('camera faults while steering', () => {
  it('track ended mid-game: head control pauses, offers to resume, resumes', async () => {
    const game = await openGame();
    const { page } = game;
    await calibrateAndPlay(page);
    // The camera goes away under the game (as when unplugged).
    await page.evaluate(() => {
      const video = document.querySelector('video');
      const stream = video?.srcObject as MediaStream | null;
      for (const track of stream?.getTracks() ?? []) track.stop();
    });
    const status = await waitForLive(page, 'head-status', (s) => /camera stopped/i.test(s));
    expect(status).toMatch(/keys/i);
    expect(await alertText(page)).toMatch(/camera stopped/i);
    expect(await page.getByTestId('head-retry').textContent()).toMatch(/resume/i);
    expect(await readLive(page, 'game-state')).toBe('playing');
    await keysStillPlay(page);
    await page.getByTestId('head-retry').click();
    await waitForLive(page, 'head-status', (s) => /Head control on/.test(s), 30_000);
    expect(await page.getByTestId('head-alert').isHidden()).toBe(true);
    await closeGame(game);
  });
});

describe('face finder faults', () => {
  it('the face detector answers 404: head control reads the middle of the picture and says so; Retry brings it back', async () => {
    let broken = true;
    const game = await openGame(async (context) => {
      await context.route('**/models/face-detector/model.json', async (route) => {
        if (!broken) return route.continue();
        return route.fulfill({ status: 404, body: 'not found' });
      });
    }, 'block');
    const { page } = game;
    await openCalibration(page);
    await importText(page, syntheticCalibration(5));
    const status = await waitForLive(
      page,
      'head-status',
      (s) => /face finder did not load/.test(s),
      60_000,
    );
    expect(status).toMatch(
      /^Head control on \(\w+\), reading the middle of the picture: sit centred/,
    );
    expect(status).toMatch(/404/);
    // The calibration's report does not claim that shots show a face it never looked for.
    await expect
      .poll(() => page.getByTestId('calibration-quality').textContent(), { timeout: 10_000 })
      .toMatch(/face finder is not running: new shots are read from the middle of the picture/);
    await page.getByTestId('calibration-done').click();
    await waitForLive(page, 'game-state', (s) => s === 'playing');
    expect(await alertText(page)).toMatch(/face finder did not load/);
    broken = false;
    await page.getByTestId('head-retry').click();
    await waitForLive(
      page,
      'head-status',
      (s) => /^Head control on/.test(s) && !/face finder/.test(s),
      60_000,
    );
    await closeGame(game, /Failed to load resource/);
  });
});

describe('head tracking under strain', () => {
  it('TF.js WebGL context lost: head control moves to wasm with every shot, and steers on', async () => {
    // Every WebGL context the inference worker makes is noted, so the test can lose it with the
    // real WEBGL_lose_context extension (tfjs makes its context on an OffscreenCanvas there).
    const noteContexts = (context: BrowserContext): Promise<void> => {
      context.on('page', (page) =>
        page.on('worker', (worker) => {
          void worker
            .evaluate(() => {
              const scope = self as unknown as { __webgl: WebGLRenderingContext[] };
              scope.__webgl = [];
              const original = OffscreenCanvas.prototype.getContext;
              OffscreenCanvas.prototype.getContext = function (
                this: OffscreenCanvas,
                ...args: Parameters<typeof original>
              ) {
                const made = original.apply(this, args);
                if (/webgl/.test(String(args[0])) && made !== null) {
                  scope.__webgl.push(made as unknown as WebGLRenderingContext);
                }
                return made;
              } as typeof original;
            })
            .catch(() => {}); // a worker that ends first (the service worker's) has nothing to patch
        }),
      );
      return Promise.resolve();
    };
    const game = await openGame(noteContexts, 'allow', '?headBackend=webgl');
    const { page } = game;
    // A game started with keys: Chromium's own camera shows no face, and a head game would
    // pause itself after 2 s without one (when depends on how fast frames come: a race).
    const countsBefore = await calibrateAndPlay(page, /Head control on \(webgl\)/, 90_000, 'keys');
    await page.keyboard.press('F2');
    const overlay = async (): Promise<string> =>
      (await page.getByTestId('debug-overlay').textContent()) ?? '';

    const lost = await Promise.all(
      page.workers().map((worker) =>
        worker.evaluate(() => {
          const contexts = (self as unknown as { __webgl?: WebGLRenderingContext[] }).__webgl;
          let count = 0;
          for (const gl of contexts ?? []) {
            const extension = gl.isContextLost() ? null : gl.getExtension('WEBGL_lose_context');
            if (extension) {
              extension.loseContext();
              count++;
            }
          }
          return count;
        }),
      ),
    );
    expect(lost.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);

    await waitForLive(page, 'head-status', (s) => /Head control on \(wasm\)/.test(s), 60_000);
    // The overlay redraws four times a second: wait for it to catch up with head-status.
    await waitUntil(
      page,
      'the overlay to say wasm, and why not webgl',
      overlay,
      (t) => /backend\s+wasm/.test(t) && /not used\s+webgl: the WebGL context was lost/.test(t),
      10_000,
    );
    await page.waitForTimeout(3_000);
    const perSecond = Number(/predict\/s\s+(\d+)/.exec(await overlay())?.[1] ?? NaN);
    expect(perSecond).toBeGreaterThan(0);
    await screenshot(page, 'fault-tfjs-webgl-lost');
    await keysStillPlay(page);
    // Not a shot lost.
    await quitToMenu(page);
    await openCalibration(page);
    expect(await readCounts(page)).toEqual(countsBefore);
    await closeGame(game, /WebGL|context lost/i);
  });

  it('slow device (CPU throttled 6x): head control keeps predicting, the game keeps running', async () => {
    const game = await openGame();
    const { page } = game;
    // A game with keys: Chromium's own fake camera shows no face, so a game played with the
    // head would pause itself ("we can't see you"); head control still reads every frame.
    await calibrateAndPlay(page, /Head control on/, 60_000, 'keys');
    await page.keyboard.press('F2');
    const perSecond = async (): Promise<number> => {
      const text = (await page.getByTestId('debug-overlay').textContent()) ?? '';
      return Number(/predict\/s\s+(\d+)/.exec(text)?.[1] ?? NaN);
    };
    // The best rate over 8 s: the rate governor may be holding predictions back for one of
    // its experiments at any single moment.
    const bestRate = async (): Promise<number> => {
      let best = 0;
      for (let i = 0; i < 8; i++) {
        await page.waitForTimeout(1_000);
        best = Math.max(best, await perSecond());
      }
      return best;
    };
    await page.waitForTimeout(2_000);
    const fast = await bestRate();
    const cdp = await game.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.waitForTimeout(4_000);
    const slow = await bestRate();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(fast).toBeGreaterThan(0);
    // Head control still works. Chromium throttles the page's thread only: where the worker
    // reads the camera itself (MediaStreamTrackProcessor) predictions no longer wait for the
    // page, so they need not come less often (bench/browser/throttle.ts).
    expect(slow).toBeGreaterThan(0);
    expect(await readLive(page, 'game-state')).toMatch(/playing|over/);
    await closeGame(game);
  });
});
