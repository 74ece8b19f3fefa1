// Threaded wasm, asked for with ?headThreads=2 (off by default: src/vision/engine/runtime/
// wasmThreadPool.ts): the built, minified game starts the threaded backend in its
// cross-origin isolated page and head control reads frames with it. Before the build's fix
// (build/threadedWasm.ts) its helper threads threw "e is not defined" and the engine never
// said ready. One file alone (vitest.config.ts): it times nothing but waits on the engine.
import { describe, expect, it } from 'vitest';
import { waitUntil } from './support/headUi';
import { calibrateAndPlay, closeGame, faultGames } from './support/faultGame';

const { openGame } = faultGames();

describe('threaded wasm (?headThreads=2)', () => {
  it('the page is cross-origin isolated, the threaded backend starts and head control predicts', async () => {
    const game = await openGame(undefined, 'allow', '?headBackend=wasm&headThreads=2');
    const { page } = game;
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    // A keys game: Chromium's own fake camera shows no face; head control still reads frames.
    await calibrateAndPlay(page, /Head control on \(wasm\)/, 90_000, 'keys');
    await page.keyboard.press('F2');
    const overlay = async (): Promise<string> =>
      (await page.getByTestId('debug-overlay').textContent()) ?? '';
    await waitUntil(
      page,
      'the overlay to name the threaded backend and count predictions',
      overlay,
      (text) =>
        /backend\s+wasm \(worker\), threaded \(pool of \d\)/.test(text) &&
        Number(/predict\/s\s+(\d+)/.exec(text)?.[1] ?? 0) > 0,
      20_000,
    );
    await closeGame(game);
  });
});
