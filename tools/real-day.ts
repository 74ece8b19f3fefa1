/**
 * The real day in Node (issue 27), the quick judge of head control's rules: every Pointing'04
 * person calibrates on series 1 as a hands-free recording of a still head would (a burst of
 * the same picture per turn; straight ahead looking round the screen: the condition's straight
 * photos), then plays series 2 in a condition of node/playConditions.ts (natural 30-degree
 * turns, small 15-degree ones, a dim room, a lamp behind, a washed-out picture, someone else,
 * a wide calibration played with small turns): straight, then a turn, each held 2-4 s on ONE
 * photo, 10 predictions a second through the game's classifier and smoother. The game's own
 * pipeline makes the vectors (face finder, face square, face mesh angles, MobileNet; cached).
 *
 * Per condition and reader: agreement over settled samples (1 s into a hold; straight read as
 * straight or as no pose agrees), wrong turns a minute (a turn taken up that was not shown),
 * turns never taken, reaction in predictions; worst person in brackets. A still head's
 * frames are alike, so a misread hold stays misread: what no smoother can filter.
 * `--touch-ups` adds how often each touch-up rule (node/touchUpRules.ts) would offer one, by
 * how well the game read the player; `--smoothers`, `--study` and `--play-shots` compare
 * smoothers, gates and a calibration that follows the player (node/playShots.ts);
 * `--burst-check` judges touch-up bursts of the other day's photos (node/burstChecks.ts);
 * `--touch-up-effect` plays each game offered a touch-up on with one recorded where it was
 * offered, of every pose or of the poses in trouble (node/touchUpEffect.ts); `--turn-to-turn`
 * follows each turn with another (a player chaining turns; the smoother's evidence from a turn).
 * The browser trial (tools/play-trial.ts) plays the built game the same way, slower.
 *
 *   npx tsx tools/real-day.ts [--conditions plain,natural,...] [--people 05,09] [--seconds 150]
 *     [--touch-ups] [--smoothers] [--study] [--play-shots] [--confusion] [--per-person]
 *     [--still-straight] [--angle-limit] [--burst-check] [--touch-up-effect] [--turn-to-turn]
 *
 * First run ~15 min on 2 cores (the pipeline on 1,590 photos per light, cached in /tmp), then
 * ~30 s. Photos: Gourier, Hall & Crowley, Pointing 2004 (ICPR workshop).
 */
import { POSES, perPose, type Pose } from '../src/vision/poses';
import type { PoseSample, PoseSamples } from '../src/vision/poseSamples';
import { mulberry32 } from '../src/game/random';
import { PoseSmoother, type SmootherSettings } from '../src/vision/steering/smoother';
import { SMOOTHER_SETTINGS } from '../src/vision/steering/smootherSettings';
import { markdownTable } from './node/accuracyReport';
import { gamePipelineOn, withMeshAngles } from './node/gamePipeline';
import type { PhotoSet } from './node/photoSets';
import { PLAIN_PHOTOS } from './node/photoSets';
import { calibrationPhoto, PLAY_CONDITIONS, type PlayCondition } from './node/playConditions';
import { POINTING04_DIR, type PosePhoto } from './node/pointing04';
import { TOUCH_UP_RULES as touchUpRules } from './node/touchUpRules';
import { playShotsReader } from './node/playShots';
import { ANGLES_ALONE, angleLimit } from './node/angleLimit';
import {
  BURST,
  BURST_TABLE_HEADER,
  burstRow,
  newBurstTally,
  tallyBursts,
  type BurstTally,
} from './node/burstChecks';
import { firstTrouble, RECORDING_SECONDS, TOUCH_UP_SCOPES, touchUp } from './node/touchUpEffect';
import {
  GAME_READER,
  gameReader,
  type FrameAnswer,
  type Reader,
  type Reading,
} from './node/studyReaders';

const log = (line: string): void => console.error(line);

/** A vector per photo (i) and per mirror image (n + i); null where no face was found. */
interface SetVectors {
  readonly vectors: readonly Float32Array[];
  readonly usable: readonly boolean[];
}

async function vectorsOf(set: PhotoSet): Promise<{ photos: PosePhoto[]; set: SetVectors }> {
  const { photos, faces, vectors } = await gamePipelineOn(set, log);
  const withAngles = await withMeshAngles(photos, set, POINTING04_DIR, faces, vectors, log);
  const usable = photos.map((_, i) => withAngles.usable?.[i] ?? true);
  return { photos: [...photos], set: { vectors: withAngles.vectors, usable } };
}

