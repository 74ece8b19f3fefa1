// The long-session soak: the built game in headless Chromium with the fake camera and head
// control on (a complete calibration imported), played without pause for `minutes`; each new
// game is started as soon as the last one is over. It measures, after a warm-up and at the end:
// the tensors tf.memory() counts in the engine (debug overlay), the page's JS heap after a
// forced garbage collection (CDP), console errors, the game's frame rate (requestAnimationFrame
// over 5 s) and the predictions per second. `npm run soak` runs 10 minutes and prints the
// figures; tests/browser/soak.test.ts runs 1 minute and checks them.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, readLive, watchErrors } from '../chromium';
import { openCalibration } from './headUi';
import { syntheticCalibration } from './syntheticCalibration';

export interface SoakFigures {
  readonly minutes: number;
  readonly warmupSeconds: number;
  readonly backend: string;
  readonly tensorsAfterWarmup: number;
  readonly tensorsAtEnd: number;
  readonly heapAfterWarmupMB: number;
  readonly heapAtEndMB: number;
  readonly heapGrowthMB: number;
  readonly fpsAfterWarmup: number;
  readonly fpsAtEnd: number;
  readonly predictionsPerSecond: number;
  readonly gamesPlayed: number;
  readonly consoleErrors: readonly string[];
}

async function overlayValue(page: Page, label: string): Promise<string> {
  const text = (await page.getByTestId('debug-overlay').textContent()) ?? '';
  const line = text.split('\n').find((l) => l.startsWith(label));
  return line?.slice(label.length).trim() ?? '';
}

async function framesPerSecond(page: Page, seconds = 5): Promise<number> {
  // A string, not a function: tsx (npm run soak) would wrap a function's inner closures in a
  // helper that does not exist in the page.
  return page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const step = (now) => {
      frames++;
      if (now - start < ${seconds * 1000}) requestAnimationFrame(step);
      else resolve((frames * 1000) / (now - start));
    };
    requestAnimationFrame(step);
  })`);
}

export async function runSoak(
  gameUrl: string,
  options: { minutes: number; warmupSeconds: number; log?: (line: string) => void },
): Promise<SoakFigures> {
  const log = options.log ?? (() => {});
  const browser: Browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    '--enable-precise-memory-info',
  ]);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapMB = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      return used / 1024 / 1024;
    };

    await page.goto(gameUrl);
    await page.getByTestId('game-state').filter({ hasText: 'menu' }).waitFor();
    await page.waitForTimeout(500);
    await openCalibration(page);
    await page.getByTestId('import-calibration').setInputFiles({
      name: 'soak.json',
      mimeType: 'application/json',
      buffer: Buffer.from(syntheticCalibration(5)),
    });
    await page.getByTestId('head-status').filter({ hasText: 'Head control on' }).waitFor({
      timeout: 90_000,
    });
    // A game with keys while head control steers: Chromium's own fake camera shows no face,
    // and a game started with the head would pause itself for that ("we can't see you").
    await page.keyboard.press('Escape');
    await page.getByTestId('game-state').filter({ hasText: 'menu' }).waitFor();
    await page.keyboard.press('KeyK');
    await page.keyboard.press('F2');
    const backend = await overlayValue(page, 'backend');
    log(`head control on (${backend}); playing for ${options.minutes} min`);

    let games = 1;
    const started = Date.now();
    const end = started + options.minutes * 60_000;
    let warm: { tensors: number; heap: number; fps: number } | null = null;
    while (Date.now() < end) {
      const state = await readLive(page, 'game-state');
      if (state === 'over') await page.keyboard.press('Enter'); // play again, with keys
      if (state === 'menu') {
        await page.keyboard.press('KeyK');
        games++;
      }
      if (warm === null && Date.now() - started >= options.warmupSeconds * 1000) {
        warm = {
          tensors: Number(await overlayValue(page, 'tensors')),
          heap: await heapMB(),
          fps: await framesPerSecond(page),
        };
        log(
          `after warm-up: ${warm.tensors} tensors, heap ${warm.heap.toFixed(2)} MB, ${warm.fps.toFixed(1)} fps`,
        );
      }
      await page.waitForTimeout(1000);
    }
    if (warm === null) throw new Error('the soak ended before its warm-up did');
    const fpsAtEnd = await framesPerSecond(page);
    const predictionsPerSecond = Number(await overlayValue(page, 'predict/s'));
    const tensorsAtEnd = Number(await overlayValue(page, 'tensors'));
    const heapAtEnd = await heapMB();
    await context.close();
    return {
      minutes: options.minutes,
      warmupSeconds: options.warmupSeconds,
      backend,
      tensorsAfterWarmup: warm.tensors,
      tensorsAtEnd,
      heapAfterWarmupMB: warm.heap,
      heapAtEndMB: heapAtEnd,
      heapGrowthMB: heapAtEnd - warm.heap,
      fpsAfterWarmup: warm.fps,
      fpsAtEnd,
      predictionsPerSecond,
      gamesPlayed: games,
      consoleErrors: [...errors],
    };
  } finally {
    await browser.close();
  }
}

export function formatFigures(figures: SoakFigures): string {
  const mb = (value: number): string => `${value.toFixed(2)} MB`;
  return [
    `soak: ${figures.minutes} min (warm-up ${figures.warmupSeconds} s), backend ${figures.backend}, ${figures.gamesPlayed} game(s)`,
    `  tf.memory tensors  ${figures.tensorsAfterWarmup} after warm-up -> ${figures.tensorsAtEnd} at the end`,
    `  JS heap            ${mb(figures.heapAfterWarmupMB)} -> ${mb(figures.heapAtEndMB)} (growth ${mb(figures.heapGrowthMB)})`,
    `  frame rate         ${figures.fpsAfterWarmup.toFixed(1)} fps -> ${figures.fpsAtEnd.toFixed(1)} fps`,
    `  predictions        ${figures.predictionsPerSecond} per second`,
    `  console errors     ${figures.consoleErrors.length}${figures.consoleErrors.map((e) => `\n    ${e}`).join('')}`,
  ].join('\n');
}
