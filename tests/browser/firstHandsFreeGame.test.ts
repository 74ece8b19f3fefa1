// The first hands-free game, as a player with no hands meets it: a first visit (nothing
// saved), one press of H, then no key, mouse or touch event at all. The camera follows the
// screen (support/followingCamera.ts): it shows the pose the big countdown names, looks
// straight otherwise, and holds the start pose when the screen says what holding it does. The
// hands-free recording runs by itself, the quality check is read, and holding up starts the
// game. The seconds from page open to `playing` are printed (goal: 60 s on this machine).
// Then the rest of the loop on that calibration: leaving pauses, coming back straight resumes
// after 3-2-1, and holding up on the game-over screen plays again.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, readLive, screenshot, waitForLive, watchErrors } from './chromium';
import { follow, installFollowingCamera, loadPhotos } from './support/followingCamera';
import { PERSON } from './support/headClips';
import { waitUntil } from './support/headUi';
import { instrument, LOCAL_VOICE, oscillators, spoken } from './support/speechStandIn';

/** Trusted keyboard, mouse, pointer and touch events the page received, in order. */
async function countInputs(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __inputs: string[] }).__inputs = seen;
    for (const kind of ['keydown', 'keyup', 'mousedown', 'pointerdown', 'touchstart', 'click']) {
      window.addEventListener(kind, (event) => event.isTrusted && seen.push(kind), true);
    }
  });
}

async function inputsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __inputs: string[] }).__inputs);
}

async function countdownShows(page: Page): Promise<boolean> {
  return page
    .getByTestId('calibration-screen')
    .getByTestId('big-countdown')
    .isVisible()
    .catch(() => false);
}

interface FirstVisit {
  page: Page;
  errors: string[];
  opened: number;
}

let browser: Browser | null = null;

afterEach(async () => {
  await browser?.close();
  browser = null;
});

/** A fresh browser (nothing saved), the game open on its menu, the camera's photos loaded. */
async function firstVisit(): Promise<FirstVisit> {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await installFollowingCamera(context);
  await countInputs(context);
  // A voice on this device (and a remote one the browser offers as its default).
  await instrument(context, true);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const opened = Date.now();
  await page.goto(inject('gameUrl'));
  await waitForLive(page, 'game-state', (s) => s === 'menu');
  await loadPhotos(page, PERSON, 1);
  return { page, errors, opened };
}

