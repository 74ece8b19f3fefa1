import { defineConfig } from 'vite';
import { cspMeta } from './build/csp';
import { modelAssets } from './build/modelAssets';
import { phoneServer } from './build/phoneServer';
import { serviceWorker } from './build/serviceWorker';

export default defineConfig({
  base: './',
  plugins: [cspMeta(), modelAssets(), phoneServer(), serviceWorker()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  // The inference worker imports TensorFlow.js lazily and in chunks: a module worker.
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
