// `npm run soak`: builds nothing, serves dist/ (run `npx vite build` first, or use `npm run
// soak`, which builds) with vite preview, then plays the game with head control on for 10
// minutes (or `--minutes N`) and prints the figures (tests/browser/support/soak.ts).
import { preview } from 'vite';
import { formatFigures, runSoak } from '../tests/browser/support/soak';

const at = process.argv.indexOf('--minutes');
const minutes = at > 0 ? Number(process.argv[at + 1]) : 10;
if (!Number.isFinite(minutes) || minutes <= 0) throw new Error('--minutes needs a positive number');

const server = await preview({ logLevel: 'warn', preview: { port: 4310, strictPort: false } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report an address');
try {
  const figures = await runSoak(url, {
    minutes,
    warmupSeconds: Math.min(60, minutes * 20),
    log: (line) => console.log(line),
  });
  console.log(formatFigures(figures));
  const ok =
    figures.consoleErrors.length === 0 &&
    figures.tensorsAtEnd <= figures.tensorsAfterWarmup &&
    figures.heapGrowthMB < 5;
  console.log(ok ? 'soak: OK' : 'soak: FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.close();
}
