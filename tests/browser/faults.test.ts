// Faults, one test each, in the built game: what goes wrong with the camera, the model files,
// storage, the WebGL context and page visibility. Each time the player reads a clear message
// (the live region's head-status, the head alert banner or the calibration screen's message)
// and the keys still play. Faults are injected in the browser's own APIs by init scripts
// (getUserMedia, IndexedDB, visibility) or by intercepting the model's requests.
// The camera is Chromium's synthetic one: these tests need no clip and no calibration session.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCspViolations, readLive, readNumber, screenshot, waitForLive } from './chromium';
import { openCalibration, readCounts, waitUntil } from './support/headUi';
import {
  launchWithSyntheticCamera,
  openGameSession,
  type GameSession,
} from './support/gameSession';
import { syntheticCalibration } from './support/syntheticCalibration';

const READY = /Camera and model ready|Head control on/;

let browser: Browser;

beforeAll(async () => {
  browser = await launchWithSyntheticCamera();
});

afterAll(async () => {
  await browser?.close();
});

type Game = GameSession;

/** A fresh context (its own storage), with `setup` (routes, init scripts) before the game loads. */
function openGame(
  setup: (context: BrowserContext) => Promise<void> = async () => {},
  serviceWorkers: 'allow' | 'block' = 'allow',
  query = '',
): Promise<Game> {
  return openGameSession(browser, { path: query, setup, serviceWorkers });
}

/** Enter on the menu until the game runs. */
/**
 * A game with keys (K), never Enter: once head control steers, the menu highlights "Play with
 * your head" and Enter would start a head game, which pauses itself 2 s later because
 * Chromium's own camera shows no face (the cause of a red clean-machine run: the arrows then
 * moved the pause screen's choices, and `direction` kept the head's "right").
 */
async function startGame(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('KeyK');
    try {
      await waitForLive(page, 'game-state', (s) => s === 'playing', 2_000);
      return;
    } catch {
      // pressed too early: again
    }
  }
  throw new Error('K did not start a game');
}

async function closeGame(game: Game, allowedErrors: RegExp | null = null): Promise<void> {
  const errors = game.errors.filter((e) => allowedErrors === null || !allowedErrors.test(e));
  expect(errors).toEqual([]);
  expect(await readCspViolations(game.page)).toEqual([]);
  await game.context.close();
}

/** From the menu or the calibration screen: start a game and steer it with the arrow keys. */
async function keysStillPlay(page: Page): Promise<void> {
  if ((await readLive(page, 'game-state')) !== 'playing') {
    if (await page.getByTestId('record-neutral').isVisible()) await page.keyboard.press('Escape');
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await page.waitForTimeout(500);
    await startGame(page);
  }
  const before = await readNumber(page, 'score');
  // Every direction the hub passes on from now: head control may be steering too and
  // overwrite `up` at once (seen on a clean machine: the live value read "right" each poll).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __directions: string[] }).__directions = seen;
    const span = document.querySelector('[data-testid="direction"]');
    if (span) seen.push(span.textContent ?? '');
    if (span) {
      new MutationObserver(() => seen.push(span.textContent ?? '')).observe(span, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    }
  });
  await page.keyboard.press('ArrowUp');
  await waitUntil(
    page,
    'the up arrow to reach the hub',
    () => page.evaluate(() => (window as unknown as { __directions: string[] }).__directions),
    (seen) => seen.includes('up'),
    5_000,
  );
  // After a long wait (a fault handled) the hero may stand against a wall with `up` closed
  // too: turn another way every 1.5 s until the score rises, as a player would.
  const turns = ['ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowUp'];
  for (let i = 0; i < 16; i++) {
    const deadline = Date.now() + 1_500;
    while (Date.now() < deadline) {
      if ((await readNumber(page, 'score')) > before) return;
      await page.waitForTimeout(100);
    }
    await page.keyboard.press(turns[i % turns.length] as string);
  }
  throw new Error(
    `the score stayed at ${before} while the arrows turned the hero every way; ` +
      `game-state: ${await readLive(page, 'game-state')}, direction: ${await readLive(page, 'direction')}`,
  );
}

/** The banner's Retry is offered (and says what went wrong). */
async function alertText(page: Page): Promise<string> {
  const alert = page.getByTestId('head-alert');
  await alert.waitFor({ state: 'visible', timeout: 20_000 });
  expect(await page.getByTestId('head-retry').isVisible()).toBe(true);
  return (await alert.textContent()) ?? '';
}

