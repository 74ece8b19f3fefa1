/**
 * The README's pictures, taken from the BUILT game in headless Chromium and written as small
 * PNGs to docs/images/:
 *   menu.png       the menu a first visitor sees;
 *   head-game.png  a game steered by the head: the camera preview with the face the mesh
 *                  found, and the head indicator showing the pose the game acts on.
 *
 *   npx vite build && npx tsx tools/screenshots.ts
 *
 * The face is a Pointing'04 photo (Gourier, Hall & Crowley, Pointing 2004, ICPR workshop),
 * shown by the camera that follows the screen (tests/browser/support/followingCamera.ts): one
 * press of H calibrates hands-free, as a first visitor would, and holding up starts the game.
 * The preview is blurred before the picture is taken: the photos stay outside the project
 * (../shared/headpose/SOURCES.md), and the picture shows the game, not the person.
 * Needs Chromium and the models and photos in ../shared, as the browser tests do (~1 min).
 * Screenshots are re-encoded without alpha at the strongest deflate to keep the repository light.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchChromium, waitForLive } from '../tests/browser/chromium';
import {
  follow,
  installFollowingCamera,
  loadPhotos,
  show,
} from '../tests/browser/support/followingCamera';
import { serveBuiltGame } from '../bench/browser/servers';

const OUT_DIR = 'docs/images';
const VIEWPORT = { width: 960, height: 640 };
/** A Pointing'04 person and series whose photos the game calibrates on and then plays with. */
const PERSON = 'person01';
const SERIES = 1;

/** Writes what the page shows as an RGB PNG (no alpha channel: the page is opaque). */
async function save(page: Page, name: string): Promise<void> {
  const shot = PNG.sync.read(await page.screenshot());
  const bytes = PNG.sync.write(shot, { colorType: 2, deflateLevel: 9 });
  const path = `${OUT_DIR}/${name}.png`;
  writeFileSync(path, bytes);
  console.log(`${path}: ${shot.width}x${shot.height}, ${(bytes.length / 1024).toFixed(0)} KiB`);
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const served = await serveBuiltGame();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await installFollowingCamera(context);
    const page = await context.newPage();
    await page.goto(served.url);
    await waitForLive(page, 'game-state', (state) => state === 'menu');
    // The menu's title and choices settle in.
    await page.waitForTimeout(1500);
    await save(page, 'menu');

    await loadPhotos(page, PERSON, SERIES);
    const player = follow(page);
    await page.keyboard.press('KeyH');
    await waitForLive(page, 'game-state', (state) => state === 'playing', 120_000);
    await player.stop();
    // A turn held until the hero has eaten a row of dots: the game under way, steered by head.
    await show(page, 'left');
    await waitForLive(page, 'head-pose', (pose) => pose === 'left', 10_000);
    await waitForLive(page, 'score', (score) => Number(score.replace(/\D/g, '')) >= 50, 20_000);
    // Blurred through the CSSOM (the page's policy refuses inline style sheets).
    await page.evaluate(() => {
      const video = document.querySelector<HTMLElement>('#head-preview video');
      if (video) video.style.filter = 'blur(6px)';
    });
    await save(page, 'head-game');
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
