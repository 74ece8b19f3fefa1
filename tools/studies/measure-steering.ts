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
const sure = (base: SmootherSettings, at: number, frames: number): SmootherSettings => ({
  ...base,
  sureConfidence: at,
  sureFrames: frames,
});

const VARIANTS: SteeringVariant[] = [
  { label: 'in force', settings: SMOOTHER_SETTINGS },
  { label: '6/4/2', settings: plain(6, 4, 2) },
  { label: '4/3/2', settings: plain(4, 3, 2) },
  { label: '3/2/1', settings: plain(3, 2, 1) },
  { label: '6/4/2 + 1 frame >= 0.9', settings: sure(plain(6, 4, 2), 0.9, 1) },
  { label: '6/4/2 + 2 frames >= 0.5', settings: sure(plain(6, 4, 2), 0.5, 2) },
  { label: '6/4/2 + 2 frames >= 0.7', settings: sure(plain(6, 4, 2), 0.7, 2) },
  { label: '6/4/2 + 2 frames >= 0.9', settings: sure(plain(6, 4, 2), 0.9, 2) },
  { label: '6/4/2 + 3 frames >= 0.5', settings: sure(plain(6, 4, 2), 0.5, 3) },
  { label: '6/4/2 + 3 frames >= 0.7', settings: sure(plain(6, 4, 2), 0.7, 3) },
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
