/**
 * The speed part's tables, as markdown: one run's every table (speed per backend beside the
 * demo, start-up, memory, reaction, where start-up's time goes), and, when the bench ran at
 * more than one CPU throttling rate, the rows that matter side by side, one column a rate.
 */
import type { StartupTimes } from './browser/pageProbe';
import type { GameRun, SpeedReport, WorkerFrames } from './browser/speed';
import { fixed, markdownTable, ratio } from './stats';

/** How a run was throttled, for headings: '' unthrottled, ', CPU 4x' otherwise. */
export function throttleNote(speed: SpeedReport): string {
  return speed.cpuThrottle === 1 ? '' : `, CPU ${speed.cpuThrottle}x`;
}

/** What the throttling slowed, in words (null for an unthrottled run). */
export function throttleEffectText(speed: SpeedReport): string | null {
  const e = speed.throttleEffect;
  if (speed.cpuThrottle === 1 || e === null) return null;
  const engine =
    (e.engine ?? 1) > 1
      ? `; the inference engine ${fixed(e.engine ?? 1)}x by its own emulation (?engineSlowerBy)`
      : '; the inference engine at full speed';
  return `the page's main thread ${fixed(e.page)}x slower, a worker ${fixed(e.worker)}x (the same busy loop, throttled against not)${engine}`;
}

export function reactionText(r: SpeedReport['reaction']): string {
  return r
    ? `${fixed(r.framesP50, 0)} / ${fixed(r.framesP95, 0)} frames (${fixed(r.msP50, 0)} / ${fixed(r.msP95, 0)} ms), ${r.changes} changes, ${r.missed} missed`
    : '–';
}

/** The worker's camera frames a second, in words ('–' where the page read them). */
export function workerFramesText(frames: WorkerFrames | null | undefined): string {
  if (!frames) return '–';
  return (
    `${fixed(frames.read)} read, ${fixed(frames.predicted)} predicted; before the governor's turn ` +
    `${fixed(frames.looked)}: ${fixed(frames.moved)} moved + ${fixed(frames.settling)} settling ` +
    `predicted, ${fixed(frames.still)} still + ${fixed(frames.blind)} unseen let go`
  );
}

/** The short form for the side-by-side table. */
function reactionShort(r: SpeedReport['reaction']): string {
  return r
    ? `${fixed(r.framesP50, 0)} / ${fixed(r.framesP95, 0)} (${fixed(r.msP50, 0)} / ${fixed(r.msP95, 0)} ms)`
    : '–';
}

