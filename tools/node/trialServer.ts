/**
 * The built game for a long trial, frozen: dist/ is copied when the trial starts and the copy
 * is served (`vite preview`, as the browser tests serve the build), so a `vite build` someone
 * runs in the same checkout meanwhile neither breaks a page load (dist/ is emptied while it
 * builds) nor changes the game half-way through the tables.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';

export interface FrozenBuild {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveFrozenBuild(): Promise<FrozenBuild> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build`');
  const copy = mkdtempSync(join(tmpdir(), 'play-trial-dist-'));
  cpSync('dist', copy, { recursive: true });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: copy },
    preview: { host: '127.0.0.1', port: 4400, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report an address');
  return {
    url,
    async close() {
      await server.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
