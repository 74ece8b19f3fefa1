/**
 * How many frames the hero waits for a head turn, and how many turns come that the player did
 * not make, for the smoother in force and its variants, on Pointing'04 with the game's face
 * pipeline (tools/studies/node/steeringStudy.ts says how), printed as a markdown table:
 *
 *   npx tsx tools/studies/measure-steering.ts   (first run: the faces and embeddings of 1,590
 *                                                photos, cached in /tmp/headchomp-pose-cache)
 *
 * The numbers in src/vision/steering/smootherSettings.ts come from here.
 */
import { SMOOTHER_SETTINGS } from '../../src/vision/steering/smootherSettings';
import type { SmootherSettings } from '../../src/vision/steering/smoother';
import { gamePipelineOnPlainPhotos } from '../node/gamePipeline';
import { steeringStudy, steeringTable, type SteeringVariant } from './node/steeringStudy';
import { studyData } from './node/touchUpStudy';

const log = (line: string): void => console.error(line);
const SEED = 2004;

const plain = (window: number, start: number, keep: number): SmootherSettings => ({
  windowFrames: window,
  framesToStart: start,
  framesToKeep: keep,
  minConfidence: SMOOTHER_SETTINGS.minConfidence,
});
/** The sure run this study measured was replaced by evidence (smootherSettings.ts). */
const evidence = (base: SmootherSettings, evidenceToTurn: number): SmootherSettings => ({
  ...base,
  evidenceToTurn,
});

const VARIANTS: SteeringVariant[] = [
  { label: 'in force', settings: SMOOTHER_SETTINGS },
  { label: '6/4/2', settings: plain(6, 4, 2) },
  { label: '4/3/2', settings: plain(4, 3, 2) },
  { label: '3/2/1', settings: plain(3, 2, 1) },
  { label: '6/4/2 + evidence 0.8', settings: evidence(plain(6, 4, 2), 0.8) },
  { label: '6/4/2 + evidence 1', settings: evidence(plain(6, 4, 2), 1) },
  { label: '6/4/2 + evidence 1.4', settings: evidence(plain(6, 4, 2), 1.4) },
  { label: '6/4/2 + evidence 2', settings: evidence(plain(6, 4, 2), 2) },
];

async function main(): Promise<void> {
  const { photos, vectors } = await gamePipelineOnPlainPhotos(log);
  const data = studyData(photos, vectors);
  for (const photosShown of ['clear', 'all'] as const) {
    const results = await steeringStudy(data, VARIANTS, {
      everyFrames: [3, 1],
      seed: SEED,
      photosShown,
    });
    console.log(
      `\n### Steering on the other session, ${photosShown} photos (calibrated on one hold of six shots a pose; 15 people, both directions, 120 s each)\n`,
    );
    console.log(steeringTable(results));
  }
}

await main();
