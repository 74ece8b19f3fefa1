// Security of the built game: its Content-Security-Policy (strict, no third party, no inline
// script, 'wasm-unsafe-eval' only) holds while the game runs with head control on (no
// securitypolicyviolation event), no request leaves the page's origin, a sample of the import
// fuzz corpus is refused in the page with the saved calibration byte-identical afterwards, and
// hostile URL parameters and stored values (settings, high scores, backend) change nothing.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCspViolations, readLive, readNumber, waitForLive } from './chromium';
import { pressOn } from './support/gameKeys';
import { openCalibration, waitUntil } from './support/headUi';
import { syntheticCalibration } from './support/syntheticCalibration';
import { generateCorpus } from '../support/calibrationCorpus';
import { installFollowingCamera } from './support/followingCamera';
import {
  launchWithSyntheticCamera,
  openGameSession,
  type GameSession,
} from './support/gameSession';

let browser: Browser;

beforeAll(async () => {
  browser = await launchWithSyntheticCamera();
});

afterAll(async () => {
  await browser?.close();
});

type Session = GameSession;

function open(path = '', setup?: (context: BrowserContext) => Promise<void>): Promise<Session> {
  return openGameSession(browser, { path, setup });
}

function foreign(requests: string[]): string[] {
  const origin = new URL(inject('gameUrl')).origin;
  return requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

async function finish(session: Session): Promise<void> {
  expect(session.errors).toEqual([]);
  expect(await readCspViolations(session.page)).toEqual([]);
  expect(foreign(session.requests)).toEqual([]);
  await session.context.close();
}

async function startGame(page: Page): Promise<void> {
  await pressOn(page, 'menu', 'Enter', 'playing');
}

async function importText(page: Page, data: string | Uint8Array, name: string): Promise<void> {
  await page.getByTestId('import-calibration').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(data),
  });
}

describe('content security policy', () => {
  it('the build carries a strict policy: own origin only, no inline script, no eval', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(match).not.toBeNull();
    const policy = (match?.[1] ?? '').replace(/&#39;/g, "'");
    const directives = new Map(
      policy.split(';').map((part) => {
        const [name = '', ...sources] = part.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|\*/);
    // No inline script anywhere in the page.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('the game and head control run under it: no violation, no request off the origin', async () => {
    const session = await open();
    const { page } = session;
    await openCalibration(page);
    await importText(page, syntheticCalibration(5), 'calibration.json');
    // Head control on means the worker, the wasm backend and the model all started.
    await waitForLive(page, 'head-status', (s) => /Head control on/.test(s), 60_000);
    await page.getByTestId('calibration-done').click();
    await waitForLive(page, 'game-state', (s) => s === 'playing');
    await page.waitForTimeout(3_000);
    expect(await readLive(page, 'head-status')).toMatch(/Head control on/);
    // The d-pad's stylesheet came from the bundle, not an injected <style>.
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    await finish(session);
  });
});

describe('hostile input', () => {
  it('a sample of the fuzz corpus is refused in the page; the saved calibration is unchanged', async () => {
    // Nobody in front of the camera (an empty grey room): the only thing that may change the
    // saved calibration here is an import. Chromium's synthetic pattern is at times read as a
    // face, and a head "holding up" on this screen would record a poor pose again.
    const session = await open('', installFollowingCamera);
    const { page } = session;
    await openCalibration(page);
    await importText(page, syntheticCalibration(5), 'good.json');
    await waitForLive(page, 'head-status', (s) => /Head control on/.test(s), 60_000);
    const readSaved = (): Promise<string | null> =>
      page.evaluate(
        () =>
          new Promise<string | null>((resolve) => {
            const request = indexedDB.open('headchomp-calibration');
            request.onsuccess = () => {
              const db = request.result;
              const get = db.transaction('calibration').objectStore('calibration').get('current');
              get.onsuccess = () => {
                db.close();
                resolve(typeof get.result === 'string' ? get.result : null);
              };
            };
            request.onerror = () => resolve(null);
          }),
      );
    const saved = await waitUntil(
      page,
      'the saved calibration',
      readSaved,
      (t) => t !== null,
      10_000,
    );

    // Every 40th file, and the worst of each kind (enormous, nested, prototype keys).
    const corpus = generateCorpus();
    const sample = corpus.filter(
      (file, i) =>
        i % 40 === 0 ||
        /^(enormous|nested|prototype-keys)\//.test(file.name) ||
        file.name.endsWith('-100000.json'),
    );
    expect(sample.length).toBeGreaterThanOrEqual(40);
    const message = page.getByTestId('calibration-message');
    // The screen shows its latest notice again whenever it redraws (head status changes do
    // that), so the good import's "Calibration imported" could come back after the text is
    // cleared: one refused file first makes every notice from here on a refusal or a fault.
    await importText(page, '{"format":', 'truncated.json');
    await waitUntil(
      page,
      'the truncated file refused',
      async () => (await message.textContent()) ?? '',
      (t) => t.startsWith('Import refused'),
      10_000,
    );
    // The files go to the file chooser by path: a buffer would be copied through Playwright's
    // pipe (9 s for the 20 MB file on a busy machine), a path is read by Chromium itself.
    const folder = resolve('test-results/fuzz-sample');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const [i, file] of sample.entries()) {
      await page.evaluate(() => {
        const note = document.querySelector('[data-testid="calibration-message"]');
        if (note) note.textContent = '';
      });
      const path = join(folder, `fuzz-${i}.json`);
      writeFileSync(path, file.data);
      await page.getByTestId('import-calibration').setInputFiles(path);
      await message.filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
      const text = (await message.textContent()) ?? '';
      expect(text, file.name).toMatch(
        /^Import refused: .+ Your current calibration is unchanged\.$/s,
      );
      // A file taken in would have been saved in place of the good one.
      expect(await readSaved(), file.name).toBe(saved);
    }
    expect(await readSaved()).toBe(saved);
    expect(await readLive(page, 'head-status')).toMatch(/Head control on/);
    await finish(session);
  });

  it('hostile URL parameters and stored values change nothing', async () => {
    const params =
      '?seed=1e999&headBackend=%3Cscript%3E&headWorker=javascript:alert(1)' +
      '&model=https://evil.example/model.json&__proto__[x]=1&constructor=1';
    const session = await open(params, async (context) => {
      await context.addInitScript(() => {
        if (sessionStorage.getItem('seeded') === 'yes') return;
        sessionStorage.setItem('seeded', 'yes');
        const nested = '['.repeat(100_000) + ']'.repeat(100_000);
        localStorage.setItem(
          'headchomp.highScores',
          JSON.stringify([
            { score: 1e308, level: 1, date: '2026-01-01' },
            { score: 'NaN', level: 1, date: 'x' },
            { __proto__: { score: 5 }, level: 1 },
            { score: 120, level: 2, date: '2026-01-02T00:00:00Z', extra: '<img src=x>' },
          ]),
        );
        localStorage.setItem('headchomp.muted', nested);
        localStorage.setItem('headchomp.headBackend', '{"backend":"__proto__","msPerRun":1}');
        localStorage.setItem('headchomp.headOff', '{"__proto__":{"polluted":1}}');
      });
    });
    const { page } = session;
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('x');
    await startGame(page);
    await waitForLive(page, 'score', (s) => Number(s) > 0, 20_000);
    expect(await readNumber(page, 'lives')).toBe(3);
    await finish(session);
  });
});
