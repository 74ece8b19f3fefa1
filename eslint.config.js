import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    // The engine runs in a Web Worker: it knows the shots and the messages, nothing of the
    // page (camera, steering, the link's page side, IndexedDB, the coordinator).
    files: ['src/vision/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*'], message: 'the engine does not draw' },
            {
              regex: '/(camera|steering|calibration|scenes|ui|input|storage)/',
              message: 'the engine runs in a worker: it imports nothing from the page side',
            },
            {
              regex: '/link/(enginePort|engineLink|backendPreference)$|/headControl$',
              message: 'the engine only speaks the messages of link/headProtocol.ts',
            },
          ],
        },
      ],
    },
  },
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
