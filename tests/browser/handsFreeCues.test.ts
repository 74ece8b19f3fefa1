// Hands-free calibration for a player who cannot use their hands and is not looking at the
// screen: the built game in a real Chromium whose camera is a clip of a real person
// (Pointing'04). The calibration screen opens with `?handsFreeAfter=<ms>` (what the menu's
// "Play with your head" door asks for with { handsFreeAfterMs }): the run starts by itself and
// records every pose with no key or tap after opening. Each step is said with a voice that runs
// on the device (speechSynthesis is a stand-in whose voices are one local and one remote, and
// which logs every utterance); with no voice, the tone cues play (AudioContext oscillators are
// logged). A key or a tap cancels the start by itself.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithFakeCamera, readLive, screenshot, waitForLive, watchErrors } from './chromium';
import { makeFakeCameraClip } from './support/fakeCamera';
import { CALIBRATION_CLIP } from './support/headClips';
import { POSES, readCounts, waitUntil } from './support/headUi';

const MIN_SHOTS = 5;
const LOCAL_VOICE = 'Test voice on this device';
const REMOTE_VOICE = 'Test voice in the cloud';

interface Utterance {
  text: string;
  voice: string | null;
  local: boolean | null;
}
interface Oscillator {
  type: string;
  frequencies: number[];
}

/**
 * Replaces speechSynthesis with a stand-in whose voices load a moment after the page (as
 * Chrome's do, with voiceschanged): one on the device and one remote (the browser's default),
 * or none. Every utterance is logged with the voice it named. Also logs every oscillator the
 * page starts, with the frequencies set on it.
 */
async function instrument(context: BrowserContext, withVoices: boolean): Promise<void> {
  await context.addInitScript(
    ({ withVoices, local, remote }) => {
      const spoken: Utterance[] = [];
      const oscillators: Oscillator[] = [];
      Object.assign(window, { __spoken: spoken, __oscillators: oscillators });

      class Speech extends EventTarget {
        voices: object[] = [];
        getVoices() {
          return this.voices;
        }
        speak(utterance: { text: string; voice: { name: string; localService: boolean } | null }) {
          const voice = utterance.voice;
          spoken.push({
            text: utterance.text,
            voice: voice?.name ?? null,
            local: voice?.localService ?? null,
          });
        }
        cancel() {}
      }
      const speech = new Speech();
      Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
      // The real utterance accepts only the browser's own voice objects.
      class PlainUtterance {
        voice: unknown = null;
        lang = '';
        constructor(readonly text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', {
        value: PlainUtterance,
        configurable: true,
      });
      if (withVoices) {
        setTimeout(() => {
          speech.voices = [
            { name: remote, lang: 'en-US', localService: false, default: true, voiceURI: remote },
            { name: local, lang: 'en-US', localService: true, default: false, voiceURI: local },
          ];
          speech.dispatchEvent(new Event('voiceschanged'));
        }, 300);
      }

      const create = BaseAudioContext.prototype.createOscillator;
      BaseAudioContext.prototype.createOscillator = function (this: BaseAudioContext) {
        const oscillator = create.call(this);
        const entry: Oscillator = { type: '', frequencies: [] };
        const frequency = oscillator.frequency;
        const set = frequency.setValueAtTime.bind(frequency);
        frequency.setValueAtTime = (value, time) => {
          entry.frequencies.push(value);
          return set(value, time);
        };
        const ramp = frequency.exponentialRampToValueAtTime.bind(frequency);
        frequency.exponentialRampToValueAtTime = (value, time) => {
          entry.frequencies.push(value);
          return ramp(value, time);
        };
        const start = oscillator.start.bind(oscillator);
        oscillator.start = (when?: number) => {
          entry.type = oscillator.type;
          oscillators.push(entry);
          start(when);
        };
        return oscillator;
      };
    },
    { withVoices, local: LOCAL_VOICE, remote: REMOTE_VOICE },
  );
}

function spoken(page: Page): Promise<Utterance[]> {
  return page.evaluate(() => (window as unknown as { __spoken: Utterance[] }).__spoken);
}

function oscillators(page: Page): Promise<Oscillator[]> {
  return page.evaluate(() => (window as unknown as { __oscillators: Oscillator[] }).__oscillators);
}

function isVisible(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).isVisible();
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchWithFakeCamera(makeFakeCameraClip(CALIBRATION_CLIP).path);
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh context on the game's menu, with `query` in the address. */
async function openGame(
  withVoices: boolean,
  query: string,
  device: { width: number; height: number; touch?: boolean },
) {
  const context = await browser.newContext({
    viewport: { width: device.width, height: device.height },
    hasTouch: device.touch === true,
    isMobile: device.touch === true,
  });
  await instrument(context, withVoices);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(query, inject('gameUrl')).href);
  await waitForLive(page, 'game-state', (s) => s === 'menu');
  // The menu reads its keys from its first frame on.
  await page.waitForTimeout(500);
  return { context, page, errors };
}

