/**
 * Speed in a real browser: the BUILT game (dist/, vite preview on 127.0.0.1) in headless
 * Chromium whose camera is a fake clip of real faces, calibrated by importing a calibration
 * file through the calibration screen; then, in the same browser, the webcam Pac-Man demo's
 * loop (bench/demo) as the baseline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { readLive, waitForLive } from '../../tests/browser/chromium';
import { makeFakeCameraClip, type FakeClip } from '../../tests/browser/support/fakeCamera';
import { openCalibration } from '../../tests/browser/support/headUi';
import { max, p50, p95 } from '../stats';
import { REACTION_CLIP, writeCalibrationFile } from './clips';
import { demoReactionOf, reactionOf, reactionParts, type Reaction } from './reaction';
import { launchBenchBrowser } from './benchBrowser';
import { type BenchState, type ResultEvent, type StartupTimes } from './pageProbe';
import { serveBuiltGame, serveDemo } from './servers';
import { openPage, throttleEffect, type ThrottleEffect } from './throttle';

export type Backend = 'wasm' | 'webgl' | 'cpu';

export interface LoopFigures {
  backend: string;
  /** Engine's own time per prediction (frame in, label out), ms. */
  msP50: number;
  msP95: number;
  predictionsPerSecond: number;
  /** Distinct camera frames classified per second (the demo may classify one frame twice). */
  distinctFramesPerSecond: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  tensorsStart: number | null;
  tensorsEnd: number | null;
  seconds: number;
  /** What became of the camera frames the worker read, a second (null: the page read them). */
  workerFrames?: WorkerFrames | null;
}

/**
 * The worker's camera frames a second over a run (CameraCounts, headProtocol.ts): read, given
 * to the engine, and of those that came before the rate governor's turn, predicted at once
 * because the head moved or had not settled, or let go because it held still (or unseen).
 */
export interface WorkerFrames {
  read: number;
  predicted: number;
  looked: number;
  moved: number;
  settling: number;
  still: number;
  blind: number;
}

const WORKER_FRAME_KEYS = [
  'read',
  'predicted',
  'looked',
  'moved',
  'settling',
  'still',
  'blind',
] as const;

/** The worker's frames a second between the run's first and last answer that carry counts. */
function workerFramesOf(results: readonly ResultEvent[]): WorkerFrames | null {
  const counted = results.filter((r) => r.counts !== null);
  const first = counted[0];
  const last = counted.at(-1);
  if (first === undefined || last === undefined || first === last) return null;
  const seconds = (last.t - first.t) / 1000;
  const of = (r: ResultEvent, key: string): number => r.counts?.[key] ?? 0;
  // A reading that started over within the run (counts from 0): count from its start.
  const from = of(last, 'read') >= of(first, 'read') ? first : null;
  const perSecond = (key: string): number =>
    (of(last, key) - (from === null ? 0 : of(from, key))) / seconds;
  return Object.fromEntries(
    WORKER_FRAME_KEYS.map((key) => [key, perSecond(key)]),
  ) as unknown as WorkerFrames;
}

export interface GameRun {
  backend: Backend;
  loop: LoopFigures | null;
  /** The demo on wasm: camera frames from a pose change to its first prediction on it. */
  reaction?: SpeedReport['reaction'];
  error?: string;
}

export interface SpeedReport {
  /** Chromium's CPU throttling on every page of this run (1: none). */
  cpuThrottle: number;
  /** What that throttling slowed, measured (null unthrottled). */
  throttleEffect: ThrottleEffect | null;
  clip: string;
  jsBeforeMenu: { files: string[]; bytes: number; gzipBytes: number };
  frameHeadOff: { p50: number; p95: number; max: number; count: number };
  firstPredictionMs: { cold: number | null; cached: number | null };
  /** Where the time to the first prediction went, cold and cached. */
  startup: { cold: StartupTimes | null; cached: StartupTimes | null };
  memory: {
    heapStartMB: number;
    heapEndMB: number;
    tensorsStart: number | null;
    tensorsEnd: number | null;
    seconds: number;
  } | null;
  reaction: Reaction | null;
  games: GameRun[];
  /** wasm with the rate governor off (?headRate=full): every frame the engine can take. */
  fullRate: VariantRun;
  /** wasm with the worker taking the camera's frames (?headFrames=worker, opt-in: see cameraHandover.ts). */
  otherReading?: VariantRun;
  demos: GameRun[];
}