/** What one game of a person in a condition came to. */
interface Game {
  /** Settled frames (1 s or more into a hold) and those where the pose acted on agreed. */
  settled: number;
  agreed: number;
  /** Turns taken up that were not shown. */
  wrong: number;
  /** Frames from a turn's start to the hero taking it up, per turn taken. */
  reactions: number[];
  /** Turns shown and never taken up during their hold. */
  turns: number;
  missed: number;
  frames: number;
  /** Every frame's answer, in order (null: no face), for the touch-up rules. */
  answers: Array<FrameAnswer | null>;
  /** shown -> acted on -> settled frames. */
  readAs: Record<string, Record<string, number>>;
}

const newGame = (): Game => ({
  settled: 0,
  agreed: 0,
  wrong: 0,
  reactions: [],
  turns: 0,
  missed: 0,
  frames: 0,
  answers: [],
  readAs: {},
});

/** Predictions a second, as the game reads a camera (the bench's default rate). */
const FRAMES_A_SECOND = 10;
const SETTLED_FRAMES = FRAMES_A_SECOND;
const TURNS: readonly Pose[] = ['left', 'right', 'up', 'down'];

interface Hold {
  readonly pose: Pose;
  readonly photo: number;
  readonly frames: number;
}

/** Per pose, the photos of `person`'s other day (series 2) that `condition` plays. */
function playedPhotos(
  condition: PlayCondition,
  person: string,
  photos: readonly PosePhoto[],
): Record<Pose, number[]> {
  const byPose = perPose(() => [] as number[]);
  photos.forEach((photo, i) => {
    if (photo.person !== person || photo.series !== 2) return;
    const pose = condition.poseOf(photo);
    if (pose !== null) byPose[pose].push(i);
  });
  return byPose;
}

const TURN_TO_TURN = process.argv.includes('--turn-to-turn');

/**
 * Straight, then a turn (--turn-to-turn: then another turn), each held 2-4 s on one photo,
 * for `seconds` (seeded per person).
 */
function script(
  condition: PlayCondition,
  person: string,
  photos: readonly PosePhoto[],
  seconds: number,
  seed: number,
): Hold[] {
  const random = mulberry32(seed);
  const byPose = playedPhotos(condition, person, photos);
  const holds: Hold[] = [];
  let frames = 0;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const turns = TURNS.filter((t) => byPose[t].length > 0);
  while (frames < seconds * FRAMES_A_SECOND) {
    const turn = pick(turns);
    // --turn-to-turn: a second turn straight after the first, as a player chaining turns.
    const chained = TURN_TO_TURN ? [pick(turns.filter((t) => t !== turn))] : [];
    for (const pose of ['neutral', turn, ...chained] as Pose[]) {
      const hold = {
        pose,
        photo: pick(byPose[pose]),
        frames: Math.round((2 + 2 * random()) * FRAMES_A_SECOND),
      };
      holds.push(hold);
      frames += hold.frames;
    }
  }
  return holds;
}

const agrees = (shown: Pose, acted: Reading): boolean =>
  shown === 'neutral' ? acted === 'neutral' || acted === 'none' : acted === shown;

/** One game: the reader's answers through the game's smoother, hold by hold. */
async function play(
  holds: readonly Hold[],
  read: (frame: Float32Array) => Promise<FrameAnswer>,
  vectors: SetVectors,
  /** The answer depends on the frame alone: a held photo is read once. */
  stateless: boolean,
  settings: SmootherSettings = SMOOTHER_SETTINGS,
): Promise<Game> {
  const game = newGame();
  const answers = new Map<number, FrameAnswer>();
  const smoother = new PoseSmoother(settings);
  let acted: Reading = 'none';
  for (const hold of holds) {
    let taken = false;
    if (hold.pose !== 'neutral') game.turns++;
    for (let frame = 0; frame < hold.frames; frame++) {
      game.frames++;
      // No face: nothing to read, the hero keeps its request (the smoother is not told).
      if (vectors.usable[hold.photo]) {
        const answer =
          answers.get(hold.photo) ?? (await read(vectors.vectors[hold.photo] as Float32Array));
        if (stateless) answers.set(hold.photo, answer);
        smoother.update(answer);
        game.answers.push(answer);
      } else {
        game.answers.push(null);
      }
      const now: Reading = smoother.heldPose ?? 'none';
      if (now !== acted && TURNS.includes(now as Pose) && now !== hold.pose) game.wrong++;
      acted = now;
      if (!taken && hold.pose !== 'neutral' && now === hold.pose) {
        taken = true;
        game.reactions.push(frame + 1);
      }
      if (frame >= SETTLED_FRAMES) {
        game.settled++;
        if (agrees(hold.pose, now)) game.agreed++;
        const row = (game.readAs[hold.pose] ??= {});
        row[now] = (row[now] ?? 0) + 1;
      }
    }
    if (hold.pose !== 'neutral' && !taken) game.missed++;
  }
  return game;
}