function loopRows(runs: GameRun[], who: string): string[][] {
  return runs.map((run) => {
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
}

/** Every table of one run. */
export function speedTables(speed: SpeedReport): string[] {
  const out: string[] = [];
  const note = throttleNote(speed);
  out.push(`\n### Speed in headless Chromium (built game, fake camera 640x480 @ 30 fps${note})\n`);
  const effect = throttleEffectText(speed);
  if (effect !== null) out.push(`Throttled: ${effect}.\n`);
  out.push(
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
        ...loopRows(speed.games, 'headchomp (worker)'),
        ...loopRows(
          [{ backend: 'wasm', loop: speed.fullRate.loop, error: speed.fullRate.error }],
          'headchomp (worker), ?headRate=full',
        ),
        ...(speed.otherReading
          ? loopRows(
              [{ backend: 'wasm', loop: speed.otherReading.loop, error: speed.otherReading.error }],
              'headchomp (worker), ?headFrames=worker (the worker takes the camera frames)',
            )
          : []),
        ...loopRows(speed.demos, 'demo loop (main thread)'),
      ],
    ),
  );
  out.push(
    '\nRatios, headchomp / demo, same browser run (lower is better for ms, higher for frames):\n',
  );
  out.push(
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
  out.push(`\n### Start-up, memory, size, reaction (wasm${note})\n`);
  out.push(
    markdownTable(
      ['measure', 'value'],
      [
        [
          'rAF interval, head control OFF, p50 / p95 / max (ms)',
          `${fixed(speed.frameHeadOff.p50)} / ${fixed(speed.frameHeadOff.p95)} / ${fixed(speed.frameHeadOff.max, 0)}`,
        ],
        [
          'page open → first prediction, cold (model not cached, HTTP cache cleared; backend remembered)',
          `${fixed(speed.firstPredictionMs.cold, 0)} ms`,
        ],
        [
          'page open → first prediction, model cached (backend remembered)',
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
          'the same with ?headFrames=worker (the worker takes the camera frames)',
          reactionText(speed.otherReading?.reaction ?? null),
        ],
        [
          "the worker's camera frames a second, default rate",
          workerFramesText(speed.games.find((g) => g.backend === 'wasm')?.loop?.workerFrames),
        ],
        [
          "the worker's camera frames a second, ?headRate=full",
          workerFramesText(speed.fullRate.loop?.workerFrames),
        ],
        [
          "the demo's loop: camera frames from a pose change to its first prediction on it",
          reactionText(speed.demos.find((d) => d.backend === 'wasm')?.reaction ?? null),
        ],
      ],
    ),
  );
  out.push(...startupTable(speed));
  return out;
}

type Mark = keyof StartupTimes | 'open' | 'first';

/** The parts of start-up, from page open to the first prediction: [words, from, to]. */
const STARTUP_PARTS: ReadonlyArray<readonly [string, Mark, Mark]> = [
  ['page open → the camera is asked for', 'open', 'cameraAsked'],
  ['camera asked → its picture (getUserMedia)', 'cameraAsked', 'cameraOpen'],
  ['page open → the inference worker is made', 'open', 'worker'],
  ['worker made → it loads the models (its script and TF.js read)', 'worker', 'loadingModels'],
  ['model files fetched and read (MobileNet, face detector)', 'loadingModels', 'startingBackend'],
  [
    'backend started (measured when not known), models built, face finder on',
    'startingBackend',
    'ready',
  ],
  ['ready → first prediction (the first camera frame through it)', 'ready', 'first'],
  ['page open → first prediction', 'open', 'first'],
];

/** ms from one start-up mark to another, cold or cached ('–' when either is missing). */
function startupSpan(speed: SpeedReport, cold: boolean, from: Mark, to: Mark): string {
  const times = cold ? speed.startup.cold : speed.startup.cached;
  const first = cold ? speed.firstPredictionMs.cold : speed.firstPredictionMs.cached;
  const at = (mark: Mark): number | undefined =>
    mark === 'open' ? 0 : mark === 'first' ? (first ?? undefined) : times?.[mark];
  const a = at(from);
  const b = at(to);
  return a === undefined || b === undefined ? '–' : fixed(b - a, 0);
}

/** Where the time from page open to the first prediction goes, cold and cached. */
function startupTable(speed: SpeedReport): string[] {
  return [
    `\n### Start-up: page open to the first prediction, in parts (ms, wasm${throttleNote(speed)})\n`,
    markdownTable(
      ['part', 'cold', 'cached'],
      STARTUP_PARTS.map(([words, from, to]) => [
        words,
        startupSpan(speed, true, from, to),
        startupSpan(speed, false, from, to),
      ]),
    ),
  ];
}

const wasmOf = (runs: GameRun[]): GameRun['loop'] =>
  runs.find((r) => r.backend === 'wasm')?.loop ?? null;

/** Every speed row, one column per throttling rate (the runs of one bench, in order). */
export function sideBySide(runs: readonly SpeedReport[]): string[] {
  const rows: Array<[string, (s: SpeedReport) => string]> = [
    [
      'what the throttling slowed: page thread / a worker / the engine (emulated)',
      (s) =>
        s.throttleEffect
          ? `${fixed(s.throttleEffect.page)}x / ${fixed(s.throttleEffect.worker)}x / ${fixed(s.throttleEffect.engine ?? 1)}x`
          : '–',
    ],
    ...(['wasm', 'webgl', 'cpu'] as const).map((backend): [string, (s: SpeedReport) => string] => [
      `ms per prediction p50 / p95, ${backend} (worker)`,
      (s) => {
        const l = s.games.find((g) => g.backend === backend)?.loop;
        return l ? `${fixed(l.msP50)} / ${fixed(l.msP95)}` : '–';
      },
    ]),
    [
      'distinct camera frames classified a second (default rate / ?headRate=full)',
      (s) =>
        `${fixed(wasmOf(s.games)?.distinctFramesPerSecond)} / ${fixed(s.fullRate.loop?.distinctFramesPerSecond)}`,
    ],
    [
      'page frame interval p50 / p95 ms, head control on',
      (s) => `${fixed(wasmOf(s.games)?.frameP50)} / ${fixed(wasmOf(s.games)?.frameP95)}`,
    ],
    [
      'page frame interval p50 / p95 ms, head on, ?headRate=full',
      (s) => `${fixed(s.fullRate.loop?.frameP50)} / ${fixed(s.fullRate.loop?.frameP95)}`,
    ],
    [
      'distinct camera frames a second, ?headFrames=worker (the worker takes the camera frames)',
      (s) => fixed(s.otherReading?.loop?.distinctFramesPerSecond),
    ],
    [
      'page frame interval p50 / p95 ms, head on, ?headFrames=worker',
      (s) => `${fixed(s.otherReading?.loop?.frameP50)} / ${fixed(s.otherReading?.loop?.frameP95)}`,
    ],
    [
      'page frame interval p50 / p95 ms, head control off',
      (s) => `${fixed(s.frameHeadOff.p50)} / ${fixed(s.frameHeadOff.p95)}`,
    ],
    [
      "the worker's frames a second, default rate: read / predicted; before the governor's turn: moved / settling (predicted) / still (let go)",
      (s) => {
        const f = wasmOf(s.games)?.workerFrames;
        return f
          ? `${fixed(f.read)} / ${fixed(f.predicted)}; ${fixed(f.moved)} / ${fixed(f.settling)} / ${fixed(f.still)}`
          : '–';
      },
    ],
    ['reaction, camera frames p50 / p95 (ms)', (s) => reactionShort(s.reaction)],
    ['reaction with ?headRate=full', (s) => reactionShort(s.fullRate.reaction)],
    ['reaction with ?headFrames=worker', (s) => reactionShort(s.otherReading?.reaction ?? null)],
    [
      "demo's loop: ms per prediction p50 / p95 (wasm, main thread)",
      (s) => `${fixed(wasmOf(s.demos)?.msP50)} / ${fixed(wasmOf(s.demos)?.msP95)}`,
    ],
    [
      "demo's loop: distinct camera frames a second",
      (s) => fixed(wasmOf(s.demos)?.distinctFramesPerSecond),
    ],
    [
      "demo's loop: page frame interval p50 / p95 ms",
      (s) => `${fixed(wasmOf(s.demos)?.frameP50)} / ${fixed(wasmOf(s.demos)?.frameP95)}`,
    ],
    [
      "demo's loop: reaction (to its first prediction on the new pose)",
      (s) => reactionShort(s.demos.find((d) => d.backend === 'wasm')?.reaction ?? null),
    ],
    [
      'page open → first prediction, cold / cached (ms)',
      (s) => `${fixed(s.firstPredictionMs.cold, 0)} / ${fixed(s.firstPredictionMs.cached, 0)}`,
    ],
    ...STARTUP_PARTS.slice(0, -1).map(([words, from, to]): [string, (s: SpeedReport) => string] => [
      `start-up, cold / cached ms: ${words}`,
      (s) => `${startupSpan(s, true, from, to)} / ${startupSpan(s, false, from, to)}`,
    ]),
  ];
  const columns = runs.map((s) => (s.cpuThrottle === 1 ? 'unthrottled' : `CPU ${s.cpuThrottle}x`));
  return [
    '\n### Speed, side by side (wasm unless named; same bench run, one rate after the other)\n',
    markdownTable(
      ['measure', ...columns],
      rows.map(([words, value]) => [words, ...runs.map(value)]),
    ),
  ];
}
