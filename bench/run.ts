/**
 * `npm run bench`: everything issue 4 asks for, in one go, printed as markdown tables and
 * written as JSON under bench/results/.
 *
 *   1. accuracy on Pointing'04 through the game's pipeline, beside the webcam Pac-Man demo's
 *      method (tools/eval-poses.ts);
 *   2. where the milliseconds of one prediction go, in Node (same code as the game's engine);
 *   3. speed of the BUILT game in headless Chromium with a fake camera, per backend, beside the
 *      demo's loop in the same browser; reaction time from a pose change to a new direction;
 *   4. the game rules' tick (vitest bench).
 * Then the goals, each marked met or missed.
 *
 * `npm run bench -- --cpu-throttle 4` runs the speed part with Chromium's CPU throttled 4x on
 * every page from page open; `--cpu-throttle 1,4` runs it unthrottled, then at 4x, and prints
 * the two side by side (bench/browser/throttle.ts says what the throttling slows: the page by
 * Chromium, the inference worker by the engine's own emulation unless `--engine-full-speed`).
 *
 * BENCH_SKIP=accuracy,speed,ticks skips parts (a skipped accuracy or profile part is read back
 * from its JSON of an earlier run, and says so, so the goals table stays whole); BENCH_PLAY_SECONDS (default 120) sets the long
 * play run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { runAccuracy, type AccuracyRun } from '../tools/eval-poses';
import { POINTING04_DIR } from '../tools/node/pointing04';
import { profilePrediction, type PredictionProfile } from './profile';
import { goals } from './goals';
import { fixed, markdownTable } from './stats';
import { measureSpeed, type Backend, type SpeedReport } from './browser/speed';
import { cpuThrottleRates, engineThrottled } from './throttleRates';
import { sideBySide, speedTables } from './speedTables';

const RESULTS = 'bench/results';
const ANSI_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const rates = cpuThrottleRates(process.argv.slice(2));
const engineToo = engineThrottled(process.argv.slice(2));
const started = Date.now();
const out: string[] = [];

function print(text: string): void {
  console.log(text);
  out.push(text);
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const chromium = spawnSync('/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
  }).stdout.trim();
  return `${cpus().length} x ${cpu}, Node ${process.version}, ${chromium || 'chromium ?'}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`;
}

function profileTable(profile: PredictionProfile): void {
  print(
    '\n### Where the milliseconds of one prediction go (Node, tfjs wasm, same code as the engine)\n',
  );
  print(
    markdownTable(
      ['step', 'ms p50', 'ms p95'],
      profile.steps.map((s) => [s.step, fixed(s.p50, 2), fixed(s.p95, 2)]),
    ),
  );
}

/** A skipped part's results from an earlier run (bench/results/<name>.json), said as such. */
function earlierRun<T>(name: string): T | null {
  const path = `${RESULTS}/${name}.json`;
  if (!existsSync(path)) return null;
  print(`\n(${name}: skipped in this run; the figures below are ${path} of an earlier run)`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  print(`# headchomp benchmarks, ${new Date().toISOString()}\n`);
  print(`Machine: ${machine()}. Numbers from a shared, busy machine are noisy: compare ratios.`);

  let accuracy: AccuracyRun | null;
  if (skip.has('accuracy')) {
    accuracy = earlierRun<AccuracyRun>('accuracy');
    if (accuracy !== null) print(`\n${accuracy.markdown}`);
  } else {
    // With the face finder's pipelines on both photo sets (their first run embeds ~16,000
    // more images than the centre square alone).
    accuracy = await runAccuracy(POINTING04_DIR, { baseline: true, faceFinder: true });
    print(`\n${accuracy.markdown}`);
    writeFileSync(`${RESULTS}/accuracy.json`, JSON.stringify(accuracy, null, 2));
  }

  let profile: PredictionProfile | null;
  if (skip.has('profile')) {
    profile = earlierRun<PredictionProfile>('profile');
    if (profile !== null) profileTable(profile);
  } else {
    profile = await profilePrediction();
    profileTable(profile);
    writeFileSync(`${RESULTS}/profile.json`, JSON.stringify(profile, null, 2));
  }

  const speeds: SpeedReport[] = [];
  if (!skip.has('speed')) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
    const backends: Backend[] = ['wasm', 'webgl', 'cpu'];
    for (const rate of rates) {
      const speed = await measureSpeed(backends, { cpuThrottle: rate, engineToo });
      speeds.push(speed);
      for (const line of speedTables(speed)) print(line);
      const name = rate === 1 ? 'speed' : `speed-cpu${rate}x`;
      writeFileSync(`${RESULTS}/${name}.json`, JSON.stringify(speed, null, 2));
    }
    if (speeds.length > 1) for (const line of sideBySide(speeds)) print(line);
  }

  if (!skip.has('ticks')) {
    print('\n### Game rules tick (vitest bench)\n');
    const ticks = spawnSync('npx', ['vitest', 'bench', '--run', '--project', 'unit'], {
      encoding: 'utf8',
    });
    print('```\n' + (ticks.stdout ?? '').replace(ANSI_COLOURS, '').trim() + '\n```');
  }

  const list = goals(accuracy, speeds, profile);
  print('\n### Goals (issues 4, 11, 16, 17 and 28)\n');
  print(
    markdownTable(
      ['goal', 'measured', 'status'],
      list.map((g) => [
        g.goal,
        g.measured,
        g.met === null ? 'not measured' : g.met ? 'MET' : 'MISSED',
      ]),
    ),
  );
  const minutes = (Date.now() - started) / 60_000;
  print(
    `\nTotal bench time: ${minutes.toFixed(1)} min. Load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}.`,
  );
  writeFileSync(
    `${RESULTS}/goals.json`,
    JSON.stringify({ goals: list, minutes, machine: machine() }, null, 2),
  );
  writeFileSync(`${RESULTS}/summary.md`, out.join('\n') + '\n');
}

await main();
