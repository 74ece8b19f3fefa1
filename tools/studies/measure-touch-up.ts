/**
 * The touch-up's check and what it changes in a game, on Pointing'04 with the game's face
 * pipeline (tools/studies/node/touchUpStudy.ts says how), printed as markdown tables:
 *
 *   npx tsx tools/studies/measure-touch-up.ts   (first run: the faces and embeddings of 1,590
 *                                                photos, cached in /tmp/headchomp-pose-cache)
 *
 * The numbers in src/vision/engine/classifier/burstCheck.ts and the README come from here.
 */
import { gamePipelineOnPlainPhotos } from '../node/gamePipeline';
import {
  BURST_SIZE,
  KEEP_RULES,
  PLAY_MODELS,
  burstCheckStudy,
  burstCheckTable,
  gameStudy,
  gameTable,
  rejectedPerPoseTable,
  studyData,
  type RuleResult,
} from './node/touchUpStudy';

const log = (line: string): void => console.error(line);
const SEED = 2004;
/** The rule in force (burstCheck.ts), by its label in KEEP_RULES. */
const CHOSEN_RULE = 'old shots only: at least half';

function section(title: string, body: string): void {
  console.log(`\n### ${title}\n\n${body}`);
}

async function main(): Promise<void> {
  const { photos, vectors } = await gamePipelineOnPlainPhotos(log);
  const data = studyData(photos, vectors);

  const results: RuleResult[] = [];
  for (const shots of [3, 'all'] as const) {
    results.push(...burstCheckStudy(data, KEEP_RULES, { shots, draws: 10, seed: SEED }));
  }
  section(
    `The burst check: calibrated on one session, a touch-up from the other (bursts of ${BURST_SIZE} photos held still; both directions, 15 people, N=3: 10 draws)`,
    burstCheckTable(results),
  );
  section('Correct bursts rejected at the first try, per pose', rejectedPerPoseTable(results));

  const chosen = KEEP_RULES.find((rule) => rule.label === CHOSEN_RULE);
  if (chosen === undefined) throw new Error(`no rule ${CHOSEN_RULE}`);
  for (const play of PLAY_MODELS) {
    for (const shots of [3, 'all'] as const) {
      section(
        `A game of 150 s on the other session, N=${shots}, ${play.label} (touch-up bursts checked: ${chosen.label})`,
        gameTable(gameStudy(data, chosen, { shots, games: 5, seed: SEED, play })),
      );
    }
  }
}

await main();