function samplesFor(
  condition: PlayCondition,
  person: string,
  photos: readonly PosePhoto[],
  calibration: SetVectors,
): PoseSamples | null {
  const n = photos.length;
  const samples = perPose(() => [] as Array<{ features: Float32Array; mirrored: Float32Array }>);
  for (const pose of POSES) {
    const held = condition.calibration[pose];
    // A 2-second recording holds about 20 shots, shared by the photos the player showed.
    const burst = Math.max(2, Math.round(BURST / held.length));
    for (const angles of held) {
      const i = calibrationPhoto(photos, person, angles);
      if (!calibration.usable[i]) {
        if (held.length === 1) return null;
        continue;
      }
      const features = calibration.vectors[i] as Float32Array;
      const mirrored = calibration.vectors[n + i] as Float32Array;
      for (let b = 0; b < burst; b++) samples[pose].push({ features, mirrored });
    }
  }
  return samples;
}

/** The burst check's rows for one condition: the picture alone, and as play reads. */
function burstChecksIn(
  condition: PlayCondition,
  people: readonly string[],
  photos: readonly PosePhoto[],
  calibration: SetVectors,
  vectors: SetVectors,
): string[][] {
  // Someone else's touch-up is theirs to record: the bursts here are the player's own.
  if (condition.someoneElse === true) return [];
  const tallies = [newBurstTally(), newBurstTally()];
  for (const person of people) {
    const samples = samplesFor(condition, person, photos, calibration);
    if (samples === null) continue;
    const played = playedPhotos(condition, person, photos);
    const vector = shotOf(vectors, photos.length);
    tallies.forEach((tally, t) => tallyBursts(tally, samples, played, vector, t === 1));
  }
  return [
    burstRow(`${condition.id}, the picture alone (before)`, tallies[0] as BurstTally),
    burstRow(`${condition.id}, the angles vouch for a turn`, tallies[1] as BurstTally),
  ];
}

const pct = (a: number, b: number): string => (b === 0 ? '–' : ((100 * a) / b).toFixed(1));

/** Photo i of `vectors` (n photos) as a shot with its mirror image; null where no face was found. */
function shotOf(vectors: SetVectors, n: number): (i: number) => PoseSample | null {
  return (i) =>
    vectors.usable[i] === true
      ? { features: vectors.vectors[i] as Float32Array, mirrored: vectors.vectors[n + i] ?? null }
      : null;
}

/** The photo each frame of `holds` shows. */
const framePhotos = (holds: readonly Hold[]): number[] =>
  holds.flatMap((hold) => Array.from({ length: hold.frames }, () => hold.photo));

/**
 * Each game the watch offers a touch-up, played on from there with one of each scope
 * (node/touchUpEffect.ts): a row a scope, the games' agreement and wrong turns after it.
 */