describe('hands-free calibration that starts by itself', () => {
  it('records every pose with no key or tap after opening, each step said by a local voice', async () => {
    const { context, page, errors } = await openGame(true, '?handsFreeAfter=3000', {
      width: 1280,
      height: 800,
    });
    await page.keyboard.press('KeyC');
    await expect.poll(() => isVisible(page, 'hands-free-notice')).toBe(true);
    expect(await page.getByTestId('hands-free-notice').textContent()).toMatch(
      /^Hands-free recording starts in [1-3] s: look at the screen$/,
    );
    await screenshot(page, 'hands-free-auto-start-notice');

    // From here on, nothing touches the page.
    await waitUntil(
      page,
      'the big countdown',
      () => isVisible(page, 'big-countdown'),
      Boolean,
      90_000,
    );
    await screenshot(page, 'hands-free-big-countdown');
    await waitUntil(
      page,
      'a recording',
      () => page.locator('.cal-big-countdown.is-recording').isVisible(),
      Boolean,
      30_000,
    );
    await screenshot(page, 'hands-free-big-recording');
    const counts = await waitUntil(
      page,
      'every pose recorded hands-free',
      () => readCounts(page),
      (c) => POSES.every((pose) => c[pose] >= MIN_SHOTS),
      150_000,
    );
    for (const pose of POSES) expect(counts[pose]).toBeGreaterThanOrEqual(MIN_SHOTS);
    await expect
      .poll(() => page.locator('.cal-guide-title').textContent(), { timeout: 15_000 })
      .toBe('Try it');
    expect(await page.getByTestId('calibration-done').isEnabled()).toBe(true);

    const said = await spoken(page);
    const texts = said.map((utterance) => utterance.text);
    // Only the voice on the device, never the remote one the browser offers as its default.
    expect(said.length).toBeGreaterThan(0);
    for (const utterance of said) {
      expect(utterance).toMatchObject({ voice: LOCAL_VOICE, local: true });
    }
    expect(texts).toContain('Hands-free recording starts in 3 seconds. Look at the screen.');
    for (const words of ['Neutral in 3', 'Turn left, and hold', 'Look up, and hold', 'Done']) {
      expect(texts).toContain(words);
    }
    expect(texts.at(-1)).toBe('Every pose recorded. Look at the screen to try it.');
    // A voice speaks: no tone is played on top of it.
    expect(await oscillators(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with no voice, plays the tone cues; a tap cancels the start by itself, and says so', async () => {
    const phone = { width: 412, height: 915, touch: true };
    const { context, page, errors } = await openGame(false, '?handsFreeAfter=4000', phone);
    await page.getByTestId('open-calibration').tap();
    await expect.poll(() => isVisible(page, 'hands-free-notice')).toBe(true);
    await screenshot(page, 'hands-free-auto-start-notice-phone');
    // A tap anywhere (here on the title, which does nothing else).
    await page.locator('#calibration-title').tap();
    await expect
      .poll(() => page.getByTestId('hands-free-notice').textContent())
      .toMatch(/^Hands-free recording cancelled/);
    await screenshot(page, 'hands-free-cancelled-phone');
    // Well past the 4 seconds: no run started.
    await page.waitForTimeout(5_000);
    expect(await isVisible(page, 'big-countdown')).toBe(false);
    expect(await page.getByTestId('hands-free').isEnabled()).toBe(true);
    expect(await readCounts(page)).toEqual({ neutral: 0, left: 0, right: 0, up: 0, down: 0 });

    // Back to the menu and in again: this time nothing is touched.
    await page.keyboard.press('Escape');
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await page.waitForTimeout(500);
    await page.getByTestId('open-calibration').tap();
    await waitUntil(
      page,
      'the big countdown',
      () => isVisible(page, 'big-countdown'),
      Boolean,
      90_000,
    );
    await screenshot(page, 'hands-free-big-countdown-phone');
    // The first pose's tone (neutral: one note, 523 Hz), the rising "turn now" and the chime.
    const heard = await waitUntil(
      page,
      'the pose tone, the rising tone and the chime',
      () => oscillators(page),
      (list) => list.some((o) => o.type === 'sine' && o.frequencies[0] === 1046.5),
      30_000,
    );
    expect(heard.some((o) => o.frequencies.length === 1 && o.frequencies[0] === 523.25)).toBe(true);
    expect(heard.some((o) => o.frequencies[0] === 300 && o.frequencies[1] === 1200)).toBe(true);
    expect(await spoken(page)).toEqual([]);
    expect(await readLive(page, 'game-state')).toBe('calibrating');
    expect(errors).toEqual([]);
    await context.close();
  });
});
