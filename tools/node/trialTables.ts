/** The in-play trial's report: a game's line as it ends, and a condition's tables (markdown). */
import { quantile } from './trialTimeline';

export interface TrialGame {
  readonly person: string;
  readonly condition: string;
  /** Why the game was not played (no play reached, a page that broke), or null. */
  readonly failure: string | null;
  /** Seconds from page open to `playing`, or null: the calibration never reached play. */
  readonly toPlaying: number | null;
  /** Settled samples while playing, and those that agreed. */
  readonly samples: number;
  readonly agreed: number;
  /** Per shown pose, what the settled samples read as (`head-pose`: a pose, or none). */
  readonly readAs: Record<string, Record<string, number>>;
  readonly wrongTurns: number;
  readonly touchUps: number;
  readonly playedSeconds: number;
  readonly gameOvers: number;
  /** Camera change -> acted pose, ms (page time). */
  readonly answers: readonly number[];
  /** The same for the turns alone (trialTimeline.ts). */
  readonly turnAnswers: readonly number[];
  readonly missed: number;
  /** Wall-clock seconds the whole game took (browser start to close). */
  readonly wallSeconds: number;
}

const POSES = ['neutral', 'left', 'right', 'up', 'down'];

const pct = (a: number, b: number): string => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);
const perMinute = (count: number, seconds: number): string =>
  seconds <= 0 ? '–' : ((60 * count) / seconds).toFixed(1);
const ms = (value: number): string => (Number.isNaN(value) ? '–' : value.toFixed(0));

function answer(answers: readonly number[], missed: number): string {
  const median = ms(quantile(answers, 0.5));
  const p90 = ms(quantile(answers, 0.9));
  return `${median} / ${p90}${missed > 0 ? ` (${missed} missed)` : ''}`;
}

export function gameLine(game: TrialGame): string {
  if (game.failure !== null || game.toPlaying === null) {
    return `${game.condition} ${game.person}: ${game.failure ?? 'not played'} (${game.wallSeconds.toFixed(0)} s)`;
  }
  return (
    `${game.condition} ${game.person}: ${pct(game.agreed, game.samples)} agree ` +
    `(${game.samples} samples), ${game.wrongTurns} wrong turns, ${game.touchUps} touch-ups, ` +
    `answer ${answer(game.answers, game.missed)} ms (turns ${answer(game.turnAnswers, 0)}), ` +
    `${game.toPlaying.toFixed(0)} s to playing, ` +
    `${game.playedSeconds.toFixed(0)} s played, ${game.gameOvers} game overs, ` +
    `${game.wallSeconds.toFixed(0)} s in all`
  );
}

function markdown(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** A row per person and an "all" row. */
export function conditionTable(games: readonly TrialGame[]): string {
  const played = games.filter((g) => g.failure === null);
  const row = (name: string, group: readonly TrialGame[]): string[] => {
    const total = (f: (g: TrialGame) => number): number => group.reduce((s, g) => s + f(g), 0);
    const seconds = total((g) => g.playedSeconds);
    return [
      name,
      pct(
        total((g) => g.agreed),
        total((g) => g.samples),
      ),
      perMinute(
        total((g) => g.wrongTurns),
        seconds,
      ),
      perMinute(
        total((g) => g.touchUps),
        seconds,
      ),
      answer(
        group.flatMap((g) => g.answers),
        total((g) => g.missed),
      ),
      answer(
        group.flatMap((g) => g.turnAnswers),
        0,
      ),
      group.length === 0 ? '–' : (total((g) => g.toPlaying ?? 0) / group.length).toFixed(0),
      seconds.toFixed(0),
    ];
  };
  const rows = games.map((g) =>
    g.failure !== null ? [g.person, g.failure, '', '', '', '', '', ''] : row(g.person, [g]),
  );
  rows.push(row('**all**', played));
  return markdown(
    [
      'person',
      'agreement',
      'wrong turns / min',
      'touch-ups / min',
      'camera → acted pose, p50 / p90 ms',
      'camera → turn taken, p50 / p90 ms',
      's to playing',
      's played',
    ],
    rows,
  );
}

/** All people's settled samples: rows the pose shown, columns what the game acted on. */
export function readAsTable(games: readonly TrialGame[]): string {
  const columns = [...POSES, 'none'];
  const rows = POSES.map((shown) => [
    shown,
    ...columns.map((acted) =>
      String(games.reduce((sum, g) => sum + (g.readAs[shown]?.[acted] ?? 0), 0)),
    ),
  ]);
  return markdown(['shown \\ acted on', ...columns], rows);
}