async function touchUpEffectsIn(
  condition: PlayCondition,
  people: readonly string[],
  photos: readonly PosePhoto[],
  calibration: SetVectors,
  vectors: SetVectors,
  seconds: number,
): Promise<string[][]> {
  const vector = shotOf(vectors, photos.length);
  const after = TOUCH_UP_SCOPES.map(() => ({ game: newGame(), recordings: 0, kept: 0 }));
  let offered = 0;
  for (const [p, person] of people.entries()) {
    const samples = samplesFor(condition, person, photos, calibration);
    if (samples === null) continue;
    const player = condition.someoneElse ? (people[(p + 1) % people.length] as string) : person;
    const holds = script(condition, player, photos, seconds, 2004 + p);
    const game = await play(holds, GAME_READER.calibrate(samples), vectors, true);
    const trouble = firstTrouble(game.answers, framePhotos(holds));
    if (trouble === null) continue;
    offered++;
    let frames = 0;
    const rest = holds.filter((hold) => (frames += hold.frames) > trouble.frame + hold.frames);
    const today = playedPhotos(condition, player, photos);
    for (const [s, scope] of TOUCH_UP_SCOPES.entries()) {
      const poses = scope.choose(trouble.trouble);
      const done =
        poses === null
          ? { samples, recordings: 0, kept: 0 }
          : touchUp(samples, poses, today, vector, 7 * (2004 + p), scope.retries);
      const tally = after[s] as (typeof after)[number];
      tally.game = merge(
        tally.game,
        await play(rest, GAME_READER.calibrate(done.samples), vectors, true),
      );
      tally.recordings += done.recordings;
      tally.kept += done.kept;
    }
  }
  return TOUCH_UP_SCOPES.map((scope, s) => {
    const { game, recordings, kept } = after[s] as (typeof after)[number];
    const minutes = game.frames / FRAMES_A_SECOND / 60;
    return [
      condition.id,
      scope.label,
      String(offered),
      pct(game.agreed, game.settled),
      minutes === 0 ? '–' : (game.wrong / minutes).toFixed(2),
      offered === 0 ? '–' : ((recordings * RECORDING_SECONDS) / offered).toFixed(0),
      offered === 0 ? '–' : (kept / offered).toFixed(1),
    ];
  });
}

function option(name: string): string[] | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : (process.argv[at + 1] ?? '').split(',');
}

