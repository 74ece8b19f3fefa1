/**
 * The in-play trial, the judge of head control on the day a player really has (issue 27).
 * For each Pointing'04 person and condition, a first visit to the BUILT game in headless
 * Chromium with a camera that follows the screen (tests/browser/support/followingCamera.ts),
 * at the 60 % game speed a returning player would have stored: one press of H, the hands-free
 * calibration on series 1 through the screen, hold up to play; then series 2 (glasses, light
 * and hair of another day) in a script of poses seeded per person (the same in every
 * condition), straight ahead then a turn, each held 2-4 s, for `--seconds` of wall time. A
 * cooperative player follows a touch-up if the game starts one, and holds up to play again
 * after a game over.
 *
 * A head holds still: one photo per hold (at random from the pose's photos in the condition);
 * while calibrating, one photo per turn, and straight ahead looking round the screen as the
 * game's dot travels (a new straight photo every third of a second, during that recording
 * only). The conditions and their cameras: node/trialConditions.ts.
 *
 * Per condition, a table (a row per person and all):
 *  - agreement: of the samples taken 10 times a second while playing, at least 1 s after the
 *    shown pose changed, the share where the pose the game acts on (`head-pose`) is the one
 *    shown; a straight head reading as no pose held agrees;
 *  - wrong turns and touch-ups a minute of play, and the time from the camera's change to the
 *    pose the game acts on, p50 / p90, measured in the page (node/trialTimeline.ts);
 *  - seconds from page open to `playing`;
 * and what the settled samples read as. Each game prints a line as it ends. `--cpu-throttle`
 * slows the device as the bench does (bench/browser/throttle.ts): the page's thread by
 * Chromium, the inference worker by the engine's own emulation (?engineSlowerBy), unless
 * `--engine-full-speed` (the page's thread alone, as before 2026-12-07 evening).
 *
 *   npx vite build && npx tsx tools/play-trial.ts [--people person05,person09]
 *     [--conditions plain,natural,small,dim,camera640] [--seconds 150] [--cpu-throttle 4]
 *     [--engine-full-speed]
 *
 * Defaults: all 15 people, all five conditions, 150 s. Needs Chromium and the models and
 * photos in ../shared, as the browser tests do. A game takes about a minute plus its seconds
 * (150 s: 210 s on 2 shared cores), so the whole run about 4.5 hours and `--people
 * person05,person09 --conditions natural,dim --seconds 90` about 10 minutes. Photos: Gourier,
 * Hall & Crowley, Pointing 2004 (ICPR workshop).
 */
import type { Page } from 'playwright-core';
import { openPage } from '../bench/browser/throttle';
import { engineThrottled } from '../bench/throttleRates';
import { launchChromium, readLive, screenshot, waitForLive } from '../tests/browser/chromium';
import {
  askedFor,
  follow,
  installFollowingCamera,
  loadPhotoFiles,
  setLight,
  show,
  type Shown,
} from '../tests/browser/support/followingCamera';
import { mulberry32 } from '../src/game/random';
import { DEFAULT_PLAYER_SETTINGS, PLAYER_SETTINGS_KEY } from '../src/storage/playerSettings';
import { hashText } from './node/knnEvaluation';
import {
  calibrationFiles,
  playFiles,
  trialConditions,
  type PhotoFiles,
  type TrialCondition,
} from './node/trialConditions';
import { serveFrozenBuild } from './node/trialServer';
import { conditionTable, gameLine, readAsTable, type TrialGame } from './node/trialTables';
import { actsOn, countTimeline, readTimeline, watchTimeline } from './node/trialTimeline';

const TURNS = ['left', 'right', 'up', 'down'] as const;
type Hold = { readonly pose: Shown; readonly seconds: number };

/** Samples this long after the shown pose changed count for agreement. */
const SETTLED_MS = 1000;
/** A calibration that has not reached play by then is reported, not waited for. */
const CALIBRATION_LIMIT_MS = 240_000;
/** The speed a player who steers with the head chooses in the settings. */
const HEAD_PLAYER_SPEED = 60;