/** The game on wasm with something in its address changed, played for a while. */
export interface VariantRun {
  loop: LoopFigures | null;
  reaction: Reaction | null;
  error?: string;
}

const PLAY_SECONDS = Number(process.env.BENCH_PLAY_SECONDS ?? 120);
const SHORT_SECONDS = Number(process.env.BENCH_SHORT_SECONDS ?? 20);

function log(line: string): void {
  console.error(`[speed] ${line}`);
}

async function state(page: Page): Promise<BenchState> {
  return page.evaluate(() => window.__bench);
}

async function resetRecording(page: Page, frames: boolean): Promise<void> {
  await page.evaluate((on) => {
    window.__bench.frameIntervals = [];
    window.__bench.recordFrames = on;
  }, frames);
}

/**
 * Keeps a game going: K on the menu, Backspace after a game over. Never Enter: the clip's
 * head turns and holds move the menu's and game-over screen's highlight (head choosing), so
 * Enter could open the settings instead of a game.
 */
async function keepPlaying(page: Page): Promise<void> {
  const now = await readLive(page, 'game-state');
  if (now === 'menu') await page.keyboard.press('KeyK');
  if (now === 'over') await page.keyboard.press('Backspace');
  if (now === 'paused') await page.keyboard.press('Escape');
}

/**
 * A game with K as soon as the menu hears keys, before head control's first prediction: the
 * head then steers the game (in a keys game too) and never chooses on the menu.
 */
async function startGame(page: Page, rate: number): Promise<void> {
  await page.bringToFront();
  await waitForLive(page, 'game-state', (s) => s === 'menu', patient(30_000, rate));
  await page.keyboard.press('KeyK');
  await waitForLive(page, 'game-state', (s) => s === 'playing', patient(20_000, rate));
}

/** A time limit stretched for a throttled page. */
function patient(ms: number, rate: number): number {
  return ms * Math.max(1, rate);
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize / 1024 / 1024;
}

function loopFigures(
  backend: string,
  results: readonly ResultEvent[],
  frames: readonly number[],
  seconds: number,
  distinct: number | null,
): LoopFigures {
  const ok = results.filter((r) => !r.recorded && r.error === null);
  return {
    backend,
    msP50: p50(ok.map((r) => r.ms)),
    msP95: p95(ok.map((r) => r.ms)),
    predictionsPerSecond: ok.length / seconds,
    distinctFramesPerSecond: (distinct ?? ok.length) / seconds,
    frameP50: p50(frames),
    frameP95: p95(frames),
    frameMax: max(frames),
    tensorsStart: ok[0]?.tensors ?? null,
    tensorsEnd: ok.at(-1)?.tensors ?? null,
    seconds,
    workerFrames: workerFramesOf(results),
  };
}

/** Plays for `seconds` with head control on, recording frames and predictions. */
async function playAndRecord(
  page: Page,
  seconds: number,
  during?: (elapsed: number) => Promise<void>,
): Promise<{ results: ResultEvent[]; frames: number[]; seconds: number }> {
  const from = (await state(page)).results.length;
  await resetRecording(page, true);
  const start = Date.now();
  while (Date.now() - start < seconds * 1000) {
    await page.waitForTimeout(1000);
    await keepPlaying(page);
    await during?.((Date.now() - start) / 1000);
  }
  const elapsed = (Date.now() - start) / 1000;
  const after = await state(page);
  await resetRecording(page, false);
  return { results: after.results.slice(from), frames: after.frameIntervals, seconds: elapsed };
}

/**
 * Starts reading the barcode of every camera frame (for the reaction); returns how many page
 * frames were recorded before. That reading is the bench's, not the game's (a drawImage and 18
 * getImageData a camera frame on the page's thread: at CPU 4x it alone moved the page frame
 * p50 from 33 to 50 ms), so the page frame figures come from the frames before it.
 */
async function watchCamera(page: Page): Promise<number> {
  return page.evaluate(() => {
    window.__bench.watchCamera = true;
    return window.__bench.frameIntervals.length;
  });
}

async function waitForPredictions(page: Page, count: number, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (n) => window.__bench.results.filter((r) => !r.recorded && r.error === null).length >= n,
    count,
    { timeout: timeoutMs, polling: 100 },
  );
}

