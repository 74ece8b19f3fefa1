/**
 * One process's share of the demo baseline (tools/node/accuracyReport.ts demoPart): trains the
 * dense heads of the people whose index % count === index and prints the part as JSON on
 * stdout. runAccuracy starts one per core: tfjs wasm in Node uses one core.
 *
 *   npx tsx tools/demo-baseline-part.ts <folder> <index> <count> [<cache folder>]
 *
 * The cache folder holds the conv_pw_13 maps the parent computed for the photo set measured
 * (default: the folder's own cache, the photos as stored).
 */
import { demoPart } from './node/accuracyReport';
import { cacheDirFor, readPoseFolder } from './node/poseFolder';
import { useWasmBackend } from './node/wasmBackend';

const [folder, index, count, cacheDir] = process.argv.slice(2);
if (folder === undefined || index === undefined || count === undefined) {
  console.error('usage: tsx tools/demo-baseline-part.ts <folder> <index> <count>');
  process.exit(2);
}
await useWasmBackend();
const part = await demoPart(
  readPoseFolder(folder),
  cacheDir ?? cacheDirFor(folder),
  Number(index),
  Number(count),
  (line) => console.error(line),
);
process.stdout.write(JSON.stringify(part));