/** Straight, then a turn, each held 2-4 s, for at least `seconds`. */
function poseScript(seconds: number, random: () => number): Hold[] {
  const script: Hold[] = [];
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

async function hintAsksToHold(page: Page): Promise<Shown | null> {
  const hold = /Hold (up|down|left|right) for [\d.]+ seconds? to/.exec(
    await readLive(page, 'head-hint'),
  );
  return (hold?.[1] as Shown | undefined) ?? null;
}

async function pageTime(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** One game of `person` in `condition`: calibrated hands-free, then `seconds` of the script. */
async function game(
  url: string,
  person: string,
  condition: TrialCondition,
  seconds: number,
  throttle: number,
): Promise<TrialGame> {
  const began = Date.now();
  const browser = await launchChromium();
  const base = { person, condition: condition.id };
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await installFollowingCamera(context, condition.camera);
    await watchTimeline(context);
    // A returning player's stored speed (nothing else stored: still a first visit).
    await context.addInitScript(
      ([key, value]) => {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      },
      [
        PLAYER_SETTINGS_KEY,
        JSON.stringify({ ...DEFAULT_PLAYER_SETTINGS, gameSpeed: HEAD_PLAYER_SPEED }),
      ] as const,
    );
    const page = await openPage(context, throttle);
    const opened = Date.now();
    await page.goto(url);
    await waitForLive(page, 'game-state', (s) => s === 'menu');
    await loadPhotoFiles(page, calibrationFiles(condition, person));
    const player = follow(page);
    await page.keyboard.press('KeyH');
    const reached = await waitForLive(
      page,
      'game-state',
      (s) => s === 'playing',
      CALIBRATION_LIMIT_MS,
    ).catch(() => null);
    await player.stop();
    if (reached === null) {
      await screenshot(page, `play-trial-${condition.id}-${person}-no-play`);
      const failure = `never reached play in ${CALIBRATION_LIMIT_MS / 1000} s`;
      return { ...base, ...NO_PLAY, failure, wallSeconds: (Date.now() - began) / 1000 };
    }
    const toPlaying = (Date.now() - opened) / 1000;
    const files = playFiles(condition, person);
    await setLight(page, condition.light ?? null);
    await loadPhotoFiles(page, files);
    const from = await pageTime(page);
    const sampled = await playScript(page, files, seconds, hashText(person));
    const counts = countTimeline(await readTimeline(page), from);
    await screenshot(page, `play-trial-${condition.id}-${person}`);
    return {
      ...base,
      failure: null,
      toPlaying,
      ...sampled,
      ...counts,
      wallSeconds: (Date.now() - began) / 1000,
    };
  } catch (error) {
    // A game that broke (a page that crashed or did not load) is reported, and
    // the other games go on.
    const failure = `broke: ${String(error).split('\n')[0] ?? ''}`;
    return { ...base, ...NO_PLAY, failure, wallSeconds: (Date.now() - began) / 1000 };
  } finally {
    await browser.close();
  }
}

const NO_PLAY = {
  toPlaying: null,
  samples: 0,
  agreed: 0,
  readAs: {},
  wrongTurns: 0,
  touchUps: 0,
  playedSeconds: 0,
  gameOvers: 0,
  answers: [],
  turnAnswers: [],
  missed: 0,
};

/** Plays the script, sampling what the game acts on ten times a second. */
async function playScript(
  page: Page,
  files: PhotoFiles,
  seconds: number,
  seed: number,
): Promise<Pick<TrialGame, 'samples' | 'agreed' | 'readAs'>> {
  const script = poseScript(seconds, mulberry32(seed));
  const photoRandom = mulberry32(seed + 1);
  /** A photo of `pose` held still: one of the condition's, at random. */
  const showHeld = async (pose: Shown): Promise<void> => {
    const count = pose === 'nobody' ? 1 : files[pose].length;
    await show(page, pose, Math.floor(photoRandom() * count));
  };
  const readAs: Record<string, Record<string, number>> = {};
  let samples = 0;
  let agreed = 0;
  for (const step of script) {
    const began = Date.now();
    let previous: Shown | null = null;
    while (Date.now() - began < step.seconds * 1000) {
      const tick = Date.now();
      const asked = await askedFor(page);
      const state = await readLive(page, 'game-state');
      const held = state === 'playing' ? null : await hintAsksToHold(page);
      // A cooperative player: follows a touch-up's countdown, holds up to play again after a
      // game over, and otherwise shows the script's pose.
      const shown: Shown = asked.countdown ?? held ?? step.pose;
      if (shown !== previous) await showHeld(shown);
      previous = shown;
      const acted = await readLive(page, 'head-pose');
      if (state === 'playing' && asked.countdown === null && Date.now() - began >= SETTLED_MS) {
        samples++;
        if (actsOn(step.pose, acted)) agreed++;
        const row = (readAs[step.pose] ??= {});
        row[acted] = (row[acted] ?? 0) + 1;
      }
      await page.waitForTimeout(Math.max(0, 100 - (Date.now() - tick)));
    }
  }
  return { samples, agreed, readAs };
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const ALL_PEOPLE = Array.from({ length: 15 }, (_, i) => `person${String(i + 1).padStart(2, '0')}`);

async function main(): Promise<void> {
  const people = option('people')?.split(',') ?? ALL_PEOPLE;
  const known = trialConditions();
  const asked = option('conditions')?.split(',') ?? Object.keys(known);
  const conditions = asked.map((id) => {
    const make = known[id];
    if (!make) throw new Error(`unknown condition ${id}: ${Object.keys(known).join(', ')}`);
    return make();
  });
  const seconds = Number(option('seconds') ?? 150);
  const throttle = Number(option('cpu-throttle') ?? 1);
  const engineSlowed = throttle > 1 && engineThrottled(process.argv.slice(2));
  const served = await serveFrozenBuild();
  const url = engineSlowed ? `${served.url}?engineSlowerBy=${throttle}` : served.url;
  const started = Date.now();
  const report: string[] = [];
  try {
    for (const condition of conditions) {
      const games: TrialGame[] = [];
      for (const person of people) {
        const played = await game(url, person, condition, seconds, throttle);
        console.error(gameLine(played));
        games.push(played);
      }
      const light = condition.light;
      const lines = [
        `\n### ${condition.id}: ${condition.play.label}; camera ${condition.camera.width}x` +
          `${condition.camera.height}${light ? `, light ${JSON.stringify(light)}` : ''}; ` +
          `${seconds} s a game at ${HEAD_PLAYER_SPEED} % speed` +
          `${throttle === 1 ? '' : `, CPU ${throttle}x slower (the page's thread${engineSlowed ? ' and the engine' : ''})`}\n`,
        conditionTable(games),
        '\nSettled samples, all people (none: no pose held)\n',
        readAsTable(games),
      ];
      console.error(lines.join('\n'));
      report.push(...lines);
    }
  } finally {
    await served.close();
  }
  console.log(report.join('\n'));
  console.error(`\n${((Date.now() - started) / 60_000).toFixed(1)} min in all`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
