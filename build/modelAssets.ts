/**
 * Serves the MobileNet weights from the game's own origin, at `models/mobilenet/` next to
 * index.html, so the game never depends on a third-party server and the browser tests never
 * leave the machine.
 *
 * Where the files come from: the first of these folders that holds a model.json whose shards
 * are all present (relative paths are taken from the repository root):
 *   1. $HEADCHOMP_MODEL_DIR
 *   2. assets/models/mobilenet/            (`npm run model:fetch` puts the official files here)
 *   3. <shared>/models/mobilenet_v1_025_224_graph_tfhub/   (on every dev and CI machine;
 *      <shared> is ../shared beside the checkout, else /work/shared: build/sharedDir.ts)
 * The weights are third-party files and are never committed (assets/models/ is git-ignored).
 *
 * `vite` (dev) serves them from that folder, `vite build` copies them into dist/models/mobilenet/
 * and `vite preview` serves dist's copy. The shard has no file extension, so it is served
 * explicitly as application/octet-stream. The client learns at build time whether a local
 * copy exists through the `__HEADCHOMP_MODEL__` constant; only without one does it try the
 * official TF-Hub URL.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { sharedDir } from './sharedDir';

/** Where the model lives under the page, in the build and on the servers. */
export const MODEL_PUBLIC_DIR = 'models/mobilenet';

/** The project's own copy (npm run model:fetch), then the team's shared weights. */
function modelDirCandidates(
  root: string,
  env: Readonly<Record<string, string | undefined>>,
): Array<{ dir: string; origin: string }> {
  return [
    { dir: resolve(root, 'assets/models/mobilenet'), origin: 'assets/models/mobilenet' },
    {
      dir: join(sharedDir(root, env), 'models/mobilenet_v1_025_224_graph_tfhub'),
      origin: '../shared/models/mobilenet_v1_025_224_graph_tfhub',
    },
  ];
}

export interface ModelFolder {
  /** Absolute path of the folder. */
  readonly dir: string;
  /** Where it came from, for the log: 'HEADCHOMP_MODEL_DIR', or the relative candidate. */
  readonly origin: string;
  /** model.json first, then the shards named by its weightsManifest. */
  readonly files: readonly string[];
}

/** What the client is told at build time (see src/vision/link/modelSource.ts). */
export interface ModelBuildInfo {
  readonly local: boolean;
  readonly path: string;
}

interface ManifestGroup {
  readonly paths?: unknown;
}

/**
 * The files of a graph model folder (model.json + every shard its manifest names), or a reason
 * why the folder cannot serve a model. Shard names must be plain file names: a manifest that
 * points elsewhere (../, absolute) is refused rather than followed.
 */
export function modelFilesIn(dir: string): { files: string[] } | { problem: string } {
  const modelJson = join(dir, 'model.json');
  if (!existsSync(modelJson)) return { problem: `no model.json in ${dir}` };
  let manifest: unknown;
  try {
    manifest = (JSON.parse(readFileSync(modelJson, 'utf8')) as { weightsManifest?: unknown })
      .weightsManifest;
  } catch (error) {
    return { problem: `${modelJson} is not valid JSON (${String(error)})` };
  }
  if (!Array.isArray(manifest) || manifest.length === 0) {
    return { problem: `${modelJson} has no weightsManifest` };
  }
  const files = ['model.json'];
  for (const group of manifest as ManifestGroup[]) {
    if (!Array.isArray(group.paths)) return { problem: `${modelJson}: a group has no paths` };
    for (const path of group.paths) {
      if (typeof path !== 'string' || !/^[A-Za-z0-9._-]+$/.test(path) || path.startsWith('.')) {
        return { problem: `${modelJson}: shard name ${JSON.stringify(path)} is not a file name` };
      }
      if (!existsSync(join(dir, path))) return { problem: `${dir} lacks the shard ${path}` };
      files.push(path);
    }
  }
  return { files };
}

/**
 * The first folder that holds a complete model: $HEADCHOMP_MODEL_DIR, then the candidates.
 * `log` hears why a folder that exists was passed over (a half-downloaded model, say).
 */
