import { defineConfig } from 'vite';
// Relative imports here and in build/ carry their `.ts` extension: Vite's native config loader
// (`configLoader: 'native'`, planned as the default) loads this file with Node's own module
// loader, which resolves no extensionless paths, and warns on every vite command until they do.
import { cspMeta } from './build/csp.ts';
import { modelAssets } from './build/modelAssets.ts';
import { phaserSource } from './build/phaserSource.ts';
import { phoneServer } from './build/phoneServer.ts';
import { serviceWorker } from './build/serviceWorker.ts';
import { threadedWasm } from './build/threadedWasm.ts';

/**
 * Cross-origin isolation, which the engine's threaded wasm needs (SharedArrayBuffer): the page
 * may then load nothing from another origin without its consent, and it loads nothing from
 * another origin at all (build/csp.ts).
 */
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  // phaserSource: the game's Phaser is built from the parts of Phaser's source it uses
  // (src/phaserLite/phaser.ts), not from its one-piece bundle: JS before the menu 407 -> 190 KiB.
  plugins: [
    cspMeta(),
    modelAssets(),
    phaserSource(),
    phoneServer(),
    serviceWorker(),
    threadedWasm(),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  // The inference worker imports TensorFlow.js lazily and in chunks: a module worker.
  // Workers are bundled apart, with their own plugins: the engine's worker needs this one.
  worker: { format: 'es', plugins: () => [threadedWasm()] },
  server: { host: '127.0.0.1', port: 5173, headers: ISOLATED },
  preview: { host: '127.0.0.1', port: 4173, headers: ISOLATED },
});
