/**
 * The production build's Content-Security-Policy, as a <meta http-equiv> tag injected into
 * index.html at build time (dev keeps Vite's inline client scripts and is not covered).
 *
 * Everything comes from the page's own origin: scripts, styles, the model, the wasm files and
 * the worker. 'wasm-unsafe-eval' is there only because TensorFlow.js's wasm backend compiles
 * WebAssembly; no 'unsafe-eval', no 'unsafe-inline', no third-party origin. Camera frames play
 * from a MediaStream (media-src mediastream: blob:); Phaser makes textures from canvases and
 * data: URLs (img-src data: blob:). Only a build without a local copy of a model (MobileNet
 * the face detector or the face mesh, modelSource.ts) lets connect-src reach the official
 * TF-Hub files.
 *
 * A meta policy cannot say frame-ancestors; a server that can should also send it as a header.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { findModelFolder, SERVED_MODELS } from './modelAssets.ts';

/** Where TF-Hub serves the official model files from (model.json redirects to storage). */
export const OFFICIAL_MODEL_ORIGINS = ['https://tfhub.dev', 'https://storage.googleapis.com'];

export function contentSecurityPolicy(options: { localModel: boolean }): string {
  const connect = ["'self'", ...(options.localModel ? [] : OFFICIAL_MODEL_ORIGINS)];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'font-src': ["'self'"],
    'connect-src': connect,
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Injects the policy as the first element of <head> in the built index.html. */
export function cspMeta(): Plugin {
  let localModel = false;
  return {
    name: 'headchomp-csp',
    apply: 'build',
    configResolved(config) {
      const root = resolve(config.root);
      localModel = SERVED_MODELS.every(
        (model) => findModelFolder(root, process.env, () => {}, model) !== null,
      );
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [
          {
            tag: 'meta',
            attrs: {
              'http-equiv': 'Content-Security-Policy',
              content: contentSecurityPolicy({ localModel }),
            },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