async function openGame(context: BrowserContext, url: string, rate: number): Promise<Page> {
  const page = await openPage(context, rate);
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(url);
  await waitForLive(page, 'game-state', (s) => s === 'menu', patient(30_000, rate));
  return page;
}

/**
 * The game at `address` on wasm, played for at least 40 s, the camera's barcode read in the
 * second half for the reaction time.
 */
export async function playVariant(
  context: BrowserContext,
  address: string,
  rate: number,
  clip: FakeClip,
): Promise<VariantRun> {
  const page = await openGame(context, address, rate);
  try {
    await startGame(page, rate);
    await waitForPredictions(page, 2, patient(180_000, rate));
    await page.waitForTimeout(2000);
    const seconds = Math.max(2 * SHORT_SECONDS, 40);
    let framesUnwatched: number | null = null;
    const run = await playAndRecord(page, seconds, async (elapsed) => {
      if (framesUnwatched === null && elapsed > seconds / 2) {
        framesUnwatched = await watchCamera(page);
      }
    });
    const frames = run.frames.slice(0, framesUnwatched ?? run.frames.length);
    const loop = loopFigures('wasm', run.results, frames, run.seconds, null);
    return { loop, reaction: reactionOf(await state(page), clip) };
  } catch (error) {
    return { loop: null, reaction: null, error: String(error) };
  } finally {
    await page.close();
  }
}

/** Seconds the demo's camera barcode is read for its reaction (6 pose changes at 2 s each). */
const DEMO_REACTION_SECONDS = 13;

/** The demo's loop for SHORT_SECONDS; then, with `clip` (wasm), its reaction to the clip. */
async function runDemo(
  context: BrowserContext,
  base: string,
  backend: Backend,
  clip: FakeClip | null,
  rate: number,
): Promise<GameRun> {
  const page = await openPage(context, rate);
  try {
    await page.goto(`${base}?backend=${backend}`);
    await page.waitForFunction(() => window.__demo?.ready || window.__demo?.error, null, {
      timeout: patient(120_000, rate),
    });
    const error = await page.evaluate(() => window.__demo.error);
    if (error) return { backend, loop: null, error };
    await page.waitForTimeout(2000);
    const from = await page.evaluate(() => ({
      n: window.__demo.msPerPrediction.length,
      f: window.__demo.frameIntervals.length,
      d: window.__demo.distinctFrames,
      tensors: window.__demo.tensors.at(-1) ?? null,
    }));
    const start = Date.now();
    await page.waitForTimeout(SHORT_SECONDS * 1000);
    const seconds = (Date.now() - start) / 1000;
    const demo = await page.evaluate(() => window.__demo);
    const ms = demo.msPerPrediction.slice(from.n);
    const frames = demo.frameIntervals.slice(from.f);
    // After the loop's own figures: reading the barcode costs the demo's thread time too.
    let reaction: SpeedReport['reaction'] = null;
    if (clip !== null) {
      await page.evaluate(() => {
        window.__bench.watchCamera = true;
      });
      await page.waitForTimeout(DEMO_REACTION_SECONDS * 1000);
      const [bench, after] = await Promise.all([state(page), page.evaluate(() => window.__demo)]);
      reaction = demoReactionOf(bench, clip, after);
    }
    return {
      backend,
      reaction,
      loop: {
        backend: demo.backend ?? backend,
        msP50: p50(ms),
        msP95: p95(ms),
        predictionsPerSecond: ms.length / seconds,
        distinctFramesPerSecond: (demo.distinctFrames - from.d) / seconds,
        frameP50: p50(frames),
        frameP95: p95(frames),
        frameMax: max(frames),
        tensorsStart: from.tensors,
        tensorsEnd: demo.tensors.at(-1) ?? null,
        seconds,
      },
    };
  } catch (error) {
    return { backend, loop: null, error: String(error) };
  } finally {
    await page.close();
  }
}

export interface DemoState {
  backend: string | null;
  ready: boolean;
  error: string | null;
  msPerPrediction: number[];
  predictionTimes: number[];
  distinctFrames: number;
  frameIntervals: number[];
  tensors: number[];
}

declare global {
  interface Window {
    __demo: DemoState;
  }
}

export interface SpeedOptions {
  /** Chromium's CPU throttling rate on every page (1: none). */
  readonly cpuThrottle: number;
  /** The inference engine slowed as much (?engineSlowerBy), where Chromium cannot reach it. */
  readonly engineToo?: boolean;
}

