import { defineConfig } from 'vite';
// Relative imports here and in build/ carry their `.ts` extension: Vite's native config loader
// (`configLoader: 'native'`, planned as the default) loads this file with Node's own module
// loader, which resolves no extensionless paths, and warns on every vite command until they do.
import { cspMeta } from './build/csp.ts';
import { modelAssets } from './build/modelAssets.ts';
import { phaserSource } from './build/phaserSource.ts';
import { phoneServer } from './build/phoneServer.ts';
import { serviceWorker } from './build/serviceWorker.ts';

export default defineConfig({
  base: './',
  // phaserSource: the game's Phaser is built from the parts of Phaser's source it uses
  // (src/phaserLite/phaser.ts), not from its one-piece bundle: JS before the menu 407 -> 190 KiB.
  plugins: [cspMeta(), modelAssets(), phaserSource(), phoneServer(), serviceWorker()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  // The inference worker imports TensorFlow.js lazily and in chunks: a module worker.
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