export async function realDay(readers: readonly Reader[]): Promise<void> {
  const wanted = option('conditions');
  const conditions = PLAY_CONDITIONS.filter((c) => wanted === undefined || wanted.includes(c.id));
  const calibration = await vectorsOf(PLAIN_PHOTOS);
  const photos = calibration.photos;
  const people = [...new Set(photos.map((p) => p.person))].filter((person) => {
    const only = option('people');
    return only === undefined || only.some((p) => person.endsWith(p));
  });
  const played = new Map<PhotoSet, SetVectors>([[PLAIN_PHOTOS, calibration.set]]);
  for (const condition of conditions) {
    if (!played.has(condition.set)) played.set(condition.set, (await vectorsOf(condition.set)).set);
  }
  const seconds = Number(option('seconds')?.[0] ?? 150);
  const touchUpRows: string[][] = [];
  const burstRows: string[][] = [];
  const effectRows: string[][] = [];
  for (const condition of conditions) {
    const vectors = played.get(condition.set) as SetVectors;
    if (process.argv.includes('--burst-check')) {
      burstRows.push(...burstChecksIn(condition, people, photos, calibration.set, vectors));
    }
    if (process.argv.includes('--touch-up-effect')) {
      effectRows.push(
        ...(await touchUpEffectsIn(condition, people, photos, calibration.set, vectors, seconds)),
      );
    }
    const rows: string[][] = [];
    const confusions: Array<[string, Game]> = [];
    for (const reader of readers) {
      const games: Array<[string, Game]> = [];
      for (const [p, person] of people.entries()) {
        const samples = samplesFor(condition, person, photos, calibration.set);
        if (samples === null) {
          log(`${condition.id}: ${person} has a calibration photo without a face; left out`);
          continue;
        }
        const player = condition.someoneElse ? (people[(p + 1) % people.length] as string) : person;
        const holds = script(condition, player, photos, seconds, 2004 + p);
        const read = reader.calibrate(samples);
        games.push([
          person,
          await play(holds, read, vectors, reader.stateless === true, reader.smoother),
        ]);
      }
      if (process.argv.includes('--angle-limit') && reader === readers[0]) {
        printAngleLimits(condition, people, photos, calibration.set, vectors);
      }
      const all = games.reduce((sum, [, g]) => merge(sum, g), newGame());
      if (reader.report !== undefined) log(`${condition.id}, ${reader.name}: ${reader.report()}`);
      if (process.argv.includes('--touch-ups'))
        touchUpRows.push(
          ...touchUpRules.map((rule) => touchUpRow(condition.id, reader.name, rule, games)),
        );
      if (process.argv.includes('--per-person')) {
        for (const [person, g] of games) {
          const seen = g.answers.filter((x): x is FrameAnswer => x !== null);
          const share = (f: (x: FrameAnswer) => boolean): string =>
            pct(seen.filter(f).length, seen.length);
          log(
            `signals ${condition.id} ${person.slice(-8)} agree ${pct(g.agreed, g.settled)} far ${share((x) => x.far === true)} ` +
              `unsure ${share((x) => x.confidence < SMOOTHER_SETTINGS.minConfidence)} overruled ${share((x) => x.gated === true)}`,
          );
          log(
            `${condition.id} ${reader.name} ${person}: ${pct(g.agreed, g.settled)} %, ${g.wrong} wrong, ` +
              `${g.missed}/${g.turns} never taken; ${JSON.stringify(g.readAs)}`,
          );
        }
      }
      confusions.push([reader.name, all]);
      const share = (g: Game): number => g.agreed / Math.max(1, g.settled);
      const perMinute = (g: Game): number => g.wrong / (g.frames / FRAMES_A_SECOND / 60);
      const reactions = [...all.reactions].sort((x, y) => x - y);
      const at = (q: number): number => reactions[Math.floor(q * (reactions.length - 1))] ?? NaN;
      rows.push([
        reader.name,
        `${pct(all.agreed, all.settled)} (${(100 * Math.min(...games.map(([, g]) => share(g)))).toFixed(1)})`,
        `${games.filter(([, g]) => share(g) >= 0.95).length} / ${games.length}`,
        `${perMinute(all).toFixed(2)} (${Math.max(...games.map(([, g]) => perMinute(g))).toFixed(1)})`,
        pct(all.missed, all.turns),
        `${at(0.5)} / ${at(0.9)}`,
      ]);
    }
    console.log(`\n### ${condition.label} [${condition.id}], ${seconds} s a person\n`);
    console.log(
      markdownTable(
        [
          'reader',
          'agreement % (worst person)',
          'people >= 95 %',
          'wrong turns a minute (worst person)',
          'turns never taken %',
          'reaction p50 / p90 (frames)',
        ],
        rows,
      ),
    );
    if (!process.argv.includes('--confusion')) continue;
    for (const [name, game] of confusions) {
      const columns = [...POSES, 'none'];
      console.log(`\n${name}: shown (rows), acted on (columns), settled frames\n`);
      console.log(
        markdownTable(
          ['shown', ...columns],
          POSES.map((shown) => [
            shown,
            ...columns.map((c) => String(game.readAs[shown]?.[c] ?? 0)),
          ]),
        ),
      );
    }
  }
  printTouchUps(touchUpRows);
  if (effectRows.length > 0) {
    console.log('\n### A touch-up where the game offers one: the rest of the game after it\n');
    console.log(
      markdownTable(
        [
          'condition',
          'touch-up',
          'games offered one',
          'agreement after %',
          'wrong turns a minute after',
          'touch-up s (each)',
          'bursts kept (each)',
        ],
        effectRows,
      ),
    );
  }
  if (burstRows.length > 0) {
    console.log("\n### The touch-up's burst check: bursts of the other day judged\n");
    console.log(markdownTable(BURST_TABLE_HEADER, burstRows));
  }
}

/** Per person, the played photos whose angles sit nearer another pose's shots (angleLimit.ts). */
function printAngleLimits(
  condition: PlayCondition,
  people: readonly string[],
  photos: readonly PosePhoto[],
  calibration: SetVectors,
  played: SetVectors,
): void {
  const rows: string[][] = [];
  let photosAll = 0;
  let contradictedAll = 0;
  for (const [p, person] of people.entries()) {
    const samples = samplesFor(condition, person, photos, calibration);
    if (samples === null) continue;
    const player = condition.someoneElse ? (people[(p + 1) % people.length] as string) : person;
    const limit = angleLimit(condition, player, samples, photos, played.vectors, played.usable);
    photosAll += limit.photos;
    contradictedAll += limit.contradicted;
    rows.push([
      person.slice(-8),
      `${limit.contradicted} / ${limit.photos}`,
      `${limit.straightContradicted} / ${limit.straight}`,
      limit.cases.join(', '),
    ]);
  }
  console.log(
    `\n${condition.id}: played photos the angles alone read as another pose, ${pct(contradictedAll, photosAll)} %\n`,
  );
  console.log(
    markdownTable(['person', 'all photos', 'straight photos', 'shown -> nearest on angles'], rows),
  );
}

