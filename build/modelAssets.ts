/**
 * Serves the models head control needs from the game's own origin, next to index.html, so the
 * game never depends on a third-party server and the browser tests never leave the machine:
 * MobileNet at `models/mobilenet/`, the face detector (MediaPipe's short-range BlazeFace)
 * at `models/face-detector/` and the face mesh (MediaPipe's Face Mesh) at `models/face-mesh/`.
 *
 * Where each model's files come from: the first of these folders that holds a model.json whose
 * shards are all present (relative paths are taken from the repository root):
 *   1. the model's environment variable ($HEADCHOMP_MODEL_DIR, $HEADCHOMP_FACE_MODEL_DIR,
 *      $HEADCHOMP_FACE_MESH_DIR)
 *   2. assets/models/<name>/            (`npm run model:fetch` puts the official files here)
 *   3. <shared>/models/<folder>/        (on every dev and CI machine; <shared> is ../shared
 *      beside the checkout, else /work/shared: build/sharedDir.ts)
 * The weights are third-party files and are never committed (assets/models/ is git-ignored).
 *
 * `vite` (dev) serves them from that folder, `vite build` copies them into dist/models/<name>/
 * and `vite preview` serves dist's copy (the service worker then precaches and checks them like
 * every built file). Shards without a known extension are served as application/octet-stream.
 * The client learns at build time whether a local copy exists through a constant per model
 * (`__HEADCHOMP_MODEL__`, `__HEADCHOMP_FACE_MODEL__`, `__HEADCHOMP_FACE_MESH__`); only without one does it try the
 * official URL.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { sharedDir } from './sharedDir.ts';

/** A model the game serves from its own origin, and where its files may be found. */
export interface ServedModel {
  /** For the build's log. */
  readonly name: string;
  /** Where the model lives under the page, in the build and on the servers. */
  readonly publicDir: string;
  /** The environment variable naming a folder to take the files from. */
  readonly envVar: string;
  /** The project's own copy (npm run model:fetch), relative to the repository root. */
  readonly projectDir: string;
  /** The team's shared copy, under <shared>/models/. */
  readonly sharedFolder: string;
  /** The constant the client reads (see src/vision/link/modelSource.ts). */
  readonly define: string;
}

export const MOBILENET: ServedModel = {
  name: 'MobileNet weights',
  publicDir: 'models/mobilenet',
  envVar: 'HEADCHOMP_MODEL_DIR',
  projectDir: 'assets/models/mobilenet',
  sharedFolder: 'mobilenet_v1_025_224_graph_tfhub',
  define: '__HEADCHOMP_MODEL__',
};

export const FACE_DETECTOR: ServedModel = {
  name: 'face detector',
  publicDir: 'models/face-detector',
  envVar: 'HEADCHOMP_FACE_MODEL_DIR',
  projectDir: 'assets/models/face-detector',
  sharedFolder: 'mediapipe_face_detection_short_128',
  define: '__HEADCHOMP_FACE_MODEL__',
};

export const FACE_MESH: ServedModel = {
  name: 'face mesh',
  publicDir: 'models/face-mesh',
  envVar: 'HEADCHOMP_FACE_MESH_DIR',
  projectDir: 'assets/models/face-mesh',
  sharedFolder: 'mediapipe_facemesh_192',
  define: '__HEADCHOMP_FACE_MESH__',
};

export const SERVED_MODELS: readonly ServedModel[] = [MOBILENET, FACE_DETECTOR, FACE_MESH];

/** Where MobileNet lives under the page (the first served model's folder). */
export const MODEL_PUBLIC_DIR = MOBILENET.publicDir;

/** The project's own copy (npm run model:fetch), then the team's shared weights. */
function modelDirCandidates(
  root: string,
  env: Readonly<Record<string, string | undefined>>,
  model: ServedModel,
): Array<{ dir: string; origin: string }> {
  return [
    { dir: resolve(root, model.projectDir), origin: model.projectDir },
    {
      dir: join(sharedDir(root, env), 'models', model.sharedFolder),
      origin: `../shared/models/${model.sharedFolder}`,
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
 * The first folder that holds a complete model: the model's environment variable, then the
 * candidates. `log` hears why a folder that exists was passed over (a half-downloaded model).
 */
export function findModelFolder(
  root: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  log: (message: string) => void = () => {},
  model: ServedModel = MOBILENET,
): ModelFolder | null {
  const configured = env[model.envVar]?.trim();
  const candidates: Array<{ dir: string; origin: string }> = [];
  if (configured) {
    candidates.push({
      dir: isAbsolute(configured) ? configured : resolve(root, configured),
      origin: model.envVar,
    });
  }
  candidates.push(...modelDirCandidates(root, env, model));
  for (const { dir, origin } of candidates) {
    if (!existsSync(dir)) {
      if (origin === model.envVar) log(`${model.envVar}=${dir} does not exist`);
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
 * A connect middleware answering GET/HEAD `<base><publicDir>/<file>` from `dir` for the
 * files listed, with the right content type; anything else goes on to `next`.
 */
export function modelMiddleware(
  getFolder: () => { dir: string; files: readonly string[] } | null,
  publicDir: string = MODEL_PUBLIC_DIR,
) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    const marker = `/${publicDir}/`;
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
  const folders = new Map<ServedModel, ModelFolder | null>();
  const warn = (message: string): void => console.warn(`[headchomp model] ${message}`);

  return {
    name: 'headchomp-model-assets',
    config(config) {
      root = config.root ? resolve(config.root) : process.cwd();
      const define: Record<string, string> = {};
      for (const model of SERVED_MODELS) {
        const folder = findModelFolder(root, process.env, warn, model);
        folders.set(model, folder);
        const info: ModelBuildInfo = {
          local: folder !== null,
          path: `${model.publicDir}/model.json`,
        };
        define[model.define] = JSON.stringify(info);
      }
      return { define };
    },
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      if (config.command !== 'serve' || config.isProduction) return;
      for (const model of SERVED_MODELS) {
        if (folders.get(model) !== null) continue;
        warn(
          `no local ${model.name} found ($${model.envVar}, ${model.projectDir}/, ` +
            `../shared/models/${model.sharedFolder}/): the game will try the official URL. ` +
            'Run `npm run model:fetch` on a machine with internet to keep a copy.',
        );
      }
    },
    configureServer(server) {
      for (const model of SERVED_MODELS) {
        server.middlewares.use(modelMiddleware(() => folders.get(model) ?? null, model.publicDir));
      }
    },
    configurePreviewServer(server) {
      // Preview serves what the build copied, so it shows exactly what would be deployed.
      for (const model of SERVED_MODELS) {
        const builtDir = join(outDir, model.publicDir);
        server.middlewares.use(
          modelMiddleware(() => {
            const found = existsSync(builtDir) ? modelFilesIn(builtDir) : null;
            return found !== null && 'files' in found
              ? { dir: builtDir, files: found.files }
              : null;
          }, model.publicDir),
        );
      }
    },
    generateBundle() {
      for (const model of SERVED_MODELS) {
        const folder = folders.get(model) ?? null;
        if (folder === null) {
          this.warn(`no local ${model.name} to copy: the build will load the official URL`);
          continue;
        }
        for (const file of folder.files) {
          const path = join(folder.dir, file);
          if (!statSync(path).isFile()) continue;
          this.emitFile({
            type: 'asset',
            fileName: `${model.publicDir}/${file}`,
            source: readFileSync(path),
          });
        }
      }
    },
  };
}
