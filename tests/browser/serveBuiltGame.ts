// Serves the built game (dist/, made by `vite build` before this project runs) with
// `vite preview` on a free loopback port, and hands its address to the browser tests.
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    gameUrl: string;
  }
}

export default async function serveBuiltGame(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npx vite build` before the browser tests');
  }
  const server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 4300, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report an address');
  project.provide('gameUrl', url);
  return async () => {
    await server.close();
  };
}
