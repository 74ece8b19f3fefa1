// Faults, one test each, in the built game: what goes wrong with the camera, the model files,
// storage, the WebGL context and page visibility. Each time the player reads a clear message
// (the live region's head-status, the head alert banner or the calibration screen's message)
// and the keys still play. Faults are injected in the browser's own APIs by init scripts
// (getUserMedia, IndexedDB, visibility) or by intercepting the model's requests.
// The camera is Chromium's synthetic one: these tests need no clip and no calibration session.
// What head control itself survives while it steers (the camera ending mid-game, the face
// finder missing, its WebGL context lost, a slow device) is in headFaults.test.ts.
import { describe, expect, it } from 'vitest';
import { readLive, readNumber, screenshot, waitForLive } from './chromium';
import { quitToMenu } from './support/gameKeys';
import { openCalibration, readCounts, waitUntil } from './support/headUi';
import {
  alertText,
  calibrateAndPlay,
  closeGame,
  failingCamera,
  faultGames,
  importText,
  keysStillPlay,
  READY,
  startGame,
} from './support/faultGame';
import { syntheticCalibration } from './support/syntheticCalibration';

const { openGame } = faultGames();

describe('camera faults', () => {
  it('no camera: says so, offers Retry, keys play', async () => {
    const game = await openGame(failingCamera('NotFoundError', 'Requested device not found'));
    await openCalibration(game.page);
    const status = await waitForLive(game.page, 'head-status', (s) => /no camera/i.test(s));
    expect(status).toMatch(/keys/i);
    expect(await alertText(game.page)).toMatch(/no camera found/i);
    // Esc takes the keyboard's focus out of the screen at once, in the same task: before, the
    // hidden screen kept it until the next rendering update, and a K pressed right after the
    // menu appeared went to the screen (which keeps its keys from the game) and was lost.
    const focusAfterEsc = await game.page.evaluate(() => {
      document.getElementById('calibration-title')?.focus();
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { code: 'Escape', key: 'Escape', bubbles: true }),
      );
      const screen = document.getElementById('calibration');
      return screen?.contains(document.activeElement) ? 'in the closed screen' : 'out of it';
    });
    expect(focusAfterEsc).toBe('out of it');
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
      await quitToMenu(page);
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
