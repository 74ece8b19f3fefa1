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
import { fixed, markdownTable, ratio } from './stats';
import type { StartupTimes } from './browser/pageProbe';
import { measureSpeed, type Backend, type GameRun, type SpeedReport } from './browser/speed';

const RESULTS = 'bench/results';
const ANSI_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
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

function speedTables(speed: SpeedReport): void {
  const rows = (runs: GameRun[], who: string): string[][] =>
    runs.map((run) => {
      const l = run.loop;
      if (!l) return [who, run.backend, `failed: ${run.error ?? '?'}`, '', '', '', ''];
      return [
        who,
        run.backend,
        `${fixed(l.msP50)} / ${fixed(l.msP95)}`,
        fixed(l.predictionsPerSecond),
        fixed(l.distinctFramesPerSecond),
        `${fixed(l.frameP50)} / ${fixed(l.frameP95)} / ${fixed(l.frameMax, 0)}`,
        `${l.tensorsStart ?? '–'} → ${l.tensorsEnd ?? '–'}`,
      ];
    });
  print('\n### Speed in headless Chromium (built game, fake camera 640x480 @ 30 fps)\n');
  print(
    markdownTable(
      [
        'loop',
        'backend',
        'ms per prediction p50 / p95',
        'predictions/s',
        'distinct camera frames/s',
        'rAF interval ms p50 / p95 / max',
        'tensors start → end',
      ],
      [
        ...rows(speed.games, 'headchomp (worker)'),
        ...rows(
          [{ backend: 'wasm', loop: speed.fullRate.loop, error: speed.fullRate.error }],
          'headchomp (worker), ?headRate=full',
        ),
        ...rows(speed.demos, 'demo loop (main thread)'),
      ],
    ),
  );
  print(
    '\nRatios, headchomp / demo, same browser run (lower is better for ms, higher for frames):\n',
  );
  print(
    markdownTable(
      ['backend', 'ms p50', 'ms p95', 'distinct frames/s', 'rAF p95'],
      speed.games.map((g) => {
        const d = speed.demos.find((x) => x.backend === g.backend)?.loop;
        return [
          g.backend,
          ratio(g.loop?.msP50, d?.msP50),
          ratio(g.loop?.msP95, d?.msP95),
          ratio(g.loop?.distinctFramesPerSecond, d?.distinctFramesPerSecond),
          ratio(g.loop?.frameP95, d?.frameP95),
        ];
      }),
    ),
  );
  const m = speed.memory;
  print('\n### Start-up, memory, size, reaction (wasm)\n');
  print(
    markdownTable(
      ['measure', 'value'],
      [
        [
          'rAF interval, head control OFF, p50 / p95 / max (ms)',
          `${fixed(speed.frameHeadOff.p50)} / ${fixed(speed.frameHeadOff.p95)} / ${fixed(speed.frameHeadOff.max, 0)}`,
        ],
        [
          'page open → first prediction, cold (model not cached, HTTP cache cleared)',
          `${fixed(speed.firstPredictionMs.cold, 0)} ms`,
        ],
        [
          'page open → first prediction, model cached',
          `${fixed(speed.firstPredictionMs.cached, 0)} ms`,
        ],
        [
          'JS heap (page; after GC) at start → after play',
          m
            ? `${fixed(m.heapStartMB)} → ${fixed(m.heapEndMB)} MB over ${fixed(m.seconds, 0)} s`
            : '–',
        ],
        [
          'tf tensors (worker) at start → after play',
          m ? `${m.tensorsStart ?? '–'} → ${m.tensorsEnd ?? '–'}` : '–',
        ],
        [
          'JS loaded before the menu shows',
          `${(speed.jsBeforeMenu.bytes / 1024).toFixed(0)} KiB, ${(speed.jsBeforeMenu.gzipBytes / 1024).toFixed(0)} KiB gzip (${speed.jsBeforeMenu.files.join(', ')})`,
        ],
        [
          'reaction: camera frames from a pose change to the new direction, p50 / p95',
          reactionText(speed.reaction),
        ],
        ['the same with ?headRate=full (rate governor off)', reactionText(speed.fullRate.reaction)],
        [
          "the demo's loop: camera frames from a pose change to its first prediction on it",
          reactionText(speed.demos.find((d) => d.backend === 'wasm')?.reaction ?? null),
        ],
      ],
    ),
  );
}

/** Where the time from page open to the first prediction goes, cold and cached. */
function startupTable(speed: SpeedReport): void {
  const { cold, cached } = speed.startup;
  const first = speed.firstPredictionMs;
  type Mark = keyof StartupTimes | 'open' | 'first';
  const runs: Array<[StartupTimes | null, number | null]> = [
    [cold, first.cold],
    [cached, first.cached],
  ];
  const span = (from: Mark, to: Mark): string[] =>
    runs.map(([times, firstMs]) => {
      const at = (mark: Mark): number | undefined =>
        mark === 'open' ? 0 : mark === 'first' ? (firstMs ?? undefined) : times?.[mark];
      const a = at(from);
      const b = at(to);
      return a === undefined || b === undefined ? '–' : fixed(b - a, 0);
    });
  print('\n### Start-up: page open to the first prediction, in parts (ms, wasm)\n');
  print(
    markdownTable(
      ['part', 'cold', 'cached'],
      [
        ['page open → the camera is asked for', ...span('open', 'cameraAsked')],
        ['camera asked → its picture (getUserMedia)', ...span('cameraAsked', 'cameraOpen')],
        ['page open → the inference worker is made', ...span('open', 'worker')],
        [
          'worker made → it loads the models (its script and TF.js read)',
          ...span('worker', 'loadingModels'),
        ],
        [
          'model files fetched and read (MobileNet, face detector)',
          ...span('loadingModels', 'startingBackend'),
        ],
        [
          'backend started (measured when not known), models built, face finder on',
          ...span('startingBackend', 'ready'),
        ],
        ['ready → first prediction (the first camera frame through it)', ...span('ready', 'first')],
        ['page open → first prediction', ...span('open', 'first')],
      ],
    ),
  );
}

function reactionText(r: SpeedReport['reaction']): string {
  return r
    ? `${fixed(r.framesP50, 0)} / ${fixed(r.framesP95, 0)} frames (${fixed(r.msP50, 0)} / ${fixed(r.msP95, 0)} ms), ${r.changes} changes, ${r.missed} missed`
    : '–';
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

  let speed: SpeedReport | null = null;
  if (!skip.has('speed')) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
    const backends: Backend[] = ['wasm', 'webgl', 'cpu'];
    speed = await measureSpeed(backends);
    speedTables(speed);
    startupTable(speed);
    writeFileSync(`${RESULTS}/speed.json`, JSON.stringify(speed, null, 2));
  }

  if (!skip.has('ticks')) {
    print('\n### Game rules tick (vitest bench)\n');
    const ticks = spawnSync('npx', ['vitest', 'bench', '--run', '--project', 'unit'], {
      encoding: 'utf8',
    });
    print('```\n' + (ticks.stdout ?? '').replace(ANSI_COLOURS, '').trim() + '\n```');
  }

  const list = goals(accuracy, speed, profile);
  print('\n### Goals (issues 4, 11 and 16)\n');
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