export async function measureSpeed(
  backends: readonly Backend[],
  { cpuThrottle: rate, engineToo = true }: SpeedOptions,
): Promise<SpeedReport> {
  const clip = makeFakeCameraClip(REACTION_CLIP);
  const calibrationPath = join('bench/results', 'calibration-person01-series1.json');
  const counts = await writeCalibrationFile(calibrationPath);
  log(`clip ${clip.path}; calibration ${JSON.stringify(counts)}`);
  const game = await serveBuiltGame();
  const demo = await serveDemo();
  const profile = mkdtempSync(join(tmpdir(), 'headchomp-bench-'));
  const context = await launchBenchBrowser(profile, clip.path);
  const engineSlowerBy = engineToo ? rate : 1;
  const url = (backend: Backend): string =>
    `${game.url}?seed=7&headBackend=${backend}` +
    (engineSlowerBy > 1 ? `&engineSlowerBy=${engineSlowerBy}` : '');
  // The start-up as a player meets it: no backend forced (the one measured at page 0's start is
  // remembered, and the engine loads at page load as a returning player's does).
  const playerUrl =
    `${game.url}?seed=7` + (engineSlowerBy > 1 ? `&engineSlowerBy=${engineSlowerBy}` : '');
  try {
    // 1. The JavaScript loaded before the menu shows, and frames with head control off.
    const scripts: string[] = [];
    const effect =
      rate === 1
        ? null
        : {
            ...(await throttleEffect(context, `${game.url}models/mobilenet/model.json`, rate)),
            engine: engineSlowerBy,
          };
    if (effect !== null) {
      log(
        `CPU ${rate}x: the page's thread ${effect.page.toFixed(1)}x slower, a worker ${effect.worker.toFixed(1)}x, the engine asked for ${engineSlowerBy}x`,
      );
    }
    const page0 = await openPage(context, rate);
    page0.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' && response.url().startsWith(game.url)) scripts.push(response.url());
    });
    await page0.goto(url('wasm'));
    await waitForLive(page0, 'game-state', (s) => s === 'menu', patient(30_000, rate));
    const before = [...new Set(scripts)];
    const bodies = before.map((u) => readFileSync(join('dist', new URL(u).pathname)));
    const jsBeforeMenu = {
      files: before.map((u) => new URL(u).pathname),
      bytes: bodies.reduce((s, b) => s + b.length, 0),
      gzipBytes: bodies.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
    };
    log(`JS before the menu: ${jsBeforeMenu.bytes} bytes, ${jsBeforeMenu.gzipBytes} gzip`);
    await startGame(page0, rate);
    await page0.waitForTimeout(2000);
    const off = await playAndRecord(page0, SHORT_SECONDS);
    const frameHeadOff = {
      p50: p50(off.frames),
      p95: p95(off.frames),
      max: max(off.frames),
      count: off.frames.length,
    };
    log(`head off: frame p50 ${frameHeadOff.p50.toFixed(1)} p95 ${frameHeadOff.p95.toFixed(1)}`);

    // 2. Calibrate by importing the file through the calibration screen.
    await page0.goto(playerUrl);
    await waitForLive(page0, 'game-state', (s) => s === 'menu', patient(30_000, rate));
    await openCalibration(page0);
    await page0.getByTestId('import-calibration').setInputFiles(calibrationPath);
    await waitForLive(
      page0,
      'head-status',
      (s) => /head control on/i.test(s),
      patient(120_000, rate),
    );
    await waitForPredictions(page0, 3, patient(120_000, rate));
    await page0.close();
    log('calibration imported, head control on');

    // 3. First prediction, cold (no cached model, HTTP cache cleared: a returning player whose
    //    browser dropped its caches) and cached. The backend chosen at the page 0's start is
    //    remembered, as a player's is, so neither measures the backends: a first visit does that
    //    while the player calibrates.
    const firstPrediction = async (
      cold: boolean,
    ): Promise<{ t: number | null; startup: StartupTimes | null }> => {
      const page = await openPage(context, rate);
      try {
        if (cold) {
          // A page of the same origin that runs no game (an unknown path would get the SPA).
          await page.goto(`${game.url}models/mobilenet/model.json`);
          await page.evaluate(async () => {
            for (const worker of (await navigator.serviceWorker?.getRegistrations()) ?? []) {
              await worker.unregister();
            }
            for (const key of await caches.keys()) await caches.delete(key);
          });
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.clearBrowserCache');
          await cdp.detach();
        }
        await page.goto(playerUrl);
        await waitForPredictions(page, 1, patient(120_000, rate));
        const bench = await state(page);
        const first = bench.results.find((r) => !r.recorded && r.error === null);
        return { t: first?.t ?? null, startup: bench.startup };
      } catch (error) {
        log(`first prediction (${cold ? 'cold' : 'cached'}): ${String(error)}`);
        return { t: null, startup: null };
      } finally {
        await page.close();
      }
    };
    const coldStart = await firstPrediction(true);
    const cachedStart = await firstPrediction(false);
    const cold = coldStart.t;
    const cached = cachedStart.t;
    log(`first prediction: cold ${cold?.toFixed(0)} ms, cached ${cached?.toFixed(0)} ms`);

    // 4. Each backend: play with head control on.
    const games: GameRun[] = [];
    let memory: SpeedReport['memory'] = null;
    let reaction: SpeedReport['reaction'] = null;
    for (const backend of backends) {
      const page = await openGame(context, url(backend), rate);
      try {
        await startGame(page, rate);
        await waitForPredictions(page, 2, patient(180_000, rate));
        const ready = (await state(page)).ready.at(-1);
        if (ready && ready.backend !== backend) {
          games.push({ backend, loop: null, error: `the engine started ${ready.backend}` });
          continue;
        }
        await page.waitForTimeout(2000);
        const full = backend === backends[0];
        const seconds = full ? PLAY_SECONDS : SHORT_SECONDS;
        const heapStart = full ? await heapMB(page) : 0;
        let framesUnwatched: number | null = null;
        const run = await playAndRecord(page, seconds, async (elapsed) => {
          // The second half of the long run also reads the barcode of every camera frame.
          if (full && framesUnwatched === null && elapsed > seconds / 2) {
            framesUnwatched = await watchCamera(page);
          }
        });
        const frames = run.frames.slice(0, framesUnwatched ?? run.frames.length);
        const loop = loopFigures(backend, run.results, frames, run.seconds, null);
        games.push({ backend, loop });
        log(`${backend}: ${JSON.stringify(loop)}`);
        if (full) {
          const heapEnd = await heapMB(page);
          memory = {
            heapStartMB: heapStart,
            heapEndMB: heapEnd,
            tensorsStart: loop.tensorsStart,
            tensorsEnd: loop.tensorsEnd,
            seconds: run.seconds,
          };
          const seen = await state(page);
          reaction = reactionOf(seen, clip);
          log(`reaction: ${JSON.stringify(reaction)}`);
          log(`reaction in parts: ${JSON.stringify(reactionParts(seen, clip), null, 1)}`);
        }
      } catch (error) {
        games.push({ backend, loop: null, error: String(error) });
        log(`${backend}: ${String(error)}`);
      } finally {
        await page.close();
      }
    }

    // 5. The same on wasm with the rate governor off: what the engine gives when the game's
    // frame rate is not protected, and the reaction time then; and with the page reading the
    // camera's frames (as before the worker could read them itself, and where it cannot).
    const fullRate = await playVariant(context, `${url('wasm')}&headRate=full`, rate, clip);
    log(`wasm, full rate: ${JSON.stringify(fullRate)}`);
    const otherReading = await playVariant(context, `${url('wasm')}&headFrames=worker`, rate, clip);
    log(`wasm, frames taken by the worker: ${JSON.stringify(otherReading)}`);

    // 6. The demo's loop, same browser, same camera.
    const demos: GameRun[] = [];
    for (const backend of backends) {
      const run = await runDemo(context, demo.url, backend, backend === 'wasm' ? clip : null, rate);
      demos.push(run);
      log(`demo ${backend}: ${JSON.stringify(run.loop ?? run.error)}`);
    }
    return {
      cpuThrottle: rate,
      throttleEffect: effect,
      clip: clip.path,
      jsBeforeMenu,
      frameHeadOff,
      firstPredictionMs: { cold, cached },
      startup: { cold: coldStart.startup, cached: cachedStart.startup },
      memory,
      reaction,
      games,
      fullRate,
      otherReading,
      demos,
    };
  } finally {
    await context.close();
    await game.close();
    await demo.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
