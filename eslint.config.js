import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The patterns every file of the engine keeps to (see the engine's block below). */
const ENGINE_PATTERNS = [
  { group: ['phaser', 'phaser/*'], message: 'the engine does not draw' },
  {
    regex: '/(camera|steering|calibration|scenes|ui|input|storage)/',
    message: 'the engine runs in a worker: it imports nothing from the page side',
  },
  {
    regex: '/link/(enginePort|engineLink|backendPreference)$|/headControl$',
    message: 'the engine only speaks the messages of link/headProtocol.ts',
  },
];

/**
 * One room of the engine: the engine's own patterns and the room's. (A later block's
 * no-restricted-imports replaces an earlier one's for the same file, so each room repeats the
 * engine's.)
 */
function engineRoom(files, roomPatterns) {
  return {
    files: Array.isArray(files) ? files : [files],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...ENGINE_PATTERNS, ...roomPatterns] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'bench/results/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The rules of the game must run in plain Node: no engine, no neural network.
    files: ['src/game/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['phaser', 'phaser/*', '@tensorflow/*', '@tensorflow-models/*'] },
      ],
    },
  },
  {
    // Head control never draws: no Phaser, no scenes, no DOM widgets.
    files: ['src/vision/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*'], message: 'head control does not draw' },
            { regex: '/(scenes|ui)/', message: 'head control does not know the screens' },
          ],
        },
      ],
    },
  },
  // The engine runs in a Web Worker: it knows the shots and the messages, nothing of the
  // page (camera, steering, the link's page side, IndexedDB, the coordinator).
  engineRoom('src/vision/engine/**/*.ts', []),
  // What a frame becomes (framing, the face finder and mesh, MobileNet's features) is built
  // and measured on its own: it knows nothing of the classifier or of the worker's runtime.
  engineRoom('src/vision/engine/features/**/*.ts', [
    {
      regex: '/(classifier|runtime)/',
      message: 'features/ (what a frame becomes) imports nothing from classifier/ or runtime/',
    },
  ]),
  // The classifier and the shared files at the engine's top compare plain numbers: no
  // TensorFlow.js, no runtime, and from features/ only types (a shared number belongs in a
  // file at engine/'s top, like recipe.ts or unitLength.ts).
  engineRoom(
    ['src/vision/engine/classifier/**/*.ts', 'src/vision/engine/*.ts'],
    [
      {
        group: ['@tensorflow/*', '@tensorflow-models/*'],
        message: 'the classifier compares plain numbers: no TensorFlow.js',
      },
      {
        regex: '/(classifier|runtime)/',
        message: "plain numbers import no runtime/ (and the files at engine/'s top no classifier/)",
      },
      {
        regex: '/features/',
        allowTypeImports: true,
        message: "from features/ only types: a shared number belongs at engine/'s top",
      },
    ],
  ),
  {
    // TensorFlow.js is the engine's alone (the page loads it only inside the worker, or
    // lazily when there is no worker): the page side of head control never imports it.
    files: [
      'src/vision/camera/**/*.ts',
      'src/vision/calibration/**/*.ts',
      'src/vision/link/**/*.ts',
      'src/vision/steering/**/*.ts',
      'src/vision/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*'], message: 'head control does not draw' },
            { regex: '/(scenes|ui)/', message: 'head control does not know the screens' },
            {
              group: ['@tensorflow/*', '@tensorflow-models/*'],
              allowTypeImports: true,
              message: 'TensorFlow.js runs in the engine (src/vision/engine/) only',
            },
          ],
        },
      ],
    },
  },
);