describe('a first visit with no hands', () => {
  it('one press of H, then the head alone: recorded, checked, playing, paused, resumed, again', async () => {
    const { page, errors, opened } = await firstVisit();
    await screenshot(page, 'first-visit-1-menu');
    const player = follow(page);
    await page.keyboard.press('KeyH');
    await waitForLive(page, 'game-state', (s) => s === 'calibrating');
    await waitUntil(page, 'the first countdown', () => countdownShows(page), Boolean, 30_000);
    await screenshot(page, 'first-visit-2-countdown');
    // Recorded and checked: the screen says what holding up does.
    await waitUntil(
      page,
      'the choices after the recording',
      () => page.getByTestId('calibration-choices').isVisible(),
      Boolean,
      90_000,
    );
    const line = (await page.getByTestId('calibration-choices-line').textContent()) ?? '';
    const said = await spoken(page);
    const tonesWhileRecording = await oscillators(page);
    await waitUntil(
      page,
      'the hold to fill',
      () => readLive(page, 'dwell').then(Number),
      (fill) => fill >= 30,
      15_000,
    ).catch(() => null);
    await screenshot(page, 'first-visit-3-hold-up-to-play');
    await waitForLive(page, 'game-state', (s) => s === 'playing', 30_000);
    const seconds = (Date.now() - opened) / 1000;
    console.log(`first visit, hands-free: page open to playing in ${seconds.toFixed(1)} s`);
    await screenshot(page, 'first-visit-4-playing');

    // The rest of the loop on the calibration just recorded: the player leaves (paused),
    // comes back straight (3-2-1, playing), plays to the end and holds up to play again.
    player.override = 'nobody';
    await waitForLive(page, 'game-state', (s) => s === 'paused', 20_000);
    expect(await readLive(page, 'head-hint')).toMatch(/Paused: we can't see you/);
    await screenshot(page, 'first-visit-5-paused');
    player.override = null;
    await waitForLive(page, 'head-hint', (s) => /Going on in [321]/.test(s), 20_000);
    await waitForLive(page, 'game-state', (s) => s === 'playing', 10_000);
    await waitForLive(page, 'game-state', (s) => s === 'over', 240_000);
    await screenshot(page, 'first-visit-6-game-over');
    await waitForLive(page, 'game-state', (s) => s === 'playing', 30_000);
    await player.stop();

    expect(line).toMatch(/Good enough to play\. Hold ↑ 1 s to play\./);
    // Each step was said, only by the voice on the device, never the remote one; and a voice
    // that speaks has no tones played over it.
    const texts = said.map((utterance) => utterance.text);
    for (const utterance of said) {
      expect(utterance).toMatchObject({ voice: LOCAL_VOICE, local: true });
    }
    expect(texts[0]).toMatch(/^Hands-free recording starts in \d seconds\. Look at the screen\.$/);
    for (const words of ['Neutral in 3', 'Turn left, and hold', 'Look up, and hold', 'Done']) {
      expect(texts).toContain(words);
    }
    expect(texts).toContain('Every pose recorded. Look at the screen to try it.');
    expect(tonesWhileRecording).toEqual([]);
    expect(player.hints.some((h) => /Hold up for 1 second to play\./.test(h))).toBe(true);
    expect(await readLive(page, 'head-hint')).toMatch(/Playing with your head/);
    // Every pose was asked for and shown, in the screen's order, before the hold.
    // Every pose was asked for and shown, in the screen's order; then the hold to play, the
    // empty room, and the hold to play again.
    expect(player.shown.filter((pose) => pose !== 'neutral')).toEqual([
      'left',
      'right',
      'up',
      'down',
      'up',
      'nobody',
      'up',
    ]);
    // One press of H, nothing else.
    expect(await inputsOf(page)).toEqual(['keydown', 'keyup']);
    expect(errors).toEqual([]);
  });

  it('a pose shown wrong: the screen names it, and holding up records it again', async () => {
    const { page, errors } = await firstVisit();
    // Asked for Left the first time, the player looks straight ahead instead.
    const player = follow(page, { asked: 'left', showing: 'neutral' });
    await page.keyboard.press('KeyH');
    const redo = await waitUntil(
      page,
      'the screen to ask for a pose again',
      () => readLive(page, 'head-hint'),
      (hint) => /Hold up for 1 second to record \w+ again/.test(hint),
      120_000,
    ).catch(async (error: Error) => {
      // What the player showed and heard, and what the check said: the cause, if it fails.
      const quality = await page
        .getByTestId('calibration-quality')
        .textContent({ timeout: 2000 })
        .catch(() => null);
      throw new Error(
        `${error.message}\nshown: ${player.shown.join(', ')}\nhints: ${player.hints.join(' | ')}` +
          `\nquality: ${quality}`,
      );
    });
    await screenshot(page, 'first-visit-poor-check');
    console.log(
      `a pose shown wrong: ${await page.getByTestId('calibration-quality').textContent()}`,
    );
    // The turn that was not made, not neutral (whose shots it spoiled).
    expect(redo).toMatch(/Left was recognised in only \d+ % of its shots/);
    expect(redo).toMatch(/Hold up for 1 second to record left again/);
    // (The hint names what holding does on the highlighted choice; by now the player may
    // already hold up and have chosen it, so the button itself is not read.)
    // Held: that pose is recorded again hands-free, the check is good, and up plays.
    await waitForLive(page, 'game-state', (s) => s === 'playing', 120_000);
    await player.stop();
    const heard = player.hints.join(' | ');
    expect(
      player.hints.some((h) => /Hold up for 1 second to play\./.test(h)),
      heard,
    ).toBe(true);
    expect(await inputsOf(page)).toEqual(['keydown', 'keyup']);
    expect(errors).toEqual([]);
  });
});
