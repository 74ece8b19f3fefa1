/**
 * The in-game trial of issue 17: hidden people, calibrated through the screen and playing the
 * other session. For each person, a first visit to the BUILT game in headless Chromium with a
 * camera that follows the screen (tests/browser/support/followingCamera.ts): one press of H,
 * the hands-free recording of the person's series-1 photos, hold up to play; then the camera
 * shows the person's series-2 photos (glasses, light and hair of another day) in a seeded
 * script, straight ahead and a turn by turns, each held 2-4 s, for `--seconds` of play. A
 * cooperative player follows a touch-up if the game starts one (counted, and its time left out).
 *
 * What it prints, per person and in all (markdown):
 *  - agreement: of the samples taken 10 times a second while playing, at least 1 s after the
 *    shown pose changed (the reaction is measured elsewhere), the share where the pose the game
 *    acts on (`head-pose`) is the one shown; a straight head reading as no pose held agrees;
 *  - wrong turns a minute: times the game took up a turn the player was not showing;
 *  - touch-ups offered, and the seconds from page open to `playing`.
 *
 *   npx vite build && npx tsx tools/play-trial.ts [--people person05,person09] [--seconds 150]
 *
 * Needs Chromium and the models and photos in ../shared, as the browser tests do. About 3 min
 * a person on 2 cores. Photos: Gourier, Hall & Crowley, Pointing 2004 (ICPR workshop).
 */
import type { Page } from 'playwright-core';
import { launchChromium, readLive, screenshot, waitForLive } from '../tests/browser/chromium';
import {
  askedFor,
  follow,
  installFollowingCamera,
  loadPhotos,
  show,
  type Shown,
} from '../tests/browser/support/followingCamera';
import { serveBuiltGame } from '../bench/browser/servers';
import { mulberry32 } from '../src/game/random';

const TURNS = ['left', 'right', 'up', 'down'] as const;
type Shot = { readonly pose: Shown; readonly seconds: number };

const SETTLED_MS = 1000;

/** Straight, then a turn, each held 2-4 s, for at least `seconds` (seeded per person). */
function poseScript(seconds: number, seed: number): Shot[] {
  const random = mulberry32(seed);
  const script: Shot[] = [];
  let total = 0;
  while (total < seconds) {
    for (const pose of ['neutral', TURNS[Math.floor(random() * TURNS.length)] ?? 'left'] as const) {
      const hold = 2 + 2 * random();
      script.push({ pose, seconds: hold });
      total += hold;
    }
  }
  return script;
}

interface Trial {
  readonly person: string;
  readonly toPlaying: number;
  /** Settled samples while playing, and those that agreed. */
  readonly samples: number;
  readonly agreed: number;
  /** Per shown pose: [agreed, samples]. */
  readonly perPose: Record<string, [number, number]>;
  /** Per shown pose, what the settled samples read as (`head-pose`: a pose, or none). */
  readonly readAs: Record<string, Record<string, number>>;
  readonly wrongTurns: number;
  readonly playedSeconds: number;
  readonly touchUps: number;
}

const agrees = (shown: Shown, acted: string): boolean =>
  shown === 'neutral' ? acted === 'neutral' || acted === 'none' : acted === shown;

async function hintAsksToHold(page: Page): Promise<Shown | null> {
  const hold = /Hold (up|down|left|right) for 1 second to/.exec(await readLive(page, 'head-hint'));
  return (hold?.[1] as Shown | undefined) ?? null;
}