export function findModelFolder(
  root: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  log: (message: string) => void = () => {},
): ModelFolder | null {
  const configured = env.HEADCHOMP_MODEL_DIR?.trim();
  const candidates: Array<{ dir: string; origin: string }> = [];
  if (configured) {
    candidates.push({
      dir: isAbsolute(configured) ? configured : resolve(root, configured),
      origin: 'HEADCHOMP_MODEL_DIR',
    });
  }
  candidates.push(...modelDirCandidates(root, env));
  for (const { dir, origin } of candidates) {
    if (!existsSync(dir)) {
      if (origin === 'HEADCHOMP_MODEL_DIR') log(`HEADCHOMP_MODEL_DIR=${dir} does not exist`);
      continue;
    }
    const found = modelFilesIn(dir);
    if ('problem' in found) {
      log(`skipping ${origin}: ${found.problem}`);
      continue;
    }
    return { dir, origin, files: found.files };
  }
  return null;
}

/** Content type of a model file: JSON for model.json, raw bytes for everything else. */
export function modelContentType(file: string): string {
  return file.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/octet-stream';
}

/**
 * A connect middleware answering GET/HEAD `<base>models/mobilenet/<file>` from `dir` for the
 * files listed, with the right content type; anything else goes on to `next`.
 */
export function modelMiddleware(getFolder: () => { dir: string; files: readonly string[] } | null) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    const marker = `/${MODEL_PUBLIC_DIR}/`;
    const at = url.indexOf(marker);
    if (at < 0 || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    const folder = getFolder();
    let file = '';
    try {
      file = decodeURIComponent(url.slice(at + marker.length));
    } catch {
      // A malformed escape is just not one of our files.
    }
    if (folder === null || !folder.files.includes(file)) {
      next();
      return;
    }
    const path = normalize(join(folder.dir, file));
    if (!path.startsWith(normalize(folder.dir) + sep)) {
      next();
      return;
    }
    let body: Buffer;
    try {
      body = readFileSync(path);
    } catch {
      next();
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', modelContentType(file));
    res.setHeader('Content-Length', String(body.length));
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** The Vite plugin: dev and preview serve, build copies, the client is told which. */
export function modelAssets(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let folder: ModelFolder | null = null;
  const warn = (message: string): void => console.warn(`[headchomp model] ${message}`);

  return {
    name: 'headchomp-model-assets',
    config(config) {
      root = config.root ? resolve(config.root) : process.cwd();
      folder = findModelFolder(root, process.env, warn);
      const info: ModelBuildInfo = {
        local: folder !== null,
        path: `${MODEL_PUBLIC_DIR}/model.json`,
      };
      return { define: { __HEADCHOMP_MODEL__: JSON.stringify(info) } };
    },
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      if (config.command === 'serve' && !config.isProduction && folder === null) {
        warn(
          'no local MobileNet weights found (HEADCHOMP_MODEL_DIR, assets/models/mobilenet/, ' +
            '../shared/models/mobilenet_v1_025_224_graph_tfhub/): the game will try the official ' +
            'URL. Run `npm run model:fetch` on a machine with internet to keep a copy.',
        );
      }
    },
    configureServer(server) {
      server.middlewares.use(modelMiddleware(() => folder));
    },
    configurePreviewServer(server) {
      // Preview serves what the build copied, so it shows exactly what would be deployed.
      const builtDir = join(outDir, MODEL_PUBLIC_DIR);
      server.middlewares.use(
        modelMiddleware(() => {
          const found = existsSync(builtDir) ? modelFilesIn(builtDir) : null;
          return found !== null && 'files' in found ? { dir: builtDir, files: found.files } : null;
        }),
      );
    },
    generateBundle() {
      if (folder === null) {
        this.warn('no local MobileNet weights to copy: the build will load the official URL');
        return;
      }
      for (const file of folder.files) {
        const path = join(folder.dir, file);
        if (!statSync(path).isFile()) continue;
        this.emitFile({
          type: 'asset',
          fileName: `${MODEL_PUBLIC_DIR}/${file}`,
          source: readFileSync(path),
        });
      }
    },
  };
}