/** A rule that offers a touch-up: told every frame's answer; true when it offers one now. */
export interface TouchUpRule {
  readonly name: string;
  start(): (answer: FrameAnswer | null) => boolean;
}

/** Touch-ups offered in each game (the rule starts afresh after each), split by agreement. */
function touchUpRow(
  condition: string,
  reader: string,
  rule: TouchUpRule,
  games: ReadonlyArray<[string, Game]>,
): string[] {
  const offers = games.map(([, g]) => {
    let watch = rule.start();
    let count = 0;
    for (const answer of g.answers) {
      if (watch(answer)) {
        count++;
        watch = rule.start();
      }
    }
    return {
      share: g.agreed / Math.max(1, g.settled),
      count,
      minutes: g.frames / FRAMES_A_SECOND / 60,
    };
  });
  const group = (keep: (share: number) => boolean): string => {
    const chosen = offers.filter((o) => keep(o.share));
    if (chosen.length === 0) return '–';
    const a = chosen.map((o) => o.count);
    const withOne = a.filter((n) => n > 0).length;
    return `${a.reduce((x, y) => x + y, 0)} in ${chosen.length} games (${withOne} with any)`;
  };
  return [
    condition,
    reader,
    rule.name,
    group((s) => s >= 0.95),
    group((s) => s >= 0.85 && s < 0.95),
    group((s) => s < 0.85),
  ];
}

function printTouchUps(rows: string[][]): void {
  if (rows.length === 0) return;
  console.log('\n### Touch-ups offered, by how well the game read the player\n');
  console.log(
    markdownTable(['condition', 'reader', 'rule', 'agreement >= 95 %', '85-95 %', '< 85 %'], rows),
  );
}

function merge(a: Game, b: Game): Game {
  const readAs: Record<string, Record<string, number>> = {};
  for (const g of [a, b]) {
    for (const [shown, row] of Object.entries(g.readAs)) {
      const out = (readAs[shown] ??= {});
      for (const [acted, n] of Object.entries(row)) out[acted] = (out[acted] ?? 0) + n;
    }
  }
  return {
    settled: a.settled + b.settled,
    agreed: a.agreed + b.agreed,
    wrong: a.wrong + b.wrong,
    reactions: [...a.reactions, ...b.reactions],
    turns: a.turns + b.turns,
    missed: a.missed + b.missed,
    frames: a.frames + b.frames,
    answers: [],
    readAs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const smoothers = process.argv.includes('--smoothers')
    ? [
        {
          ...GAME_READER,
          name: 'no sure run',
          smoother: { ...SMOOTHER_SETTINGS, sureConfidence: undefined, sureFrames: undefined },
        },
        ...[0.8, 1, 1.4, 2].map((evidenceToTurn) => ({
          ...GAME_READER,
          name: `evidence ${evidenceToTurn}`,
          smoother: { ...SMOOTHER_SETTINGS, evidenceToTurn },
        })),
        ...[undefined, 1, 2, 3].map((evidenceFramesFromTurn) => ({
          ...GAME_READER,
          name: `evidence from a turn: ${evidenceFramesFromTurn ?? 'never'}`,
          smoother: { ...SMOOTHER_SETTINGS, evidenceFramesFromTurn },
        })),
      ]
    : [];
  // The angle rule's gate, near end and its floor at other settings (angleGate.ts).
  const study = process.argv.includes('--study')
    ? [0.5, 0.6, 0.7].flatMap((gate) => [
        gameReader(`gate ${gate}, no near end`, { gate, nearEnd: null }),
        ...[0, 0.7, 0.8].map((nearEndFloor) =>
          gameReader(`gate ${gate}, near end 20, floor ${nearEndFloor}`, {
            gate,
            nearEndFloor,
          }),
        ),
      ])
    : [];
  // The calibration following the player (node/playShots.ts).
  const playShots = process.argv.includes('--play-shots')
    ? [
        playShotsReader('play shots: confidence 0.9, 5 a pose', {
          confidence: 0.9,
          perPose: 5,
          spacing: 10,
        }),
      ]
    : [];
  const anglesAlone = process.argv.includes('--angle-limit') ? [ANGLES_ALONE] : [];
  await realDay([GAME_READER, ...smoothers, ...study, ...playShots, ...anglesAlone]);
}