async function importText(page: Page, text: string, name = 'calibration.json'): Promise<void> {
  await page.getByTestId('import-calibration').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/**
 * On the calibration screen: import five synthetic shots per pose, wait until head-status
 * says `status`, then play. Returns the shot counts the screen showed.
 */
async function calibrateAndPlay(
  page: Page,
  status = /Head control on/,
  timeoutMs = 60_000,
  mode: 'head' | 'keys' = 'head',
): Promise<Record<string, number>> {
  await openCalibration(page);
  await importText(page, syntheticCalibration(5));
  await waitForLive(page, 'head-status', (s) => status.test(s), timeoutMs);
  const counts = await readCounts(page);
  if (mode === 'head') {
    await page.getByTestId('calibration-done').click();
  } else {
    await page.keyboard.press('Escape');
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await page.keyboard.press('KeyK');
  }
  await waitForLive(page, 'game-state', (s) => s === 'playing');
  return counts;
}

/** getUserMedia (and the device list) replaced by a failure of the DOMException `name`. */
function failingCamera(name: string, message: string) {
  return async (context: BrowserContext): Promise<void> => {
    await context.addInitScript(
      ([errorName, errorMessage]) => {
        const devices = navigator.mediaDevices;
        devices.getUserMedia = () =>
          Promise.reject(new DOMException(errorMessage ?? '', errorName ?? 'Error'));
        if (errorName === 'NotFoundError') devices.enumerateDevices = () => Promise.resolve([]);
      },
      [name, message],
    );
  };
}

describe('camera faults', () => {
  it('no camera: says so, offers Retry, keys play', async () => {
    const game = await openGame(failingCamera('NotFoundError', 'Requested device not found'));
    await openCalibration(game.page);
    const status = await waitForLive(game.page, 'head-status', (s) => /no camera/i.test(s));
    expect(status).toMatch(/keys/i);
    expect(await alertText(game.page)).toMatch(/no camera found/i);
    await keysStillPlay(game.page);
    await closeGame(game);
  });

  it('camera busy in another app (NotReadableError): says so, keys play', async () => {
    const game = await openGame(failingCamera('NotReadableError', 'Could not start video source'));
    await openCalibration(game.page);
    const status = await waitForLive(game.page, 'head-status', (s) => /busy/i.test(s));
    expect(status).toMatch(/another app/i);
    expect(await alertText(game.page)).toMatch(/busy/i);
    await screenshot(game.page, 'fault-camera-busy');
    await keysStillPlay(game.page);
    await closeGame(game);
  });

  it('unsatisfiable constraints: falls back to any camera', async () => {
    const game = await openGame(async (context) => {
      await context.addInitScript(() => {
        const devices = navigator.mediaDevices;
        const original = devices.getUserMedia.bind(devices);
        const asked: unknown[] = [];
        (window as unknown as { __asked: unknown[] }).__asked = asked;
        devices.getUserMedia = (constraints) => {
          asked.push(constraints?.video);
          if (typeof constraints?.video === 'object') {
            return Promise.reject(new DOMException('Cannot satisfy', 'OverconstrainedError'));
          }
          return original(constraints);
        };
      });
    });
    await openCalibration(game.page);
    await waitForLive(game.page, 'head-status', (s) => READY.test(s), 60_000);
    const asked = await game.page.evaluate(
      () => (window as unknown as { __asked: unknown[] }).__asked,
    );
    expect(asked).toHaveLength(2);
    expect(asked[1]).toBe(true);
    await keysStillPlay(game.page);
    await closeGame(game);
  });

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

describe('model faults', () => {
  const cases: Array<{
    name: string;
    file: string;
    fulfil: (body: Buffer) => { status: number; body: Buffer | string };
    expected: RegExp;
  }> = [
    {
      name: 'model.json answers 404',
      file: '**/models/mobilenet/model.json',
      fulfil: () => ({ status: 404, body: 'not found' }),
      expected: /404/,
    },
    {
      name: 'truncated shard',
      file: '**/models/mobilenet/group1-shard*',
      fulfil: (body) => ({ status: 200, body: body.subarray(0, Math.floor(body.length / 2)) }),
      expected: /shard.*(truncated|corrupted)/i,
    },
    {
      name: 'corrupted model.json',
      file: '**/models/mobilenet/model.json',
      fulfil: (body) => ({ status: 200, body: body.subarray(0, 200) }),
      expected: /model JSON|model\.json/i,
    },
  ];

  for (const fault of cases) {
    it(`${fault.name}: names what failed, keys play, Retry works once fixed`, async () => {
      let broken = true;
      const game = await openGame(async (context) => {
        await context.route(fault.file, async (route) => {
          if (!broken) return route.continue();
          const response = await route.fetch();
          const { status, body } = fault.fulfil(await response.body());
          return route.fulfill({ status, body, contentType: 'application/octet-stream' });
        });
        // This is about the page's own loading: routes do not see the service worker's
        // requests. Its install refuses damaged files itself (offline.test.ts).
      }, 'block');
      const { page } = game;
      await openCalibration(page);
      const status = await waitForLive(
        page,
        'head-status',
        (s) => /could not be loaded/.test(s),
        60_000,
      );
      expect(status).toMatch(fault.expected);
      expect(status).toMatch(/keys/i);
      expect(await alertText(page)).toMatch(fault.expected);
      await keysStillPlay(page);
      // Back on the menu, the calibration screen still shows the problem and its Retry.
      await page.keyboard.press('Escape');
      await waitForLive(page, 'game-state', (s) => s === 'paused');
      await page.keyboard.press('Backspace');
      await waitForLive(page, 'game-state', (s) => s === 'menu');
      await page.waitForTimeout(500);
      await openCalibration(page);
      await alertText(page);
      broken = false;
      await page.getByTestId('head-retry').click();
      await waitForLive(page, 'head-status', (s) => READY.test(s), 60_000);
      // A 404 is logged by the browser itself as a failed resource load.
      await closeGame(game, /Failed to load resource/);
    });
  }
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

describe('storage faults', () => {
  it('IndexedDB unavailable: calibration kept for this visit with a warning', async () => {
    const game = await openGame(async (context) => {
      await context.addInitScript(() => {
        IDBFactory.prototype.open = () => {
          throw new DOMException(
            'The user denied permission to access the database.',
            'SecurityError',
          );
        };
      });
    });
    const { page } = game;
    await openCalibration(page);
    await importText(page, syntheticCalibration(5));
    const message = await waitUntil(
      page,
      'the storage warning',
      async () => (await page.getByTestId('calibration-message').textContent()) ?? '',
      (text) => /this visit only/.test(text),
      20_000,
    );
    expect(message).toMatch(/storage unavailable/);
    await waitForLive(page, 'head-status', (s) => /Head control on/.test(s), 60_000);
    await keysStillPlay(page);
    await closeGame(game);
  });

  it('quota exceeded: the last good calibration stays saved, byte for byte', async () => {
    const game = await openGame(async (context) => {
      await context.addInitScript(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
          if ((window as unknown as { __quotaFull?: boolean }).__quotaFull) {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return put.apply(this, args);
        } as typeof put;
      });
    });
    const { page } = game;
    const readSaved = (): Promise<string | null> =>
      page.evaluate(
        () =>
          new Promise<string | null>((resolve) => {
            const open = indexedDB.open('headchomp-calibration');
            open.onsuccess = () => {
              const db = open.result;
              const get = db.transaction('calibration').objectStore('calibration').get('current');
              get.onsuccess = () => {
                db.close();
                resolve(typeof get.result === 'string' ? get.result : null);
              };
              get.onerror = () => resolve(null);
            };
            open.onerror = () => resolve(null);
          }),
      );
    await openCalibration(page);
    await importText(page, syntheticCalibration(5, 1));
    await waitForLive(page, 'head-status', (s) => /Head control on/.test(s), 60_000);
    const good = await waitUntil(
      page,
      'the saved calibration',
      readSaved,
      (t) => t !== null,
      10_000,
    );

    await page.evaluate(() => {
      (window as unknown as { __quotaFull: boolean }).__quotaFull = true;
    });
    await importText(page, syntheticCalibration(6, 2));
    const message = await waitUntil(
      page,
      'the quota warning',
      async () => (await page.getByTestId('calibration-message').textContent()) ?? '',
      (text) => /this visit only/.test(text),
      20_000,
    );
    expect(message).toMatch(/full/);
    expect((await readCounts(page)).neutral).toBe(6); // the new one is used this visit
    expect(await readSaved()).toBe(good);

    // Next visit: the last good calibration comes back.
    await page.reload();
    await waitForLive(page, 'head-status', (s) => /Head control on/.test(s), 60_000);
    await openCalibration(page);
    expect((await readCounts(page)).neutral).toBe(5);
    await closeGame(game);
  });
});

describe('graphics and visibility', () => {
  it('WebGL context lost and restored: score, lives and level unchanged, game goes on', async () => {
    const game = await openGame();
    const { page } = game;
    await startGame(page);
    await waitForLive(page, 'score', (s) => Number(s) >= 30, 20_000);
    await page.keyboard.press('KeyP');
    await waitForLive(page, 'game-state', (s) => s === 'paused');
    const before = await Promise.all(
      (['score', 'lives', 'level'] as const).map((f) => readNumber(page, f)),
    );
    const renderer = await page.evaluate(async () => {
      const canvas = document.querySelector('#game canvas') as HTMLCanvasElement | null;
      const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')) as
        WebGLRenderingContext | null | undefined;
      const lose = gl?.getExtension('WEBGL_lose_context');
      if (!lose) return 'canvas';
      lose.loseContext();
      await new Promise((resolve) => setTimeout(resolve, 500));
      lose.restoreContext();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return gl?.isContextLost() ? 'still lost' : 'webgl restored';
    });
    expect(renderer).not.toBe('still lost');
    const after = await Promise.all(
      (['score', 'lives', 'level'] as const).map((f) => readNumber(page, f)),
    );
    expect(after).toEqual(before);
    expect(await readLive(page, 'game-state')).toBe('paused');
    await page.keyboard.press('KeyP');
    await waitForLive(page, 'game-state', (s) => s === 'playing');
    await keysStillPlay(page);
    await screenshot(page, 'fault-webgl-restored');
    await closeGame(game, /WebGL|context lost/i);
  });

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
    await page.keyboard.press('Escape');
    await waitForLive(page, 'game-state', (s) => s === 'paused');
    await page.keyboard.press('Backspace');
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await page.waitForTimeout(500);
    await openCalibration(page);
    expect(await readCounts(page)).toEqual(countsBefore);
    await closeGame(game, /WebGL|context lost/i);
  });

  it('slow device (CPU throttled 6x): predictions slow down, the game keeps running', async () => {
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
    expect(slow).toBeGreaterThan(0); // head control still works, just less often
    expect(slow).toBeLessThan(fast);
    expect(await readLive(page, 'game-state')).toMatch(/playing|over/);
    await closeGame(game);
  });

  it('tab hidden: game paused and camera off; camera back on return', async () => {
    const game = await openGame(async (context) => {
      await context.addInitScript(() => {
        const state = { hidden: false };
        (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden = (hidden) => {
          state.hidden = hidden;
          document.dispatchEvent(new Event('visibilitychange'));
        };
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (state.hidden ? 'hidden' : 'visible'),
        });
        Object.defineProperty(document, 'hidden', {
          configurable: true,
          get: () => state.hidden,
        });
      });
    });
    const { page } = game;
    const setHidden = (hidden: boolean): Promise<void> =>
      page.evaluate((h) => {
        (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden(h);
      }, hidden);
    const cameraLive = (): Promise<boolean> =>
      page.evaluate(() => {
        const stream = document.querySelector('video')?.srcObject as MediaStream | null;
        return (stream?.getVideoTracks() ?? []).some((track) => track.readyState === 'live');
      });
    await calibrateAndPlay(page);
    expect(await cameraLive()).toBe(true);

    await setHidden(true);
    await waitForLive(page, 'game-state', (s) => s === 'paused', 5_000);
    await waitForLive(page, 'head-status', (s) => /hidden/.test(s), 5_000);
    expect(await cameraLive()).toBe(false);

    await setHidden(false);
    await waitForLive(page, 'head-status', (s) => /Head control on/.test(s), 30_000);
    expect(await cameraLive()).toBe(true);
    // The player resumes when ready; head control steers again.
    await page.keyboard.press('KeyP');
    await waitForLive(page, 'game-state', (s) => s === 'playing');
    await closeGame(game);
  });
});
