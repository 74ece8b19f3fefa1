/**
 * Lets TensorFlow.js's threaded wasm backend start from the minified build.
 *
 * Why it broke (RECIPES.md: "a worker ReferenceError, then setBackend hangs"): to start its
 * helper threads, tfjs-backend-wasm writes its Emscripten factory into a Blob with
 * `wasmFactoryThreadedSimd.toString()`, and each helper thread runs that text on its own.
 * In our bundle that function is the minifier's copy, not the package's: its names are
 * shortened and it may call helpers the bundler hoisted out of it, none of which exist in the
 * helper thread, so the thread throws and the backend waits for it forever.
 *
 * The fix: at build time that one expression becomes the package's own factory file as a
 * string literal, unminified and self-contained (it declares everything it uses, and only
 * exports itself where `exports` or `define` exist, which a worker has not). Nothing else in
 * the package changes. The build fails if the package stops matching, rather than ship a
 * threaded backend that hangs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** The expression in tfjs-backend-wasm's backend_wasm.js that stringifies the factory. */
export const STRINGIFIED_FACTORY = 'wasmFactoryThreadedSimd.toString()';

/** The file of the wasm backend's package that holds that expression. */
const BACKEND_FILE = /@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;

/** The factory's own source: the package's file after `var WasmBackendModuleThreadedSimd =`. */
export function factorySource(fileText: string): string {
  const head = /^\s*var WasmBackendModuleThreadedSimd\s*=/.exec(fileText);
  if (head === null) throw new Error('threadedWasm: the factory file no longer starts as expected');
  return fileText.slice(head[0].length);
}

/** `code` with the stringified factory replaced by `source` as a literal (it must occur once). */
export function withFactorySource(code: string, source: string): string {
  const at = code.indexOf(STRINGIFIED_FACTORY);
  if (at < 0 || code.indexOf(STRINGIFIED_FACTORY, at + 1) >= 0) {
    throw new Error(`threadedWasm: expected ${STRINGIFIED_FACTORY} once in backend_wasm.js`);
  }
  return code.slice(0, at) + JSON.stringify(source) + code.slice(at + STRINGIFIED_FACTORY.length);
}

export function threadedWasm(): Plugin {
  let source: string | null = null;
  return {
    name: 'headchomp-threaded-wasm',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!BACKEND_FILE.test(id.split('?')[0] ?? id)) return null;
      if (source === null) {
        const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
        const file = join(dist, '..', 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js');
        source = factorySource(readFileSync(file, 'utf8'));
      }
      return { code: withFactorySource(code, source), map: null };
    },
  };
}