async function trial(url: string, person: string, seconds: number, seed: number): Promise<Trial> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await installFollowingCamera(context);
    const page = await context.newPage();
    const opened = Date.now();
    await page.goto(url);
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await loadPhotos(page, person, 1);
    const player = follow(page);
    await page.keyboard.press('KeyH');
    await waitForLive(page, 'game-state', (s) => s === 'playing', 120_000);
    const toPlaying = (Date.now() - opened) / 1000;
    await player.stop();
    await loadPhotos(page, person, 2);

    const perPose: Record<string, [number, number]> = {};
    const readAs: Record<string, Record<string, number>> = {};
    let samples = 0;
    let agreed = 0;
    let wrongTurns = 0;
    let touchUps = 0;
    let inTouchUp = false;
    let playedMs = 0;
    let lastActed = 'none';
    for (const step of poseScript(seconds, seed)) {
      const began = Date.now();
      let previous: Shown | null = null;
      while (Date.now() - began < step.seconds * 1000) {
        const tick = Date.now();
        const asked = await askedFor(page);
        const state = await readLive(page, 'game-state');
        const held = state === 'playing' ? null : await hintAsksToHold(page);
        const touchingUp = asked.countdown !== null;
        if (touchingUp && !inTouchUp) touchUps++;
        inTouchUp = touchingUp;
        // A cooperative player: follows a touch-up's countdown, holds up to play again after a
        // game over, and otherwise shows the script's pose.
        const shown: Shown = asked.countdown ?? held ?? step.pose;
        if (shown !== previous) await show(page, shown);
        previous = shown;
        const acted = await readLive(page, 'head-pose');
        if (state === 'playing' && !touchingUp) {
          const since = Date.now() - began;
          if (acted !== lastActed && (TURNS as readonly string[]).includes(acted)) {
            if (acted !== step.pose) wrongTurns++;
          }
          if (since >= SETTLED_MS) {
            const ok = agrees(step.pose, acted);
            samples++;
            if (ok) agreed++;
            const row = (readAs[step.pose] ??= {});
            row[acted] = (row[acted] ?? 0) + 1;
            const cell = (perPose[step.pose] ??= [0, 0]);
            cell[1]++;
            if (ok) cell[0]++;
          }
        }
        lastActed = acted;
        await page.waitForTimeout(Math.max(0, 100 - (Date.now() - tick)));
        if (state === 'playing' && !touchingUp) playedMs += Date.now() - tick;
      }
    }
    await screenshot(page, `play-trial-${person}`);
    return {
      person,
      toPlaying,
      samples,
      agreed,
      perPose,
      readAs,
      wrongTurns,
      playedSeconds: playedMs / 1000,
      touchUps,
    };
  } finally {
    await browser.close();
  }
}

function table(trials: readonly Trial[]): string {
  const pct = (a: number, b: number): string => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}`);
  const poses = ['neutral', ...TURNS];
  const rows = trials.map((t) => [
    t.person,
    `${pct(t.agreed, t.samples)} %`,
    ...poses.map((p) => pct(t.perPose[p]?.[0] ?? 0, t.perPose[p]?.[1] ?? 0)),
    ((60 * t.wrongTurns) / Math.max(1, t.playedSeconds)).toFixed(1),
    String(t.touchUps),
    t.toPlaying.toFixed(1),
  ]);
  const sum = (f: (t: Trial) => number): number => trials.reduce((s, t) => s + f(t), 0);
  rows.push([
    '**all**',
    `${pct(
      sum((t) => t.agreed),
      sum((t) => t.samples),
    )} %`,
    ...poses.map((p) =>
      pct(
        sum((t) => t.perPose[p]?.[0] ?? 0),
        sum((t) => t.perPose[p]?.[1] ?? 0),
      ),
    ),
    (
      (60 * sum((t) => t.wrongTurns)) /
      Math.max(
        1,
        sum((t) => t.playedSeconds),
      )
    ).toFixed(1),
    String(sum((t) => t.touchUps)),
    (sum((t) => t.toPlaying) / Math.max(1, trials.length)).toFixed(1),
  ]);
  const header = [
    'person',
    'agreement',
    ...poses.map((p) => `${p} %`),
    'wrong turns / min',
    'touch-ups',
    's to playing',
  ];
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** All people's settled samples: rows the pose shown, columns what the game acted on. */
function readAsTable(trials: readonly Trial[]): string {
  const poses = ['neutral', ...TURNS];
  const columns = [...poses, 'none'];
  const rows = poses.map((shown) => [
    shown,
    ...columns.map((acted) =>
      String(trials.reduce((sum, t) => sum + (t.readAs[shown]?.[acted] ?? 0), 0)),
    ),
  ]);
  const header = ['shown \\ acted on', ...columns];
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const people = (option('people') ?? 'person05,person09,person11,person13').split(',');
  const seconds = Number(option('seconds') ?? 150);
  const served = await serveBuiltGame();
  const trials: Trial[] = [];
  try {
    for (const [i, person] of people.entries()) {
      const result = await trial(served.url, person, seconds, 2004 + i);
      console.error(
        `${person}: ${((100 * result.agreed) / Math.max(1, result.samples)).toFixed(1)} % ` +
          `(${result.samples} samples), ${result.wrongTurns} wrong turns, ${result.touchUps} touch-ups`,
      );
      trials.push(result);
    }
  } finally {
    await served.close();
  }
  console.log(
    `\n### In play: hidden people, calibrated hands-free on series 1, playing series 2 (${seconds} s each)\n`,
  );
  console.log(table(trials));
  console.log('\nSettled samples, all people (none: no pose held)\n');
  console.log(readAsTable(trials));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
