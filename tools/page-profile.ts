/**
 * Where the page's own thread spends its time in play, head control off and on, at a CPU
 * throttle (issue 28: at 4x the page draws every 50 ms with head control on, 33 without it).
 * The built game, the bench's fake camera and calibration, Chromium's sampling profiler (CDP
 * `Profiler`) over `--seconds` of play; prints the functions with the most self time, and the
 * same grouped by source file, for each run.
 *
 *   npx vite build && npx tsx tools/page-profile.ts [--cpu-throttle 4] [--seconds 15] [--top 25]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readLive, waitForLive } from '../tests/browser/chromium';
import { makeFakeCameraClip } from '../tests/browser/support/fakeCamera';
import { openCalibration } from '../tests/browser/support/headUi';
import { launchBenchBrowser } from '../bench/browser/benchBrowser';
import { REACTION_CLIP, writeCalibrationFile } from '../bench/browser/clips';
// The probe's window.__bench, as the page has it (its types only).
import type {} from '../bench/browser/pageProbe';
import { serveBuiltGame } from '../bench/browser/servers';
import { openPage } from '../bench/browser/throttle';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const RATE = option('cpu-throttle', 4);
const SECONDS = option('seconds', 15);
const TOP = option('top', 25);

/** Self time (ms) per function and per file, from the profile's samples. */
function selfTimes(profile: Profile): {
  byFunction: Map<string, number>;
  byFile: Map<string, number>;
  total: number;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (node === undefined) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url === '' ? '(native)' : (url.split('/').pop() ?? url);
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    total += ms;
  });
  return { byFunction, byFile, total };
}

function printTop(title: string, times: Map<string, number>, seconds: number): void {
  console.log(`\n${title} (ms a second of play)`);
  for (const [key, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${(ms / seconds).toFixed(1).padStart(8)}  ${key}`);
  }
}

async function keepPlaying(page: Page): Promise<void> {
  const now = await readLive(page, 'game-state');
  if (now === 'menu') await page.keyboard.press('KeyK');
  if (now === 'over') await page.keyboard.press('Backspace');
}

async function profilePlay(page: Page, label: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  const resultsBefore = await page.evaluate(() => window.__bench.results.length);
  await page.evaluate(() => {
    window.__bench.frameIntervals = [];
    window.__bench.recordFrames = true;
  });
  await cdp.send('Profiler.start');
  const start = Date.now();
  while (Date.now() - start < SECONDS * 1000) {
    await page.waitForTimeout(1000);
    await keepPlaying(page);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const seconds = (Date.now() - start) / 1000;
  const intervals: number[] = await page.evaluate(() => window.__bench.frameIntervals);
  const results = (await page.evaluate(() => window.__bench.results)).slice(resultsBefore);
  const answered = results.filter((r) => r.error === null);
  const ms = answered.map((r) => r.ms).sort((a, b) => a - b);
  const errors = [...new Set(results.filter((r) => r.error !== null).map((r) => r.error))];
  await cdp.detach();
  const sorted = [...intervals].sort((a, b) => a - b);
  const p = (q: number): number => sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
  const { byFunction, byFile, total } = selfTimes(profile);
  console.log(
    `\n## ${label}, CPU ${RATE}x: ${seconds.toFixed(0)} s, page frames p50 ${p(0.5).toFixed(1)} / p95 ${p(0.95).toFixed(1)} ms; sampled ${(total / seconds).toFixed(0)} ms a second`,
  );
  if (results.length > 0) {
    console.log(
      `answers ${(answered.length / seconds).toFixed(1)} a second, ms p50 ${(ms[Math.floor(ms.length / 2)] ?? 0).toFixed(1)}; errors ${results.length - answered.length} ${errors.join('; ')}`,
    );
  }
  printTop('by file', byFile, seconds);
  printTop('by function', byFunction, seconds);
}

async function main(): Promise<void> {
  const clip = makeFakeCameraClip(REACTION_CLIP);
  const calibrationPath = join(tmpdir(), 'headchomp-profile-calibration.json');
  await writeCalibrationFile(calibrationPath);
  const game = await serveBuiltGame();
  const dir = mkdtempSync(join(tmpdir(), 'headchomp-profile-'));
  const context = await launchBenchBrowser(dir, clip.path);
  context.on('console', (message) => {
    if (/VideoFrame|garbage/i.test(message.text())) console.log(`console: ${message.text()}`);
  });
  const url = `${game.url}?seed=7&headBackend=wasm${process.argv.includes('--worker-frames') ? '&headFrames=worker' : ''}`;
  try {
    const page = await openPage(context, RATE);
    await page.goto(url);
    await waitForLive(page, 'game-state', (s) => s === 'menu', 30_000 * RATE);
    await page.keyboard.press('KeyK');
    await waitForLive(page, 'game-state', (s) => s === 'playing', 20_000 * RATE);
    await page.waitForTimeout(2000);
    await profilePlay(page, 'head control off');

    await page.goto(url);
    await waitForLive(page, 'game-state', (s) => s === 'menu', 30_000 * RATE);
    await openCalibration(page);
    await page.getByTestId('import-calibration').setInputFiles(calibrationPath);
    await waitForLive(page, 'head-status', (s) => /head control on/i.test(s), 120_000 * RATE);
    await page.goto(url);
    await waitForLive(page, 'game-state', (s) => s === 'menu', 30_000 * RATE);
    await page.keyboard.press('KeyK');
    await waitForLive(page, 'game-state', (s) => s === 'playing', 20_000 * RATE);
    await page.waitForFunction(() => window.__bench.results.length >= 3, null, {
      timeout: 180_000 * RATE,
    });
    await page.waitForTimeout(3000);
    await profilePlay(page, 'head control on');
  } finally {
    await context.close();
    await game.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
