/**
 * A slower device in the speed bench: Chromium's CPU throttling
 * (`Emulation.setCPUThrottlingRate`, DevTools' "4x slowdown", the setting phone emulation's
 * "mid-tier mobile" uses) set on every page the bench opens, before the page's address is
 * loaded, so the whole visit runs throttled.
 *
 * What it slows is measured, not assumed: Chromium throttles a page's main thread only (a
 * thread that interrupts it and sleeps), and refuses the command for a worker ("only
 * supported for pages, not workers"), so the inference worker would run at the machine's
 * speed, the kindest phone there is. The bench therefore asks the engine to behave as slow
 * itself (`?engineSlowerBy=`, src/vision/link/slowerDevice.ts: each frame's work followed by
 * a spin of (rate - 1) times its length) unless `--engine-full-speed` is given (the bench's
 * "4x" before 2026-12-07 evening). `throttleEffect` times the same busy loop on the page and
 * in a worker, throttled and not, so every table can say what "4x" meant.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { p50 } from '../stats';

/** How many times slower the same busy loop ran throttled: on the page, and in a worker. */
export interface ThrottleEffect {
  page: number;
  worker: number;
  /** How many times slower the inference engine was asked to behave (?engineSlowerBy; 1: not). */
  engine?: number;
}

/**
 * A new page, throttled `rate` times from its first address on (1: as it is). The CDP session
 * stays attached for the page's life: an emulation ends with the session that set it.
 */
export async function openPage(context: BrowserContext, rate: number): Promise<Page> {
  const page = await context.newPage();
  if (rate !== 1) {
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  return page;
}

/** ms of one busy loop on the page and in a worker made from a blob, medians of `runs`. */
async function timeBusyLoops(page: Page, runs: number): Promise<{ page: number; worker: number }> {
  return page.evaluate(async (count) => {
    const spin = (): number => {
      const start = performance.now();
      let sum = 0;
      for (let i = 0; i < 5e6; i++) sum += Math.sqrt(i);
      return sum > 0 ? performance.now() - start : 0;
    };
    const source = `const spin = ${spin.toString()}; onmessage = () => postMessage(spin());`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const inWorker = (): Promise<number> =>
      new Promise((resolve) => {
        worker.onmessage = (event: MessageEvent<number>) => resolve(event.data);
        worker.postMessage(0);
      });
    await inWorker(); // compiled and warm
    spin();
    const onPage: number[] = [];
    const offPage: number[] = [];
    for (let i = 0; i < count; i++) {
      onPage.push(spin());
      offPage.push(await inWorker());
    }
    worker.terminate();
    const median = (values: number[]): number =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    return { page: median(onPage), worker: median(offPage) };
  }, runs);
}

/**
 * What throttling `rate` times does here: the same busy loop timed on an unthrottled page and
 * a throttled one (`url`: any page of an origin that allows blob workers), in turns, so a busy
 * spell of the machine falls on both alike.
 */
export async function throttleEffect(
  context: BrowserContext,
  url: string,
  rate: number,
): Promise<ThrottleEffect> {
  const plain = await openPage(context, 1);
  const slow = await openPage(context, rate);
  try {
    await plain.goto(url);
    await slow.goto(url);
    const pageRatios: number[] = [];
    const workerRatios: number[] = [];
    for (let turn = 0; turn < 3; turn++) {
      const a = await timeBusyLoops(plain, 5);
      const b = await timeBusyLoops(slow, 5);
      pageRatios.push(b.page / a.page);
      workerRatios.push(b.worker / a.worker);
    }
    return { page: p50(pageRatios), worker: p50(workerRatios) };
  } finally {
    await plain.close();
    await slow.close();
  }
}
