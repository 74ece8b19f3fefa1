/**
 * Builds the game against Phaser's CommonJS source modules (src/phaserLite/phaser.ts picks
 * them) rather than its one-piece bundle, as Phaser's own webpack build does:
 *
 * - `phaser/src/...` resolves to the package's src/ folder, which its "exports" field hides;
 * - Phaser's build flags are its webpack DefinePlugin's (`typeof FLAG` read as a boolean;
 *   left undefined, `typeof FLAG` is the truthy string "undefined" and every flag is on):
 *   both renderers, no sound manager (the game plays its own: `audio.noAudio`), none of
 *   WebGL's debug checks (its release build's setting), no 3D camera or Facebook plugins;
 * - a few modules that Phaser's core requires whatever a game uses are left out or made
 *   smaller (LEFT_OUT, SMALLER below): together about 40 KiB of gzip JavaScript before the menu.
 */
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

export const PHASER_FLAGS = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
  EXPERIMENTAL: false,
};

const NODES = 'renderer/webgl/renderNodes';

/**
 * Modules (paths in phaser/src; `dir/*` is every file of a folder) that the WebGL renderer and
 * the cameras require up front but run only for what the game never draws: filters (blur,
 * glow, masks... the controllers and their render nodes), lights, ropes, meshes and tilemaps.
 * Each becomes a stand-in that throws, naming itself, if anything ever calls or constructs it.
 * The render nodes the game does run were read from RenderNodeManager.getNode on every screen,
 * in play, and across a lost and restored WebGL context.
 */
export const LEFT_OUT = [
  'filters/*',
  `${NODES}/filters/*`,
  `${NODES}/BatchHandlerPointLight.js`,
  `${NODES}/BatchHandlerStrip.js`,
  `${NODES}/submitter/SubmitterMeshToQuad.js`,
  `${NODES}/submitter/SubmitterTile.js`,
  `${NODES}/submitter/SubmitterTilemapGPULayer.js`,
  `${NODES}/transformer/TransformerTile.js`,
];

/**
 * Namespace modules (an object of a whole folder's modules) that a module the game runs
 * requires for one member: each is replaced by an object of just that member.
 * - renderer/index.js: the WebGL batch handlers read `Renderer.Events` from it; the rest is
 *   every renderer module again, shaders and render nodes included.
 * - math/index.js: the game config seeds `Math.RND` (a RandomDataGenerator) through it; the rest
 *   is all of Phaser's maths.
 */
export const SMALLER: Record<string, string> = {
  'renderer/index.js': `module.exports = { Events: require('./events') };`,
  'math/index.js': `module.exports = { RandomDataGenerator: require('./random-data-generator/RandomDataGenerator') };`,
};

function leftOut(path: string): boolean {
  return LEFT_OUT.some((pattern) =>
    pattern.endsWith('/*')
      ? dirname(path) === pattern.slice(0, -2) && path.endsWith('.js')
      : path === pattern,
  );
}

function standIn(path: string): string {
  const message = `Phaser's ${path} is left out of this game's build (build/phaserSource.ts)`;
  return `module.exports = function leftOut() { throw new Error(${JSON.stringify(message)}); };`;
}

export function phaserSource(): Plugin {
  const source = join(dirname(require.resolve('phaser/package.json')), 'src');
  const define = Object.fromEntries(
    Object.entries(PHASER_FLAGS).map(([flag, on]) => [`typeof ${flag}`, String(on)]),
  );
  const load = (id: string): string | null => {
    if (!id.startsWith(source + sep)) return null;
    const path = relative(source, id).split(sep).join('/');
    if (path in SMALLER) return SMALLER[path] ?? null;
    return leftOut(path) ? standIn(path) : null;
  };
  return {
    name: 'headchomp-phaser-source',
    config: () => ({
      resolve: { alias: [{ find: /^phaser\/src\//, replacement: `${source}/` }] },
      define,
      // The dev server pre-bundles these CommonJS modules apart from the build's pipeline:
      // the same flags and stand-ins there, so dev runs the Phaser that ships.
      optimizeDeps: {
        rolldownOptions: {
          transform: { define },
          plugins: [{ name: 'headchomp-phaser-source-deps', load }],
        },
      },
    }),
    load,
  };
}
