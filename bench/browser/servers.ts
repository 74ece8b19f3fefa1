/**
 * What the speed bench serves on 127.0.0.1: the BUILT game (dist/, `vite preview`, exactly as
 * the browser tests serve it) and, on another port, the demo baseline page of bench/demo with
 * tfjs 4.22's UMD bundles and the layers model from ../shared.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { preview } from 'vite';
import { SHARED_LAYERS_DIR } from '../../tools/node/layersBaseline';

const require = createRequire(import.meta.url);

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveBuiltGame(): Promise<Served> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build`');
  const server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 4400, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report an address');
  return { url, close: () => server.close() };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

function packageDist(name: string): string {
  return dirname(require.resolve(name));
}

/** URL path prefix -> folder on disk. */
function demoRoutes(): Array<[string, string[]]> {
  const dists = [
    '@tensorflow/tfjs-core',
    '@tensorflow/tfjs-backend-cpu',
    '@tensorflow/tfjs-backend-webgl',
    '@tensorflow/tfjs-backend-wasm',
    '@tensorflow/tfjs-layers',
  ].map(packageDist);
  return [
    ['/vendor/', dists],
    ['/layers-model/', [SHARED_LAYERS_DIR]],
    ['/', [resolve('bench/demo')]],
  ];
}

export async function serveDemo(): Promise<Served> {
  const routes = demoRoutes();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const wanted = path === '/' ? '/index.html' : path;
    for (const [prefix, folders] of routes) {
      if (!wanted.startsWith(prefix)) continue;
      const rest = normalize(wanted.slice(prefix.length));
      if (rest.startsWith('..')) break;
      for (const folder of folders) {
        const file = join(folder, rest);
        if (existsSync(file) && statSync(file).isFile()) {
          response.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          });
          createReadStream(file).pipe(response);
          return;
        }
      }
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
