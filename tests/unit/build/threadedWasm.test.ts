// The build's fix for the threaded wasm backend (build/threadedWasm.ts), against the real
// tfjs-backend-wasm files in node_modules: if an upgrade changes them, this fails here rather
// than ship a threaded backend that hangs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { factorySource, STRINGIFIED_FACTORY, withFactorySource } from '../../../build/threadedWasm';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
const backendCode = readFileSync(join(dist, 'backend_wasm.js'), 'utf8');
const factoryFile = readFileSync(
  join(dist, '..', 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js'),
  'utf8',
);

describe('the threaded wasm factory as the build writes it', () => {
  it('replaces the one stringified factory with the package file as a literal', () => {
    const source = factorySource(factoryFile);
    const code = withFactorySource(backendCode, source);
    expect(code).not.toContain(STRINGIFIED_FACTORY);
    expect(code).toContain(JSON.stringify(source));
    // Everything else in the file stays as it was.
    expect(code.length).toBe(
      backendCode.length - STRINGIFIED_FACTORY.length + JSON.stringify(source).length,
    );
  });

  it('is a self-contained factory: run alone, as a helper thread runs it, it defines the function', () => {
    // A helper thread runs `var WasmBackendModuleThreadedSimd = <text>` with none of the
    // bundle's names around it (no exports, module, define or document either).
    const text = `var WasmBackendModuleThreadedSimd = ${factorySource(factoryFile)}`;
    const scope: Record<string, unknown> = {};
    runInNewContext(text, scope);
    expect(typeof scope.WasmBackendModuleThreadedSimd).toBe('function');
  });

  it('fails the build when the package no longer matches', () => {
    expect(() => factorySource('module.exports = 1')).toThrow(/no longer starts as expected/);
    expect(() => withFactorySource('nothing here', 'x')).toThrow(/once/);
    expect(() => withFactorySource(`${STRINGIFIED_FACTORY};${STRINGIFIED_FACTORY}`, 'x')).toThrow(
      /once/,
    );
  });
});
